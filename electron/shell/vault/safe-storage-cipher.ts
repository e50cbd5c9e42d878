// Secrets protected by the OS keychain through Electron's safeStorage, asynchronous API only (the
// synchronous calls are deprecated in Electron 45). Call after app 'ready': before it, Linux reports
// the backend as 'unknown'.
import { safeStorage } from 'electron';
import type { SecretCipher } from '../../core/settings/cipher.ts';
import type { Keychain } from '../../core/settings/schema.ts';
import { createKeyFileCipher } from '../../core/settings/weak-cipher.ts';

/**
 * 'keychain' on macOS and Windows, and on Linux with libsecret or kwallet. On Linux `basic_text`
 * (no keyring found) Electron encrypts with a key built into Chromium: as good as clear text to
 * anyone with the user's files, so 'weak'. 'unknown' cannot be vouched for either.
 */
export async function detectKeychain(platform: NodeJS.Platform = process.platform): Promise<Keychain> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'none';
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return 'weak';
  }
  return 'keychain';
}

export interface SafeStorageCipherOptions {
  /** Where the key file lives when safeStorage cannot encrypt at all (usually beside the settings). */
  weakKeyPath: string;
  platform?: NodeJS.Platform;
}

export async function createSafeStorageCipher(options: SafeStorageCipherOptions): Promise<SecretCipher> {
  const keychain = await detectKeychain(options.platform);
  // No encryption from Electron at all: the key-file cipher still keeps secrets out of the file in
  // clear, and the service stores with it only after the user accepts weak protection.
  if (keychain === 'none') return createKeyFileCipher(options.weakKeyPath);
  const decryptDetailed = async (text: string): Promise<{ plain: string; shouldReEncrypt: boolean }> => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(text, 'base64'));
    return { plain: result, shouldReEncrypt };
  };
  return {
    keychain,
    scheme: 'safe_storage',
    async encrypt(plain) {
      return (await safeStorage.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(text) {
      return (await decryptDetailed(text)).plain;
    },
    decryptDetailed,
  };
}
