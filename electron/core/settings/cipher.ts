// What the settings service needs from whatever protects secrets on this machine.
import type { CipherScheme, Keychain } from './schema.ts';

export interface DecryptedSecret {
  plain: string;
  /** The protecting key changed (OS keychain rotation): write the secret again with encrypt(). */
  shouldReEncrypt: boolean;
}

export interface SecretCipher {
  /**
   * 'keychain': the OS keeps the key (macOS Keychain, Windows DPAPI, libsecret/kwallet).
   * 'weak': Electron encrypts with a key anyone with the user's files can find (Linux basic_text).
   * 'none': no OS protection at all; secrets are only obfuscated with a key file beside the settings.
   */
  readonly keychain: Keychain;
  /** Which cipher wrote a ciphertext, so one written by another cipher is recognised instead of misread. */
  readonly scheme: CipherScheme;
  /** Returns base64 ciphertext. */
  encrypt(plain: string): Promise<string>;
  decrypt(cipher: string): Promise<string>;
  /** Like decrypt, also telling whether the secret should be encrypted again. Optional. */
  decryptDetailed?(cipher: string): Promise<DecryptedSecret>;
}
