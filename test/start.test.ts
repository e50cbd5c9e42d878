// `npm start` where no Electron binary exists: one line that says so, then the preview's URL.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { electronBinary } from '../electron/dev/ensure-build.ts';

const START = fileURLToPath(new URL('../electron/start.ts', import.meta.url));
let child: ChildProcess | null = null;
afterAll(() => void child?.kill('SIGTERM'));

describe('npm start without an Electron binary', () => {
  it('finds no binary when ELECTRON_OVERRIDE_DIST_PATH names an empty folder', () => {
    expect(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(tmpdir(), 'no-electron-')) })).toBeNull();
  });

  it('says why in one line and serves the app in the browser instead', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-electron-'));
    child = spawn(process.execPath, [START, '--port', '0'], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty, RPD_DATA_DIR: mkdtempSync(join(tmpdir(), 'rpd-start-')) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve) => rl.on('line', (l) => lines.push(l) === 2 && resolve()));
    expect(lines[0]).toMatch(/^No Electron binary is installed here .*browser instead\.$/);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/)#token=[\w-]+$/.exec(lines[1] ?? '');
    expect(url, lines[1]).not.toBeNull();
    const page = await fetch(url![1]!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });
});
