// `npm run web`: the app in a browser. Same core and handlers as the Electron app, reached
// through the HTTP bridge on 127.0.0.1. Prints one line: the URL to open.
import { PROFILE_WORDS } from '../shared/words.ts';
import { fileURLToPath } from 'node:url';
import { startRuntime } from './core/runtime.ts';
import { startBridge } from './bridge.ts';
import { dataDir } from './core/paths.ts';
import { ensurePrivateDir } from './core/private-files.ts';
import { openPlainNodeSettings } from './core/settings/index.ts';
import { ensureBuild } from './dev/ensure-build.ts';
import { integrationFor, serveBrowserBridge } from './browser-bridge/index.ts';

const USAGE = 'usage: npm run web -- [--port N]';

export async function main(argv: string[]): Promise<void> {
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port' || arg?.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`--port needs a number from 0 to 65535, not "${value ?? ''}".\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return;
    } else fatal(`Unknown option "${arg}".\n${USAGE}`);
  }
  const staticDir = fileURLToPath(new URL('../out/renderer/', import.meta.url));
  ensureBuild();
  const dir = ensurePrivateDir(dataDir());
  const settings = openPlainNodeSettings({ dir });
  for (const notice of settings.takeNotices()) console.error(notice);
  const browserIntegration = integrationFor(dir, { packaged: false, outDir: fileURLToPath(new URL('../out/', import.meta.url)) });
  const runtime = await startRuntime({ dataDir: dir, transport: 'browser', settings, track: true, browserIntegration });
  // The extension's orders land here too; nobody can be asked in a browser, so Settings or the CLI allows it.
  const extension = await serveBrowserBridge({ dataDir: dir, handlers: runtime.handlers, events: runtime.events, preferences: () => settings.getPreferences(), askApproval: null, log: console.error });
  let bridge;
  try {
    bridge = await startBridge({ handlers: runtime.handlers, events: runtime.events, staticDir, port });
  } catch (err) {
    await runtime.close();
    fatal(`Cannot listen on port ${port}: ${(err as Error).message}`);
  }
  console.log(`RPD Desk (${PROFILE_WORDS[settings.getPublicSettings().activeProfile]} profile) is running at ${bridge.url}`);
  const stop = async (): Promise<void> => {
    await bridge.close();
    await extension?.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function fatal(message: string): never {
  console.error(message);
  process.exit(2);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
