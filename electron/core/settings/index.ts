// Settings, profiles and credentials: the public surface for main, the CLI and the browser preview.
import { join } from 'node:path';
import { SettingsService } from './service.ts';
import { openNodeSettingsStore } from './store-file.ts';
import { WEAK_KEY_FILE, createKeyFileCipher } from './weak-cipher.ts';

export { SettingsService, PRODUCTION_CONFIRMATION_MESSAGE } from './service.ts';
export type { Credentials, SaveCredentialsInput, SettingsServiceOptions } from './service.ts';
export type { DecryptedSecret, SecretCipher } from './cipher.ts';
export * from './schema.ts';
export { CASHFREE_BASE_URLS, effectiveBaseUrl, needsCredentials } from './profiles.ts';
export type { KeyedProfileKind } from './profiles.ts';
export { checkEnvironmentMismatch, makeProbeVerificationId, toProbeOutcome, PROBE_ID_PREFIX } from './probe.ts';
export { migrateSettings } from './migrations.ts';
export { SETTINGS_FILE_NAME, SETTINGS_STORE_OPTIONS, checkSettingsFile, openNodeSettingsStore, settingsFilePath } from './store-file.ts';
export type { SettingsStore } from './store-file.ts';
export { WEAK_KEY_FILE, createKeyFileCipher } from './weak-cipher.ts';

/**
 * Settings outside Electron (CLI, browser preview): the same settings.json the app writes, with
 * secrets protected only by the key file beside it (keychain 'none', saved only after consent).
 */
export function openPlainNodeSettings(options: { dir: string; now?: () => Date }): SettingsService {
  const { store, notices } = openNodeSettingsStore(options.dir, options.now?.());
  const cipher = createKeyFileCipher(join(options.dir, WEAK_KEY_FILE));
  return new SettingsService({ store, cipher, notices, ...(options.now ? { now: options.now } : {}) });
}
