// The electron fake itself: what other tests rely on when they import 'electron'.
import electron, { app, clipboard, ipcMain, Notification, safeStorage } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import * as fake from './fakes/electron.ts';
import { tempDir } from './settings-fixtures.ts';

afterEach(() => {
  fake.resetElectronFake();
  delete process.env.RPD_TEST_USERDATA;
});

test("'electron' resolves to the fake, default and named exports alike", () => {
  expect(safeStorage).toBe(fake.safeStorage);
  expect(electron.app).toBe(app);
});

test('app paths live under RPD_TEST_USERDATA and exist', () => {
  const dir = tempDir('fake-app');
  process.env.RPD_TEST_USERDATA = dir;
  expect(app.getPath('userData')).toBe(dir);
  expect(app.getPath('logs')).toBe(join(dir, '_logs'));
  expect(existsSync(join(dir, '_logs'))).toBe(true);
  expect(app.isPackaged).toBe(false);
});

test('safeStorage round-trips, never repeats a ciphertext, and fails across backends', async () => {
  const a = await safeStorage.encryptStringAsync('cfsk_ma_test_secret');
  const b = await safeStorage.encryptStringAsync('cfsk_ma_test_secret');
  expect(a.equals(b)).toBe(false);
  expect(a.toString('latin1')).not.toContain('cfsk_ma_test_secret');
  expect(await safeStorage.decryptStringAsync(a)).toEqual({ shouldReEncrypt: false, result: 'cfsk_ma_test_secret' });
  fake.setSafeStorageBackend('basic_text');
  expect(safeStorage.getSelectedStorageBackend()).toBe('basic_text');
  await expect(safeStorage.decryptStringAsync(a)).rejects.toThrow(/decrypting/);
  fake.setAsyncEncryptionAvailable(false);
  expect(await safeStorage.isAsyncEncryptionAvailable()).toBe(false);
  await expect(safeStorage.encryptStringAsync('x')).rejects.toThrow(/not available/);
});

test('ipcMain records handlers and refuses a second one per channel', async () => {
  ipcMain.handle('settings.get', () => 'answer');
  expect(() => ipcMain.handle('settings.get', () => 'again')).toThrow(/second handler/);
  expect(await fake.ipcHandlers.get('settings.get')?.({} as never)).toBe('answer');
  ipcMain.removeHandler('settings.get');
  expect(fake.ipcHandlers.has('settings.get')).toBe(false);
});

test('clipboard and notifications are in memory', async () => {
  await clipboard.writeText('upi://pay?pa=x');
  expect(await clipboard.readText()).toBe('upi://pay?pa=x');
  clipboard.clear();
  expect(await clipboard.readText()).toBe('');
  new Notification({ title: 'Paid', body: 'Order verified' }).show();
  expect(fake.shownNotifications).toEqual([{ title: 'Paid', body: 'Order verified' }]);
});
