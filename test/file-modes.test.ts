// Files only for their owner: the data folder is 0700 and history.db (with -wal and -shm), the
// settings file, the key files and the logs are 0600, on every path that makes them: the app's
// vault and log, the preview's runtime and the CLI run as a child process, also into a folder the
// CLI creates itself. Real files, real modes, under a permissive umask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log from 'electron-log/node';
import { startSimulator } from '../electron/simulator/server.ts';
import { startRuntime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { openVault } from '../electron/shell/vault/electron.ts';
import { configureFileLogging } from '../electron/shell/log/file-log.ts';
import { settingsFilePath } from '../electron/core/settings/store-file.ts';
import { resetElectronFake, setSafeStorageBackend } from './fakes/electron.ts';
import { runRpd } from './fixtures/cli.ts';
import { answering } from './fixtures/answers.ts';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
/** Every entry below `dir` with its mode, so a failure names the file. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': mode(dir) };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = mode(path);
  }
  return out;
}
const ownerOnly = (found: Record<string, string>): void => {
  for (const [name, m] of Object.entries(found)) expect(`${name} ${m}`).toMatch(/ (700|600)$/);
};

let root: string;
let oldUmask: number;
beforeAll(() => {
  // The widest common umask: whatever is owner-only below is so because the app made it so.
  oldUmask = process.umask(0o002);
  root = mkdtempSync(join(tmpdir(), 'rpd-modes-'));
  chmodSync(root, 0o755);
});
afterAll(() => {
  process.umask(oldUmask);
  resetElectronFake();
});

describe.skipIf(process.platform === 'win32')('owner-only files', () => {
  it('the CLI makes its own folder 0700 and history.db, -wal, -shm, key and settings 0600', async () => {
    const sim = await startSimulator({ port: 0, clientId: 'm-id', clientSecret: 'm-secret', quiet: true });
    const dir = join(root, 'cli', 'not', 'yet', 'there');
    try {
      const env = { ...process.env, RPD_BASE_URL: sim.baseUrl, CASHFREE_CLIENT_ID: 'm-id', CASHFREE_CLIENT_SECRET: 'm-secret', RPD_DATA_DIR: dir };
      expect((await runRpd(['create', '--name', 'Asha Rao', '--json'], env)).code).toBe(0);
    } finally {
      await sim.close();
    }
    const found = modes(dir);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['history.db', 'history-key.json', 'settings.json']));
    ownerOnly(found);
  });

  it('the preview narrows a folder and files an older version left wide, WAL and SHM included', async () => {
    const dir = join(root, 'preview');
    mkdirSync(dir, { mode: 0o755 });
    writeFileSync(join(dir, 'history.db'), '', { mode: 0o644 });
    writeFileSync(settingsFilePath(dir), '{}', { mode: 0o644 });
    chmodSync(dir, 0o755);
    const settings = openPlainNodeSettings({ dir });
    expect((await answering(settings).saveCredentials('sandbox', { clientId: 'CF123', clientSecret: 'cfsk_ma_test_abc', allowWeak: true })).ok).toBe(true);
    const rt = await startRuntime({ dataDir: dir, transport: 'browser', settings, track: false });
    try {
      await rt.handlers['order.create']({ name: 'Ravi Kumar' });
      const found = modes(dir);
      expect(Object.keys(found)).toEqual(expect.arrayContaining(['history.db', 'history.db-wal', 'history.db-shm', 'settings.key', 'settings.json']));
      ownerOnly(found);
    } finally {
      await rt.close();
    }
  });

  it('the app\'s vault and log files are owner-only', async () => {
    setSafeStorageBackend('gnome_libsecret');
    const dir = join(root, 'app');
    const settings = await openVault({ dir });
    expect((await answering(settings).saveCredentials('sandbox', { clientId: 'CF123', clientSecret: 'cfsk_ma_test_abc' })).ok).toBe(true);
    const logger = log.create({ logId: `modes-${process.pid}` });
    logger.transports.console.level = false;
    const file = configureFileLogging(logger, { dir: join(dir, 'logs') });
    logger.transports.file.sync = true;
    logger.error('a line');
    expect(statSync(file).size).toBeGreaterThan(0);
    const found = modes(dir);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['settings.json', 'logs', 'logs/main.log']));
    ownerOnly(found);
  });
});
