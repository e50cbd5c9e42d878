// The desktop vault: real electron-store files in temp folders, the fake safeStorage (see
// test/fakes/electron.ts) switched between a real keyring and Linux basic_text.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openVault, detectKeychain } from '../electron/shell/vault/electron.ts';
import { answering } from './fixtures/answers.ts';
import { settingsFilePath } from '../electron/core/settings/store-file.ts';
import { WEAK_KEY_FILE } from '../electron/core/settings/weak-cipher.ts';
import { SettingsDoc } from '../electron/core/settings/schema.ts';
import { resetElectronFake, safeStorage, setAsyncEncryptionAvailable, setSafeStorageBackend, setShouldReEncrypt } from './fakes/electron.ts';
import { PRODUCTION_KEYS, SANDBOX_KEYS, findSecretsIn, makePublicKeyPem, readAllFiles, secretNeedles, tempDir } from './settings-fixtures.ts';

afterEach(() => {
  resetElectronFake();
  delete process.env.RPD_TEST_USERDATA;
});

const onDisk = (dir: string) => SettingsDoc.parse(JSON.parse(readFileSync(settingsFilePath(dir), 'utf8')));
const ALL_NEEDLES = secretNeedles(SANDBOX_KEYS.clientId, SANDBOX_KEYS.clientSecret, PRODUCTION_KEYS.clientId, PRODUCTION_KEYS.clientSecret);

describe('keychain detection', () => {
  test('a real keyring is a keychain; basic_text and unknown are weak on Linux; no encryption is none', async () => {
    expect(await detectKeychain('linux')).toBe('keychain');
    setSafeStorageBackend('kwallet6');
    expect(await detectKeychain('linux')).toBe('keychain');
    setSafeStorageBackend('basic_text');
    expect(await detectKeychain('linux')).toBe('weak');
    expect(await detectKeychain('darwin')).toBe('keychain');
    setSafeStorageBackend('unknown');
    expect(await detectKeychain('linux')).toBe('weak');
    setAsyncEncryptionAvailable(false);
    expect(await detectKeychain('win32')).toBe('none');
  });
});

describe('with a real keyring (gnome_libsecret)', () => {
  test('saves without any extra choice, keeps only safeStorage ciphertext, reads the keys back', async () => {
    const dir = tempDir('vault-strong');
    const vault = answering(await openVault({ dir, platform: 'linux' }));
    expect(vault.keychain).toBe('keychain');
    const pem = makePublicKeyPem();
    const saved = await vault.saveCredentials('production', { ...PRODUCTION_KEYS, publicKeyPem: pem });
    expect(saved.ok && saved.data).toMatchObject({ configured: true, keychain: 'keychain', weakAllowed: false, hasPublicKey: true });
    expect((await vault.saveCredentials('sandbox', SANDBOX_KEYS)).ok).toBe(true);

    const stored = onDisk(dir).profiles.production;
    expect(stored).toMatchObject({ protection: 'keychain', scheme: 'safe_storage' });
    // The stored value is exactly what safeStorage produced: it decrypts through safeStorage.
    const decrypted = await safeStorage.decryptStringAsync(Buffer.from(stored.secrets.clientSecret ?? '', 'base64'));
    expect(decrypted.result).toBe(PRODUCTION_KEYS.clientSecret);

    const files = readAllFiles(dir);
    expect(files.map((f) => f.path)).toEqual([settingsFilePath(dir)]);
    for (const file of files) expect(findSecretsIn(file.text, [...ALL_NEEDLES, pem.split('\n')[3] ?? '?'])).toEqual([]);
    expect(findSecretsIn(JSON.stringify(vault.getPublicSettings()), ALL_NEEDLES)).toEqual([]);
    expect(findSecretsIn(vault.exportSettingsJson(), ALL_NEEDLES)).toEqual([]);

    const creds = await vault.getCredentials('production');
    expect(creds).toEqual({ ok: true, data: { ...PRODUCTION_KEYS, publicKeyPem: pem.trim(), baseUrl: 'https://api.cashfree.com/verification' } });
  });

  test('uses Electron userData when no folder is given', async () => {
    const dir = tempDir('vault-userdata');
    process.env.RPD_TEST_USERDATA = dir;
    const vault = answering(await openVault({ platform: 'linux' }));
    expect((await vault.saveCredentials('sandbox', SANDBOX_KEYS)).ok).toBe(true);
    expect(onDisk(dir).profiles.sandbox.secrets.clientId).not.toBeNull();
  });

  test('a secret the keyring asks to re-encrypt is written again under the new key', async () => {
    const dir = tempDir('vault-rotate');
    const vault = answering(await openVault({ dir, platform: 'linux' }));
    await vault.saveCredentials('sandbox', SANDBOX_KEYS);
    const before = onDisk(dir).profiles.sandbox.secrets;
    setShouldReEncrypt(true);
    const creds = await vault.getCredentials('sandbox');
    expect(creds.ok && creds.data.clientSecret).toBe(SANDBOX_KEYS.clientSecret);
    const after = onDisk(dir).profiles.sandbox.secrets;
    expect(after.clientSecret).not.toBe(before.clientSecret);
    setShouldReEncrypt(false);
    const unchanged = await vault.getCredentials('sandbox');
    expect(unchanged.ok && unchanged.data.clientSecret).toBe(SANDBOX_KEYS.clientSecret);
    expect(onDisk(dir).profiles.sandbox.secrets).toEqual(after);
  });

  test('keys saved under another keyring read as unreadable, with a plain request to enter them again', async () => {
    const dir = tempDir('vault-keyring-changed');
    const vault = answering(await openVault({ dir, platform: 'linux' }));
    await vault.saveCredentials('sandbox', SANDBOX_KEYS);
    setSafeStorageBackend('kwallet5');
    const reopened = answering(await openVault({ dir, platform: 'linux' }));
    const creds = await reopened.getCredentials('sandbox');
    expect(creds.ok).toBe(false);
    if (!creds.ok) {
      expect(creds.error.code).toBe('not_configured');
      expect(creds.error.message).toMatch(/cannot be read on this computer.*Enter them again/);
      expect(creds.error.message).not.toMatch(/safeStorage|ciphertext/);
    }
    // Rotating only the secret cannot keep an unreadable client id: both must be entered.
    const partial = await reopened.saveCredentials('sandbox', { clientSecret: SANDBOX_KEYS.clientSecret });
    expect(!partial.ok && partial.error.code).toBe('not_configured');
    expect((await reopened.saveCredentials('sandbox', SANDBOX_KEYS)).ok).toBe(true);
    expect((await reopened.getCredentials('sandbox')).ok).toBe(true);
  });
});

describe('with Linux basic_text (no keyring)', () => {
  test('refuses to save secrets without the explicit choice and says why', async () => {
    setSafeStorageBackend('basic_text');
    const dir = tempDir('vault-weak-refuse');
    const vault = answering(await openVault({ dir, platform: 'linux' }));
    expect(vault.getPublicSettings().keychain).toBe('weak');
    const answer = await vault.saveCredentials('sandbox', SANDBOX_KEYS);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('unavailable');
      expect(answer.error.details).toEqual({ needsWeakConsent: true, keychain: 'weak' });
      expect(answer.error.message).toMatch(/basic_text.*Store with weak protection on this machine/);
    }
    expect(onDisk(dir).profiles.sandbox.secrets).toEqual({ clientId: null, clientSecret: null, publicKeyPem: null });
  });

  test('saves with the choice, remembers it per profile across restarts, and marks the keys weak', async () => {
    setSafeStorageBackend('basic_text');
    const dir = tempDir('vault-weak-accept');
    const vault = answering(await openVault({ dir, platform: 'linux' }));
    const saved = await vault.saveCredentials('sandbox', { ...SANDBOX_KEYS, allowWeak: true });
    expect(saved.ok && saved.data).toMatchObject({ configured: true, keychain: 'weak', weakAllowed: true });
    expect(onDisk(dir).profiles.sandbox).toMatchObject({ protection: 'weak', scheme: 'safe_storage', weakAllowed: true });

    const restarted = answering(await openVault({ dir, platform: 'linux' }));
    const rotated = await restarted.saveCredentials('sandbox', { clientSecret: 'cfsk_ma_test_newsecret111111111111111111111' });
    expect(rotated.ok).toBe(true);
    const creds = await restarted.getCredentials('sandbox');
    expect(creds.ok && creds.data).toMatchObject({ clientId: SANDBOX_KEYS.clientId, clientSecret: 'cfsk_ma_test_newsecret111111111111111111111' });

    // The choice was for Sandbox only.
    const prod = await restarted.saveCredentials('production', PRODUCTION_KEYS);
    expect(!prod.ok && prod.error.details).toEqual({ needsWeakConsent: true, keychain: 'weak' });
    // Withdrawing the choice is honoured and remembered.
    const withdrawn = await restarted.saveCredentials('sandbox', { ...SANDBOX_KEYS, allowWeak: false });
    expect(withdrawn.ok).toBe(false);
    expect(restarted.getPublicSettings().profiles.sandbox.weakAllowed).toBe(false);
    expect((await restarted.saveCredentials('sandbox', SANDBOX_KEYS)).ok).toBe(false);

    for (const file of readAllFiles(dir)) expect(findSecretsIn(file.text, ALL_NEEDLES)).toEqual([]);
  });
});

describe('when safeStorage cannot encrypt at all', () => {
  test('falls back to the key-file cipher, keychain none, only with the choice', async () => {
    setAsyncEncryptionAvailable(false);
    const dir = tempDir('vault-none');
    const vault = answering(await openVault({ dir, platform: 'win32' }));
    expect(vault.keychain).toBe('none');
    expect((await vault.saveCredentials('sandbox', SANDBOX_KEYS)).ok).toBe(false);
    expect(existsSync(join(dir, WEAK_KEY_FILE))).toBe(false);
    expect((await vault.saveCredentials('sandbox', { ...SANDBOX_KEYS, allowWeak: true })).ok).toBe(true);
    expect(onDisk(dir).profiles.sandbox).toMatchObject({ protection: 'none', scheme: 'key_file' });
    expect(existsSync(join(dir, WEAK_KEY_FILE))).toBe(true);
    const creds = await vault.getCredentials('sandbox');
    expect(creds.ok && creds.data.clientSecret).toBe(SANDBOX_KEYS.clientSecret);
    for (const file of readAllFiles(dir)) expect(findSecretsIn(file.text, ALL_NEEDLES)).toEqual([]);

    // Once the keyring is back, those keys are recognised as another cipher's, not misread.
    setAsyncEncryptionAvailable(true);
    const withKeyring = answering(await openVault({ dir, platform: 'win32' }));
    const other = await withKeyring.getCredentials('sandbox');
    expect(!other.ok && other.error.message).toMatch(/command-line tool or browser preview/);
  });
});

describe('damaged electron-store file', () => {
  test('is moved aside with a notice and the vault still opens', async () => {
    const dir = tempDir('vault-corrupt');
    writeFileSync(settingsFilePath(dir), '{ "schemaVersion": 2, oops');
    const vault = answering(await openVault({ dir, platform: 'linux', now: () => new Date('2026-11-25T08:00:00Z') }));
    const aside = `${settingsFilePath(dir)}.corrupt-2026-11-25T08-00-00-000Z`;
    expect(readFileSync(aside, 'utf8')).toBe('{ "schemaVersion": 2, oops');
    expect(vault.notices).toEqual([expect.stringContaining(aside)]);
    expect(vault.getPublicSettings().activeProfile).toBe('demo');
    expect(onDisk(dir).schemaVersion).toBe(2);
  });
});
