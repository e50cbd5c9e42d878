// Development helpers for `npm start` and `npm run web`: never shipped in the app bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the app when out/ is missing or older than its sources; build output goes to stderr. */
export function ensureBuild(): void {
  const built = join(ROOT, 'out/renderer/index.html');
  const sources = ['renderer', 'shared', 'electron'].map((d) => newestMtime(join(ROOT, d)));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
  console.error('Building the app (electron-vite build)...');
  const cli = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
  const r = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}

/** Path of the Electron binary if one is installed, as the electron package would find it. */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const fallback = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : fallback;
  const full = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, exe) : join(pkg, 'dist', exe);
  return existsSync(full) ? full : null;
}

