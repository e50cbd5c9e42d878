// The history's data key under the OS keychain (safeStorage). Where the keychain is weak or
// missing, the key file alone guards it and the history reports the weaker protection.
import { safeStorage } from 'electron';
import { keyFileProtector } from '../../core/history/index.ts';
import type { KeyProtector } from '../../core/history/index.ts';
import { detectKeychain } from './safe-storage-cipher.ts';

const keychainProtector: KeyProtector = {
  kind: 'keychain',
  protect: async (key) => (await safeStorage.encryptStringAsync(key.toString('base64'))).toString('base64'),
  unprotect: async (text) => Buffer.from((await safeStorage.decryptStringAsync(Buffer.from(text, 'base64'))).result, 'base64'),
};

export async function historyKeyProtector(): Promise<KeyProtector> {
  return (await detectKeychain()) === 'keychain' ? keychainProtector : keyFileProtector;
}
