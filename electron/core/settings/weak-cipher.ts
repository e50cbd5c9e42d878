// Protection for secrets outside Electron (CLI, browser preview) where no OS keychain is reachable:
// AES-256-GCM with a random key in a file beside the settings (mode 0600). It keeps secrets out of
// the settings file in clear and out of casual sight, no more: anyone who can read both files can
// decrypt. Hence keychain 'none', and the service stores secrets only after an explicit choice.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretCipher } from './cipher.ts';
import { ensurePrivateDir, restrictFile } from '../private-files.ts';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const WEAK_KEY_FILE = 'settings.key';

function loadOrCreateKey(keyPath: string): Buffer {
  try {
    const key = readFileSync(keyPath);
    restrictFile(keyPath);
    if (key.length === KEY_BYTES) return key;
    throw new Error(`The key file ${keyPath} is damaged (wrong length); move it away to start over.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  ensurePrivateDir(dirname(keyPath));
  const key = randomBytes(KEY_BYTES);
  // 'wx': never overwrite a key another process has just written.
  try {
    writeFileSync(keyPath, key, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKey(keyPath);
    throw error;
  }
  chmodSync(keyPath, 0o600);
  return key;
}

/** keyPath: usually join(settingsDir, WEAK_KEY_FILE). The key file is created on first use. */
export function createKeyFileCipher(keyPath: string): SecretCipher {
  let key: Buffer | null = null;
  const getKey = (): Buffer => (key ??= loadOrCreateKey(keyPath));
  return {
    keychain: 'none',
    scheme: 'key_file',
    async encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async decrypt(text) {
      const raw = Buffer.from(text, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('The stored value is too short to be a ciphertext.');
      const decipher = createDecipheriv('aes-256-gcm', getKey(), raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
