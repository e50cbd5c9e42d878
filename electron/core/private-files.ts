// Owner-only files: the data folder is 0700 and every file in it (history and its WAL, settings,
// keys, logs) 0600, whoever made it first (app, preview, CLI) and whatever the umask. On Windows
// modes mean little; the folder under the user's profile is what protects the files there.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Makes `dir` (and missing parents) and narrows it to the owner, also when it already existed. */
export function ensurePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/** Narrows an existing file to the owner; a missing one is left missing. */
export function restrictFile(file: string): void {
  if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/** Creates `file` empty and owner-only when missing (so whatever opens it next inherits the mode), else narrows it. */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}
