import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DATA_KEY_FILE,
  keyFileDataKey,
  keyFileProtector,
  loadOrCreateDataKey,
  type KeyProtector,
} from '../electron/core/history/dataKey.ts';
import { openHistory } from '../electron/core/history/store.ts';
import { links, order, remitter, tempDir } from './history-fixtures.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

const secret = remitter({
  nameAtBank: 'ZORAWARTEST QXBANKNAME',
  bankAccount: '918273645500441',
  upi: 'zorawar.q1@okicici',
  utr: '5512093348871',
  ifsc: 'ICIC0007781',
});
const PERSONAL = [secret.nameAtBank, secret.bankAccount, secret.upi, secret.utr, secret.ifsc];

async function rawBytes(file: string): Promise<string> {
  const parts = await Promise.all(
    [file, `${file}-wal`].map((f) => readFile(f).catch(() => Buffer.alloc(0))),
  );
  return Buffer.concat(parts).toString('latin1');
}

describe('personal data at rest', () => {
  it('stores bank details only encrypted: not in any column, not in the file bytes', async () => {
    const file = join(dir, 'history.sqlite');
    const store = openHistory({ file, dataKey: randomBytes(32) });
    store.insert(order({ verificationId: 'vrf_secret', name: 'Zorawar Q', state: 'success', result: secret, links: links('1') }));
    store.update('vrf_secret', { note: 'paid' });
    expect(store.get('vrf_secret')?.result).toEqual(secret);

    // Before close (data still in the WAL) and after close (checkpointed into the main file).
    for (const phase of ['open', 'closed']) {
      if (phase === 'closed') store.close();
      const bytes = await rawBytes(file);
      expect(bytes).toContain('Zorawar Q'); // the entered name is searchable on purpose
      for (const value of PERSONAL) expect(bytes, `${phase}: ${value}`).not.toContain(value);
    }

    const raw = new DatabaseSync(file, { readOnly: true });
    const rows = raw.prepare('SELECT * FROM orders').all();
    raw.close();
    expect(rows).toHaveLength(1);
    const text = JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    for (const value of PERSONAL) expect(text).not.toContain(value);
    expect(rows[0]?.['masked_account']).toBe('••••0441');
  });

  it('refuses a wrong data key with a clear error at open, never garbage', () => {
    const file = join(dir, 'history.sqlite');
    const store = openHistory({ file, dataKey: randomBytes(32) });
    store.insert(order({ verificationId: 'vrf_k', state: 'success', result: secret }));
    store.close();
    expect(() => openHistory({ file, dataKey: randomBytes(32) })).toThrow(
      expect.objectContaining({ details: { reason: 'wrong_key' }, message: expect.stringMatching(/data key does not open/) }),
    );
    expect(() => openHistory({ file, dataKey: randomBytes(16) })).toThrow(/32 bytes/);
  });

  it('refuses a damaged or moved sealed value instead of showing wrong data', () => {
    const file = join(dir, 'history.sqlite');
    const key = randomBytes(32);
    const store = openHistory({ file, dataKey: key });
    store.insert(order({ verificationId: 'vrf_a', state: 'success', result: secret }));
    store.insert(order({ verificationId: 'vrf_b', state: 'success', result: remitter() }));
    store.close();

    const raw = new DatabaseSync(file);
    // Another row's sealed value copied over: it decrypts with the key but is bound to its own row.
    raw.exec("UPDATE orders SET sealed = (SELECT sealed FROM orders WHERE verification_id = 'vrf_a') WHERE verification_id = 'vrf_b'");
    // One flipped byte in the ciphertext.
    const sealed = raw.prepare("SELECT sealed FROM orders WHERE verification_id = 'vrf_a'").get()?.['sealed'];
    if (!(sealed instanceof Uint8Array)) throw new Error('no sealed value');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 0x01;
    raw.prepare("UPDATE orders SET sealed = ? WHERE verification_id = 'vrf_a'").run(flipped);
    raw.close();

    const again = openHistory({ file, dataKey: key });
    expect(() => again.get('vrf_a')).toThrow(expect.objectContaining({ details: { reason: 'undecryptable_row' } }));
    expect(() => again.get('vrf_b')).toThrow(expect.objectContaining({ details: { reason: 'undecryptable_row' } }));
    // The list needs no decryption and still works.
    expect(again.search({}).rows).toHaveLength(2);
    again.close();
  });

  it('scrubs deleted orders: after compact and deleteAll their entered names leave the file', async () => {
    const file = join(dir, 'history.sqlite');
    const key = randomBytes(32);
    const now = Date.UTC(2026, 5, 1);
    let store = openHistory({ file, dataKey: key });
    for (let i = 0; i < 300; i++) {
      const old = i % 2 === 0;
      store.insert(
        order({
          verificationId: `vrf_del_${i}`,
          name: old ? `Quixoticold Number${i}` : `Keptname Number${i}`,
          createdAt: now - (old ? 400 : 10) * 86_400_000 + i,
        }),
      );
    }
    store.close();
    expect((await rawBytes(file)).toLowerCase()).toContain('quixoticold');

    store = openHistory({ file, dataKey: key });
    expect(store.deleteOlderThan(180, now)).toBe(150);
    store.compact();
    store.close();
    let bytes = (await rawBytes(file)).toLowerCase();
    expect(bytes).not.toContain('quixoticold');
    expect(bytes).toContain('keptname');

    store = openHistory({ file, dataKey: key });
    expect(store.deleteAll()).toBe(150);
    store.close();
    bytes = (await rawBytes(file)).toLowerCase();
    expect(bytes).not.toContain('keptname');
  });
});

describe('data key', () => {
  it('keeps a key file beside the database, owner-only, and loads the same key again', async () => {
    const first = await keyFileDataKey(dir);
    expect(first.protection).toBe('keyfile');
    expect(first.key).toHaveLength(32);
    const info = await stat(join(dir, DATA_KEY_FILE));
    expect(info.mode & 0o777).toBe(0o600);
    const second = await keyFileDataKey(dir);
    expect(second.key.equals(first.key)).toBe(true);

    const store = openHistory({ file: join(dir, 'history.sqlite'), dataKey: second.key, protection: second.protection });
    expect(store.protection).toBe('keyfile');
    store.close();
  });

  it('makes one key when two first starts race', async () => {
    const keys = await Promise.all([keyFileDataKey(dir), keyFileDataKey(dir), keyFileDataKey(dir)]);
    expect(keys[1]!.key.equals(keys[0]!.key)).toBe(true);
    expect(keys[2]!.key.equals(keys[0]!.key)).toBe(true);
  });

  // A stand-in for the safeStorage protector: a reversible transform, so the stored text differs.
  const keychain: KeyProtector = {
    kind: 'keychain',
    protect: async (k) => `kc:${Buffer.from(k).reverse().toString('hex')}`,
    unprotect: async (s) => Buffer.from(s.slice(3), 'hex').reverse(),
  };

  it('moves a key file key under the keychain when one is offered, and keeps the same key', async () => {
    const plain = await keyFileDataKey(dir);
    const guarded = await loadOrCreateDataKey(dir, keychain);
    expect(guarded.protection).toBe('keychain');
    expect(guarded.key.equals(plain.key)).toBe(true);
    const stored = await readFile(join(dir, DATA_KEY_FILE), 'utf8');
    expect(stored).not.toContain(plain.key.toString('base64'));
    expect((await loadOrCreateDataKey(dir, keychain)).key.equals(plain.key)).toBe(true);
    // Without the keychain (CLI) the key cannot be read: a clear error, not a new key.
    await expect(keyFileDataKey(dir)).rejects.toMatchObject({ details: { reason: 'key_unavailable' } });
  });

  it('rejects a damaged key file instead of making a new key over it', async () => {
    await writeFile(join(dir, DATA_KEY_FILE), '{"version":1,"kind":"keyfile"');
    await expect(keyFileDataKey(dir)).rejects.toMatchObject({ details: { reason: 'wrong_key' } });
    await writeFile(join(dir, DATA_KEY_FILE), JSON.stringify({ version: 1, kind: 'keyfile', key: await keyFileProtector.protect(randomBytes(8)) }));
    await expect(keyFileDataKey(dir)).rejects.toMatchObject({ details: { reason: 'wrong_key' } });
  });
});
