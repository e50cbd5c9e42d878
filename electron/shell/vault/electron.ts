// The settings vault of the desktop app: electron-store in userData plus the safeStorage cipher.
import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import { SettingsService } from '../../core/settings/service.ts';
import { SETTINGS_FILE_NAME, SETTINGS_STORE_OPTIONS, checkSettingsFile, settingsFilePath } from '../../core/settings/store-file.ts';
import type { SettingsStore } from '../../core/settings/store-file.ts';
import { WEAK_KEY_FILE } from '../../core/settings/weak-cipher.ts';
import { createSafeStorageCipher } from './safe-storage-cipher.ts';
import { ensurePrivateDir, restrictFile } from '../../core/private-files.ts';

export { createSafeStorageCipher, detectKeychain } from './safe-storage-cipher.ts';

export interface OpenVaultOptions {
  /** Folder of settings.json; defaults to Electron's userData. */
  dir?: string;
  platform?: NodeJS.Platform;
  now?: () => Date;
}

/** Opens the settings after app 'ready'. Notices (a damaged file moved aside) are on `settings.notices`. */
export async function openVault(options: OpenVaultOptions = {}): Promise<SettingsService> {
  const dir = ensurePrivateDir(options.dir ?? app.getPath('userData'));
  const notices = checkSettingsFile(settingsFilePath(dir), options.now?.());
  const store: SettingsStore = new Store<Record<string, unknown>>({ ...SETTINGS_STORE_OPTIONS, cwd: dir, name: SETTINGS_FILE_NAME });
  restrictFile(store.path);
  const cipher = await createSafeStorageCipher({
    weakKeyPath: join(dir, WEAK_KEY_FILE),
    ...(options.platform ? { platform: options.platform } : {}),
  });
  return new SettingsService({ store, cipher, notices, ...(options.now ? { now: options.now } : {}) });
}
