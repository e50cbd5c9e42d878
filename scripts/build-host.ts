// `npm run build:host` (part of `npm run dist`): the native-messaging host as a Node single
// executable application for the platform this runs on: the bundled host (npm run build) plus
// this Node binary, so a packaged app needs no Node installed and does not depend on Electron's
// RunAsNode fuse. electron-builder ships it from out/host/ (electron-builder.yml extraResources);
// each platform's release build runs this on that platform.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_BASENAME } from '../electron/browser-bridge/register.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOST = join(ROOT, 'out', 'host');
/** Node's documented sentinel for single executable applications. */
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export function buildHostExecutable(platform: NodeJS.Platform = process.platform): string {
  const main = join(HOST, `${HOST_BASENAME}.cjs`);
  if (!existsSync(main)) throw new Error('out/host/rpd-desk-bridge.cjs is missing: run npm run build first.');
  const blob = join(HOST, 'sea-prep.blob');
  const config = join(HOST, 'sea-config.json');
  writeFileSync(config, JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false }));
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'inherit' });
  const exe = join(HOST, platform === 'win32' ? `${HOST_BASENAME}.exe` : HOST_BASENAME);
  copyFileSync(process.execPath, exe);
  if (platform === 'darwin') execFileSync('codesign', ['--remove-signature', exe]);
  const postject = join(ROOT, 'node_modules', 'postject', 'dist', 'cli.js');
  const args = [postject, exe, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', FUSE, ...(platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [])];
  execFileSync(process.execPath, args, { stdio: 'inherit' });
  // macOS refuses unsigned code: sign ad hoc here; electron-builder signs it with the app's identity.
  if (platform === 'darwin') execFileSync('codesign', ['--sign', '-', exe]);
  return exe;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(`built ${buildHostExecutable()}`);
