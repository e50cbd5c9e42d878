// Versioned schema of the history database. PRAGMA user_version holds the version reached;
// migrations run in order at open, each in its own transaction. Never edit a shipped migration:
// add a new one.
import type { DatabaseSync } from 'node:sqlite';
import { historyError } from './errors.ts';

export interface Migration {
  readonly version: number;
  readonly up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    // id is the sort key: created_at * 1024 + a counter within the millisecond (see store.ts),
    // so rowid order is creation order. Personal data from the bank lives only in `sealed`
    // (AES-256-GCM); the plain columns are what lists and filters need.
    up: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT, WITHOUT ROWID;
      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        verification_id TEXT NOT NULL UNIQUE,
        ref_id TEXT,
        name TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        profile TEXT NOT NULL,
        state TEXT NOT NULL,
        match_result TEXT,
        masked_account TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        valid_upto INTEGER,
        answer_lost INTEGER NOT NULL DEFAULT 0,
        replaces TEXT,
        upi_link TEXT,
        app_links TEXT,
        last_error TEXT,
        sealed BLOB
      ) STRICT;
    `,
  },
  {
    version: 2,
    // Search as you type: a contentless FTS5 index over entered name, ids and note, keyed by the
    // orders rowid, so a prefix query walks rowids newest first and stops at the page size.
    // Open orders (creating/created) are few: a partial index finds them without a scan.
    up: `
      CREATE VIRTUAL TABLE orders_fts USING fts5(
        name, ids, note,
        content='', contentless_delete=1, detail=none, prefix='1 2 3 4 5',
        tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO orders_fts(rowid, name, ids, note)
        SELECT id, name, verification_id || ' ' || coalesce(ref_id, ''), note FROM orders;
      CREATE INDEX orders_open ON orders(state) WHERE state IN ('creating', 'created');
    `,
  },
  {
    version: 3,
    // Cashfree's hosted page link, an assumed expiry, a status value outside the documented four,
    // "needs attention", and the verdict (shared/verdict.ts) that lists and filters show. The
    // verdict of a paid order depends on sealed bank details (wallet or not): those rows are left
    // NULL here and filled in by the store at open, which holds the key.
    up: `
      ALTER TABLE orders ADD COLUMN page_url TEXT;
      ALTER TABLE orders ADD COLUMN valid_upto_assumed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE orders ADD COLUMN cashfree_status TEXT;
      ALTER TABLE orders ADD COLUMN attention TEXT;
      ALTER TABLE orders ADD COLUMN verdict TEXT;
      UPDATE orders SET verdict = CASE state
        WHEN 'creating' THEN 'creating'
        WHEN 'created' THEN 'waiting'
        WHEN 'failure' THEN 'failed'
        WHEN 'expired' THEN 'expired'
        WHEN 'create_failed' THEN 'not_created'
      END WHERE state <> 'success';
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  const v = row?.['user_version'];
  return typeof v === 'number' ? v : 0;
}

/** Brings the database to LATEST_VERSION. Returns the version it started from. */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = MIGRATIONS): number {
  const start = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (start > latest) {
    throw historyError('schema_too_new',
      `history database is at schema version ${start}, newer than this app knows (${latest}); update the app`,
    );
  }
  for (const m of migrations) {
    if (m.version <= start) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have migrated while we waited for the write lock.
      if (schemaVersion(db) < m.version) {
        db.exec(m.up);
        db.exec(`PRAGMA user_version = ${m.version}`);
      }
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
  return start;
}
