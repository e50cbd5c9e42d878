// The settings file on disk: the key-value store the service writes through, the check that moves a
// damaged file aside (never silently resetting it), and the plain-Node store for the CLI and preview.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { migrateSettings } from './migrations.ts';
import { ensurePrivateDir, restrictFile } from '../private-files.ts';

export const SETTINGS_FILE_NAME = 'settings';

/**
 * The part of electron-store (and conf, which it extends) the service uses: the whole document,
 * read and written at once. electron-store's `Store<Record<string, unknown>>` fits as it is.
 */
export interface SettingsStore {
  readonly path: string;
  get store(): Record<string, unknown>;
  set store(value: Record<string, unknown>);
}

/** Options both electron-store and conf take, so both write the same file the same way. */
export const SETTINGS_STORE_OPTIONS = {
  // The service validates with zod and handles damage itself (moves the file aside, tells the user).
  clearInvalidConfig: false,
  configFileMode: 0o600,
  // Keys are whole documents; a dot in a template name must not become a path.
  accessPropertiesByDotNotation: false,
} as const;

const timestampForFileName = (now: Date): string => now.toISOString().replace(/[:.]/g, '-');

/** Moves the file to `<file>.corrupt-<time>` and returns the notice to show. */
export function moveCorruptFileAside(filePath: string, reason: string, now: Date = new Date()): string {
  const target = `${filePath}.corrupt-${timestampForFileName(now)}`;
  renameSync(filePath, target);
  return `The settings file could not be read (${reason}). It was kept as ${target} and the app started with default settings; saved keys must be entered again.`;
}

/**
 * Call before opening the store: electron-store refuses to open a file that is not JSON. A file
 * that is not JSON, or does not pass the schema after migration, is moved aside. Returns notices.
 */
export function checkSettingsFile(filePath: string, now: Date = new Date()): string[] {
  if (!existsSync(filePath)) return [];
  let raw: unknown;
  try {
    const text = readFileSync(filePath, 'utf8');
    // An empty file is what a crash between create and write leaves; treat it as never written.
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return [moveCorruptFileAside(filePath, 'it is not valid JSON', now)];
  }
  const outcome = migrateSettings(raw);
  return outcome.ok ? [] : [moveCorruptFileAside(filePath, outcome.reason, now)];
}

export const settingsFilePath = (dir: string): string => join(dir, `${SETTINGS_FILE_NAME}.json`);

/** The same file electron-store writes, opened without Electron (CLI, browser preview, tests). */
export function openNodeSettingsStore(dir: string, now: Date = new Date()): { store: SettingsStore; notices: string[] } {
  ensurePrivateDir(dir);
  const notices = checkSettingsFile(settingsFilePath(dir), now);
  const store = new Conf<Record<string, unknown>>({
    ...SETTINGS_STORE_OPTIONS,
    cwd: dir,
    configName: SETTINGS_FILE_NAME,
    projectName: 'rpd-desk',
  });
  restrictFile(store.path);
  return { store, notices };
}
