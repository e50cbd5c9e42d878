// `rpd browser-integration install|uninstall|status [--browser B] [--profile-dir DIR]`: the same
// registration as Settings' Browser integration, for IT scripts and tests. Installing counts as
// allowing the extension. Exit 0 done, 1 failed, 2 bad usage.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dataDir } from '../core/paths.ts';
import { browserIntegration } from './integration.ts';
import { BROWSERS, BROWSER_LABELS, defaultPlace, registrar, resolveHostPath } from './register.ts';
import type { BrowserKind } from './register.ts';

export const BROWSER_INTEGRATION_USAGE = `  rpd browser-integration install [--browser chromium|chrome|edge|brave] [--profile-dir DIR]
  rpd browser-integration uninstall [--browser B] [--profile-dir DIR]
  rpd browser-integration status [--browser B] [--profile-dir DIR] [--json]`;

const OUT_DIR = fileURLToPath(new URL('../../out/', import.meta.url));

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export async function browserIntegrationCli(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { browser: { type: 'string' }, 'profile-dir': { type: 'string' }, json: { type: 'boolean' } } });
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  const [action, ...extra] = parsed.positionals;
  if (!action || !['install', 'uninstall', 'status'].includes(action) || extra.length) return usage(io, 'browser-integration needs install, uninstall or status.');
  const browser = parsed.values.browser;
  if (browser !== undefined && !(BROWSERS as readonly string[]).includes(browser)) return usage(io, `--browser must be one of ${BROWSERS.join(', ')}, not "${browser}".`);
  const profileDir = parsed.values['profile-dir'];
  const browsers: BrowserKind[] = browser ? [browser as BrowserKind] : profileDir ? ['chromium'] : [...BROWSERS];
  const place = defaultPlace(dataDir(io.env));
  const hostPath = (): string => resolveHostPath({ packaged: false, outDir: OUT_DIR });
  try {
    if (action === 'status') {
      const reg = registrar(place, hostPath);
      const rows = await Promise.all(browsers.map(async (b) => ({ browser: b, ...(await reg.status(b, profileDir)) })));
      const allowed = (await browserIntegration(place, hostPath).status()).allowed;
      if (parsed.values.json) io.out(JSON.stringify({ allowed, browsers: rows }));
      else {
        for (const r of rows) io.out(`${BROWSER_LABELS[r.browser]}: ${r.installed ? 'on' : 'off'} (${r.manifest})`);
        io.out(`Extension allowed: ${allowed ? 'yes' : 'no'}`);
      }
      return 0;
    }
    const integration = browserIntegration(place, hostPath);
    for (const b of browsers) {
      const file = await integration.set(b, action === 'install', profileDir);
      io.out(`${BROWSER_LABELS[b]}: ${action === 'install' ? 'host registered in' : 'host removed from'} ${file}`);
    }
    return 0;
  } catch (err) {
    io.err(`browser-integration ${action} failed: ${(err as Error).message}`);
    return 1;
  }
}

function usage(io: Io, problem: string): number {
  io.err(`${problem}\nusage:\n${BROWSER_INTEGRATION_USAGE}`);
  return 2;
}
