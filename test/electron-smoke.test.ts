// Smoke test of the real desktop app: launches Electron on the built app (out/main/main.js),
// creates a Demo order and waits for its QR. Runs only where an Electron binary exists; anywhere
// else it is reported as skipped, with the reason in the test name and on the console.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mainScript = path.join(root, 'out', 'main', 'main.js');

/**
 * Where the Electron binary is, found the way node_modules/electron/index.js finds it, but
 * without requiring that file: it starts a download when the binary is missing.
 */
function locateElectron(): { path: string } | { skip: string } {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'))
    : relative
      ? path.join(pkgDir, 'dist', relative)
      : null;
  if (!candidate) return { skip: 'no Electron binary installed (node_modules/electron/path.txt missing, ELECTRON_OVERRIDE_DIST_PATH unset)' };
  if (!existsSync(candidate)) return { skip: `no Electron binary at ${candidate}` };
  if (!existsSync(mainScript)) return { skip: 'app not built (out/main/main.js missing): run the build first' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { skip: 'no display on Linux (run under xvfb-run)' };
  }
  return { path: candidate };
}

const electron = locateElectron();
const skipReason = 'skip' in electron ? electron.skip : null;
if (skipReason) console.info(`[electron-smoke] skipped: ${skipReason}`);

describe('Electron smoke', () => {
  let app: ElectronApplication | null = null;
  let userData: string | null = null;

  afterAll(async () => {
    await app?.close().catch(() => {});
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  it.skipIf(skipReason !== null)(
    `creates a Demo order and shows its QR${skipReason ? ` [skipped: ${skipReason}]` : ''}`,
    async () => {
      if (!('path' in electron)) return;
      // A fresh profile folder: first run means the Demo profile (embedded simulator).
      userData = await mkdtemp(path.join(tmpdir(), 'rpd-smoke-'));
      const args = [mainScript, `--user-data-dir=${userData}`];
      // Chromium refuses its sandbox as root (containers); everywhere else it stays on.
      if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
      app = await _electron.launch({
        executablePath: electron.path,
        args,
        env: { ...process.env, RPD_DESK_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: '' },
        timeout: 30_000,
      });
      const window = await app.firstWindow();
      expect(window.url()).toMatch(/^app:\/\/rpd\//);
      await window.getByLabel('Customer name').fill('Ravi Kumar');
      await window.getByRole('button', { name: 'Generate' }).click();
      const qr = window.locator('img[alt*="QR"]').first();
      await qr.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await qr.getAttribute('alt')).toContain('QR');
      await app.close();
      app = null;
    },
    60_000,
  );
});
