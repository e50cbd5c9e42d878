import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seal } from '../electron/core/history/crypto.ts';
import { LATEST_VERSION, migrate, schemaVersion } from '../electron/core/history/migrations.ts';
import { openHistory } from '../electron/core/history/store.ts';
import { remitter, T0, tempDir } from './history-fixtures.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

/** A history file as the first release wrote it: schema version 1, no search index yet. */
function writeVersion1(file: string, key: Buffer): void {
  const db = new DatabaseSync(file);
  db.exec(`
    PRAGMA journal_mode = WAL;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT, WITHOUT ROWID;
    CREATE TABLE orders (
      id INTEGER PRIMARY KEY, verification_id TEXT NOT NULL UNIQUE, ref_id TEXT, name TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '', profile TEXT NOT NULL, state TEXT NOT NULL, match_result TEXT,
      masked_account TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, valid_upto INTEGER,
      answer_lost INTEGER NOT NULL DEFAULT 0, replaces TEXT, upi_link TEXT, app_links TEXT,
      last_error TEXT, sealed BLOB
    ) STRICT;
    PRAGMA user_version = 1;
  `);
  const insert = db.prepare(`INSERT INTO orders (id, verification_id, ref_id, name, note, profile, state,
    match_result, masked_account, created_at, updated_at, upi_link, sealed)
    VALUES (?, ?, ?, ?, ?, 'production', ?, ?, ?, ?, ?, ?, ?)`);
  const r = remitter();
  const sealed = seal(
    key,
    Buffer.from(JSON.stringify([r.nameAtBank, r.bankAccount, r.maskedAccount, r.ifsc, r.upi, r.utr,
      r.nameMatchScore, r.nameMatchResult, r.reversalStatus, r.accountType, r.processedOn, r.pennyCollectedOn])),
    Buffer.from('vrf_old_1'),
  );
  insert.run(T0 * 1024, 'vrf_old_1', '9001', 'Kunal Mehta', 'first branch', 'success', 'GOOD_PARTIAL_MATCH',
    'XXXXXXXXXXX1191', T0, T0 + 5000, 'upi://pay?pa=a@b&am=1.00&tr=9001', sealed);
  insert.run((T0 + 60_000) * 1024, 'vrf_old_2', null, 'Asha Kumari', '', 'created', null, null,
    T0 + 60_000, T0 + 60_000, null, null);
  db.close();
}

describe('migrations', () => {
  it('brings a version 1 file to the latest schema and keeps every order searchable', () => {
    const file = join(dir, 'history.sqlite');
    const key = randomBytes(32);
    writeVersion1(file, key);

    const store = openHistory({ file, dataKey: key });
    expect(store.count()).toBe(2);
    expect(store.search({ text: 'ku' }).rows.map((r) => r.verificationId)).toEqual(['vrf_old_2', 'vrf_old_1']);
    expect(store.search({ text: 'branch' }).rows.map((r) => r.verificationId)).toEqual(['vrf_old_1']);
    expect(store.search({ text: '9001' }).rows.map((r) => r.verificationId)).toEqual(['vrf_old_1']);
    expect(store.listOpen().map((o) => o.verificationId)).toEqual(['vrf_old_2']);
    // Migration 3: the verdict of the paid order needs its sealed details, filled in at open.
    expect(store.search({}).rows.map((r) => [r.verificationId, r.verdict])).toEqual([
      ['vrf_old_2', 'waiting'],
      ['vrf_old_1', 'verified'],
    ]);
    expect(store.get('vrf_old_1')).toMatchObject({ pageUrl: null, validUptoAssumed: false, cashfreeStatus: null, attention: null });
    const old = store.get('vrf_old_1');
    expect(old?.result).toEqual(remitter());
    expect(old?.links?.phonepe).toBe('phonepe://pay?pa=a@b&am=1.00&tr=9001');
    store.update('vrf_old_2', { state: 'expired', note: 'migrated' });
    expect(store.search({ text: 'migr' }).rows.map((r) => r.verificationId)).toEqual(['vrf_old_2']);
    store.close();

    const raw = new DatabaseSync(file);
    expect(schemaVersion(raw)).toBe(LATEST_VERSION);
    expect(LATEST_VERSION).toBeGreaterThan(1);
    expect(raw.prepare('PRAGMA journal_mode').get()?.['journal_mode']).toBe('wal');
    raw.close();

    // Opening again runs nothing twice.
    const again = openHistory({ file, dataKey: key });
    expect(again.search({ text: 'kunal' }).rows).toHaveLength(1);
    again.close();
  });

  it('refuses a file from a newer version of the app and leaves it untouched', () => {
    const file = join(dir, 'history.sqlite');
    const raw = new DatabaseSync(file);
    raw.exec(`CREATE TABLE future (x); PRAGMA user_version = ${LATEST_VERSION + 7};`);
    raw.close();
    expect(() => openHistory({ file, dataKey: randomBytes(32) })).toThrow(
      expect.objectContaining({ details: { reason: 'schema_too_new' } }),
    );
    const check = new DatabaseSync(file);
    expect(schemaVersion(check)).toBe(LATEST_VERSION + 7);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'orders'").get()?.['n']).toBe(0);
    check.close();
  });

  it('rolls a failing migration back whole and stays at the last good version', () => {
    const db = new DatabaseSync(join(dir, 'm.sqlite'));
    const steps = [
      { version: 1, up: 'CREATE TABLE a (x);' },
      { version: 2, up: 'CREATE TABLE b (x); INSERT INTO missing_table VALUES (1);' },
    ];
    expect(() => migrate(db, steps)).toThrow(/missing_table/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((r) => r['name'])).toEqual(['a']);
    // Fixed in a later release: the next open continues from version 1.
    expect(migrate(db, [steps[0]!, { version: 2, up: 'CREATE TABLE b (x);' }])).toBe(1);
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });
});
