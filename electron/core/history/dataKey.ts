// The history data key: 32 random bytes, kept on disk only in protected form beside the database.
// In the app a keychain protector (Electron safeStorage, written in electron/shell/vault/) guards it;
// outside Electron (CLI, browser preview) the key file itself is the only guard: weaker, and the
// store reports it so callers can say so.
import { randomBytes } from 'node:crypto';
import { chmod, link, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { ensurePrivateDir, restrictFile } from '../private-files.ts';
import { join } from 'node:path';
import { z } from 'zod';
import { DATA_KEY_BYTES } from './crypto.ts';
import { historyError } from './errors.ts';

export type KeyProtection = 'keychain' | 'keyfile';

export interface KeyProtector {
  readonly kind: KeyProtection;
  protect(key: Buffer): Promise<string>;
  unprotect(protectedKey: string): Promise<Buffer>;
}

export interface DataKey {
  readonly key: Buffer;
  readonly protection: KeyProtection;
}

export const DATA_KEY_FILE = 'history-key.json';

const KeyFile = z.object({
  version: z.literal(1),
  kind: z.enum(['keychain', 'keyfile']),
  key: z.string().min(1),
});
type KeyFile = z.infer<typeof KeyFile>;

/** No protection beyond the file's owner-only mode: the key is stored as base64. */
export const keyFileProtector: KeyProtector = {
  kind: 'keyfile',
  protect: async (key) => key.toString('base64'),
  unprotect: async (s) => Buffer.from(s, 'base64'),
};

function checkKey(key: Buffer): Buffer {
  if (key.length !== DATA_KEY_BYTES) {
    throw historyError('wrong_key', 'the stored history data key has the wrong length');
  }
  return key;
}

async function readKeyFile(path: string): Promise<KeyFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw historyError('wrong_key', `the history key file ${DATA_KEY_FILE} is damaged`);
  }
  const parsed = KeyFile.safeParse(json);
  if (!parsed.success) throw historyError('wrong_key', `the history key file ${DATA_KEY_FILE} is damaged`);
  return parsed.data;
}

/** Writes owner-only (0600) to a temp file, then moves it into place in one step. */
async function writeKeyFile(path: string, content: KeyFile, { replace }: { replace: boolean }): Promise<boolean> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, JSON.stringify(content), { mode: 0o600, flag: 'wx' });
  await chmod(tmp, 0o600); // the umask may have narrowed it further, never widened; make it exact
  try {
    if (replace) {
      await rename(tmp, path);
      return true;
    }
    // link() fails if the file appeared meanwhile: two first starts never make two keys.
    await link(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    if (!replace) await rm(tmp, { force: true });
  }
}

/**
 * Loads the data key from `dir`, or makes one on first use. A key first kept in a key file is
 * moved under the keychain as soon as a keychain protector is offered; a key under the keychain
 * cannot be read without it (reason 'key_unavailable').
 */
export async function loadOrCreateDataKey(dir: string, protector: KeyProtector): Promise<DataKey> {
  ensurePrivateDir(dir);
  const path = join(dir, DATA_KEY_FILE);
  restrictFile(path);
  const existing = await readKeyFile(path);
  if (existing === null) {
    const key = randomBytes(DATA_KEY_BYTES);
    const created = await writeKeyFile(
      path,
      { version: 1, kind: protector.kind, key: await protector.protect(key) },
      { replace: false },
    );
    if (created) return { key, protection: protector.kind };
    return loadOrCreateDataKey(dir, protector); // lost the race: use the winner's key
  }
  if (existing.kind === protector.kind) {
    return { key: checkKey(await protector.unprotect(existing.key)), protection: protector.kind };
  }
  if (existing.kind === 'keyfile' && protector.kind === 'keychain') {
    const key = checkKey(await keyFileProtector.unprotect(existing.key));
    await writeKeyFile(path, { version: 1, kind: 'keychain', key: await protector.protect(key) }, { replace: true });
    return { key, protection: 'keychain' };
  }
  throw historyError('key_unavailable',
    'the history data key is protected by the system keychain, which is not available here; open the history from the app',
  );
}

/** The key for use outside Electron: kept in an owner-only key file beside the database. */
export function keyFileDataKey(dir: string): Promise<DataKey> {
  return loadOrCreateDataKey(dir, keyFileProtector);
}
