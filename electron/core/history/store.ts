// Offline history of orders on node:sqlite: one file, WAL, versioned schema, FTS5 search,
// personal data sealed with AES-256-GCM. Plain Node: never imports 'electron'.
import { maskAccount as maskForDisplay } from '../../../shared/mask.ts';
import { dirname } from 'node:path';
import { ensurePrivateDir, ensurePrivateFile, restrictFile } from '../private-files.ts';
import { DatabaseSync, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import {
  NAME_MATCH_RESULTS,
  ORDER_STATES,
  Order,
  PROFILE_KINDS,
  RemitterResult,
  type NameMatchResult,
  type OrderState,
  type ProfileKind,
  type UpiLinks,
} from '../../../shared/domain.ts';
import { HistoryQuery, type HistoryPage, type HistoryRow } from '../../../shared/history.ts';
import { appLinksFromUpi } from '../../../shared/links.ts';
import { orderVerdict, VERDICTS, type Verdict } from '../../../shared/verdict.ts';
import { assertDataKey, seal, unseal } from './crypto.ts';
import { csvLine } from './csv.ts';
import { istIso } from '../../../shared/ist.ts';
import type { KeyProtection } from './dataKey.ts';
import { historyError, noSuchOrder } from './errors.ts';
import { migrate } from './migrations.ts';

export type { HistoryPage, HistoryQuery, HistoryRow } from '../../../shared/history.ts';

export interface OpenHistoryOptions {
  file: string;
  /** 32 bytes; see dataKey.ts. */
  dataKey: Buffer;
  /** How the data key is kept, reported back so callers can say when protection is weaker. */
  protection?: KeyProtection;
}

export interface ExportOptions {
  /** Include the decrypted bank details (account number, UPI id, name at bank, UTR...). */
  full: boolean;
}

export interface HistoryStore {
  readonly file: string;
  readonly protection: KeyProtection;
  /** Writes a new order (normally in state "creating", before the create call goes out). */
  /** Returns the row it wrote. */
  insert(order: Order): Order;
  /** Many orders in one transaction (imports, filling test databases). */
  insertMany(orders: Iterable<Order>): void;
  /** Applies a patch and returns the updated order. verificationId and createdAt cannot change. */
  update(verificationId: string, patch: Partial<Order>): Order;
  get(verificationId: string): Order | null;
  /** Deletes one order; false when there is none with this id. */
  delete(verificationId: string): boolean;
  /** Newest first, KEYSET paginated: pass nextCursor back as `cursor` for the next page. */
  search(query?: HistoryQuery): HistoryPage;
  /** Orders not final yet (creating, created), newest first: the tracker resumes them at start. */
  listOpen(): Order[];
  /**
   * Deletes orders created more than `days` days before `now`. Fast: the rows leave lists and
   * search at once, but their bytes may linger in free space of the file until compact().
   * Returns how many.
   */
  deleteOlderThan(days: number, now?: number): number;
  /** Deletes every order and scrubs the file (compact). Returns how many. */
  deleteAll(): number;
  /**
   * Rewrites the file so deleted orders leave no bytes behind (FTS optimize, VACUUM, WAL
   * truncate). About 1.5 s at 100k orders: run it when idle, e.g. after a retention pass.
   */
  compact(): void;
  count(): number;
  /** Streams the orders matching the filter (all pages) as CSV. Returns the number of orders written. */
  exportCsv(query: HistoryQuery, options: ExportOptions, write: (chunk: string) => void): number;
  close(): void;
}

/**
 * Row ids are created_at * ID_SLOTS_PER_MS + a counter within that millisecond. Rowid order is
 * then creation order even for orders written late, a date range is a rowid range, and FTS5
 * (which orders by rowid) returns the newest matches first without sorting them all.
 * Safe integers hold this until the year 2248.
 */
const ID_SLOTS_PER_MS = 1024;

/** The first row id of orders created at `ms` or later: retention deletes the rows below it. */
export const firstIdAt = (ms: number): number => Math.floor(ms) * ID_SLOTS_PER_MS;
const PAGE_DEFAULT = 50;
const MAX_SEARCH_WORDS = 8;
const CSV_CHUNK_CHARS = 64 * 1024;
const AUTO_CHECKPOINT_PAGES = 10_000;
const IDLE_CHECKPOINT_MS = 1_000;
const KEY_CHECK = 'key_check';
const KEY_CHECK_TEXT = Buffer.from('rpd-desk history key check v1');
const OPEN_STATES: readonly OrderState[] = ['creating', 'created'];

const LIST_COLUMNS =
  'o.id, o.verification_id, o.ref_id, o.name, o.note, o.profile, o.state, o.match_result, o.masked_account, ' +
  'o.created_at, o.updated_at, o.valid_upto, o.answer_lost, o.replaces, o.verdict';
const ORDER_COLUMNS =
  `${LIST_COLUMNS}, o.upi_link, o.app_links, o.last_error, o.sealed, ` +
  'o.page_url, o.valid_upto_assumed, o.cashfree_status, o.attention';

type Row = Record<string, SQLOutputValue>;

export function openHistory(options: OpenHistoryOptions): HistoryStore {
  assertDataKey(options.dataKey);
  const onDisk = options.file !== ':memory:';
  if (onDisk) {
    ensurePrivateDir(dirname(options.file));
    // SQLite gives the -wal and -shm files the database file's mode: owner-only from the start.
    ensurePrivateFile(options.file);
  }
  const db = new DatabaseSync(options.file);
  try {
    // busy_timeout first: switching to WAL needs a lock another process may hold.
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    // In WAL mode NORMAL survives any crash of the app; only an OS crash or power cut can lose
    // the last commits (the row written before a create call is then recovered by status lookup).
    db.exec('PRAGMA synchronous = NORMAL');
    // Deleted orders are overwritten with zeros, not left readable in free pages.
    db.exec('PRAGMA secure_delete = ON');
    // Checkpoints (copying the WAL into the file, with an fsync) take ~10 ms: run them when the
    // app is idle (see #checkpointWhenIdle), not inside the insert made before a create call.
    // The high automatic limit only bounds the WAL if writes never pause.
    db.exec(`PRAGMA wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    // Files left by an older version may be wider.
    if (onDisk) for (const suffix of ['-wal', '-shm']) restrictFile(options.file + suffix);
    migrate(db);
    checkDataKey(db, options.dataKey);
    const store = new SqliteHistoryStore(db, options.file, options.dataKey, options.protection ?? 'keyfile');
    store.fillMissingVerdicts();
    return store;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** A known value sealed with the data key at creation: a wrong key fails here, clearly, at open. */
function checkDataKey(db: DatabaseSync, key: Buffer): void {
  const aad = Buffer.from(KEY_CHECK);
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_CHECK);
  const value = row?.['value'];
  if (value instanceof Uint8Array) {
    if (!unseal(key, value, aad)?.equals(KEY_CHECK_TEXT)) throw wrongKey();
    return;
  }
  db.prepare('INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)').run(KEY_CHECK, seal(key, KEY_CHECK_TEXT, aad));
  // Another process may have won the race with its own key: check again.
  const stored = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_CHECK)?.['value'];
  if (!(stored instanceof Uint8Array)) throw new Error('history key check was not stored');
  if (!unseal(key, stored, aad)) throw wrongKey();
}

const wrongKey = () => historyError('wrong_key', 'the history data key does not open this history database');

/** Only the last 4 characters of an account number are kept in plain (shared/mask.ts). */
export function maskAccount(account: string): string | null {
  return maskForDisplay(account) || null;
}

/** Every typed word becomes a prefix term; words are letters, digits and marks, as unicode61 splits them. */
export function ftsMatchExpression(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w !== '')
    .slice(0, MAX_SEARCH_WORDS);
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

function encodeCursor(id: number): string {
  return id.toString(36);
}

function decodeCursor(cursor: string): number {
  const id = /^[0-9a-z]{1,11}$/.test(cursor) ? parseInt(cursor, 36) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw historyError('invalid_input', 'invalid history cursor');
  return id;
}

// Narrowing of column values: the file is outside data, so each column is checked, cheaply.
function str(v: SQLOutputValue | undefined, column: string): string {
  if (typeof v !== 'string') throw new Error(`history column ${column} is not text`);
  return v;
}
function strOrNull(v: SQLOutputValue | undefined, column: string): string | null {
  return v === null || v === undefined ? null : str(v, column);
}
function num(v: SQLOutputValue | undefined, column: string): number {
  if (typeof v !== 'number') throw new Error(`history column ${column} is not a number`);
  return v;
}
function numOrNull(v: SQLOutputValue | undefined, column: string): number | null {
  return v === null || v === undefined ? null : num(v, column);
}
function oneOf<T extends string>(values: readonly T[], v: SQLOutputValue | undefined, column: string): T {
  const s = str(v, column);
  if (!(values as readonly string[]).includes(s)) throw new Error(`history column ${column} holds an unknown value`);
  return s as T;
}

/** The plain columns an order and a history row share (an order has no stored verdict of its own). */
function rowToOrderFields(r: Row): Omit<HistoryRow, 'matchResult' | 'maskedAccount' | 'verdict'> {
  return {
    verificationId: str(r['verification_id'], 'verification_id'),
    refId: strOrNull(r['ref_id'], 'ref_id'),
    name: str(r['name'], 'name'),
    note: str(r['note'], 'note'),
    profile: oneOf<ProfileKind>(PROFILE_KINDS, r['profile'], 'profile'),
    state: oneOf<OrderState>(ORDER_STATES, r['state'], 'state'),
    createdAt: num(r['created_at'], 'created_at'),
    updatedAt: num(r['updated_at'], 'updated_at'),
    validUpto: numOrNull(r['valid_upto'], 'valid_upto'),
    answerLost: num(r['answer_lost'], 'answer_lost') !== 0,
    replaces: strOrNull(r['replaces'], 'replaces'),
  };
}

function rowToHistoryRow(r: Row): HistoryRow {
  const match = r['match_result'];
  return {
    ...rowToOrderFields(r),
    matchResult: match === null ? null : oneOf<NameMatchResult>(NAME_MATCH_RESULTS, match, 'match_result'),
    maskedAccount: strOrNull(r['masked_account'], 'masked_account'),
    verdict: oneOf<Verdict>(VERDICTS, r['verdict'], 'verdict'),
  };
}

// The sealed result is a positional JSON array: no key names repeated in every row.
const RESULT_FIELDS = [
  'nameAtBank',
  'bankAccount',
  'maskedAccount',
  'ifsc',
  'upi',
  'utr',
  'nameMatchScore',
  'nameMatchResult',
  'reversalStatus',
  'accountType',
  'processedOn',
  'pennyCollectedOn',
] as const satisfies readonly (keyof RemitterResult)[];

function encodeResult(result: RemitterResult): Buffer {
  return Buffer.from(JSON.stringify(RESULT_FIELDS.map((f) => result[f])));
}

function decodeResult(plain: Buffer): RemitterResult {
  const values: unknown = JSON.parse(plain.toString('utf8'));
  if (!Array.isArray(values) || values.length !== RESULT_FIELDS.length) throw new Error('sealed result has a wrong shape');
  return RemitterResult.parse(Object.fromEntries(RESULT_FIELDS.map((f, i) => [f, values[i]])));
}

const AppLinks = Order.shape.links.unwrap().omit({ upi: true });
const LastError = Order.shape.lastError.unwrap();
const Attention = Order.shape.attention.unwrap();

/** Only the upi link is stored when the app links are the usual ones made from it. */
function linksToColumns(links: UpiLinks | null): { upi_link: string | null; app_links: string | null } {
  if (links === null) return { upi_link: null, app_links: null };
  const derived = appLinksFromUpi(links.upi);
  const same =
    derived.gpay === links.gpay &&
    derived.phonepe === links.phonepe &&
    derived.paytm === links.paytm &&
    derived.bhim === links.bhim;
  return {
    upi_link: links.upi,
    app_links: same
      ? null
      : JSON.stringify({ gpay: links.gpay, phonepe: links.phonepe, paytm: links.paytm, bhim: links.bhim }),
  };
}

function columnsToLinks(upi: string | null, appLinks: string | null): UpiLinks | null {
  if (upi === null) return null;
  if (appLinks === null) return appLinksFromUpi(upi);
  return { upi, ...AppLinks.parse(JSON.parse(appLinks)) };
}

/** Column values for every stored field of an order except id and created_at. */
interface OrderColumns {
  verification_id: string;
  ref_id: string | null;
  name: string;
  note: string;
  profile: string;
  state: string;
  match_result: string | null;
  masked_account: string | null;
  updated_at: number;
  valid_upto: number | null;
  answer_lost: number;
  replaces: string | null;
  upi_link: string | null;
  app_links: string | null;
  last_error: string | null;
  sealed: Buffer | null;
  page_url: string | null;
  valid_upto_assumed: number;
  cashfree_status: string | null;
  attention: string | null;
  verdict: Verdict;
}

class SqliteHistoryStore implements HistoryStore {
  readonly file: string;
  readonly protection: KeyProtection;
  readonly #db: DatabaseSync;
  readonly #key: Buffer;
  readonly #statements = new Map<string, StatementSync>();
  readonly #insertOrder: StatementSync;
  readonly #insertFts: StatementSync;
  readonly #deleteFts: StatementSync;
  readonly #getOrder: StatementSync;
  #idleCheckpoint: ReturnType<typeof setTimeout> | null = null;

  constructor(db: DatabaseSync, file: string, key: Buffer, protection: KeyProtection) {
    this.#db = db;
    this.file = file;
    this.#key = key;
    this.protection = protection;
    this.#insertOrder = db.prepare(`
      INSERT INTO orders (id, created_at, verification_id, ref_id, name, note, profile, state, match_result,
        masked_account, updated_at, valid_upto, answer_lost, replaces, upi_link, app_links, last_error, sealed,
        page_url, valid_upto_assumed, cashfree_status, attention, verdict)
      VALUES (
        (SELECT coalesce(max(id) + 1, :base) FROM orders WHERE id >= :base AND id < :base + ${ID_SLOTS_PER_MS}),
        :created_at, :verification_id, :ref_id, :name, :note, :profile, :state, :match_result,
        :masked_account, :updated_at, :valid_upto, :answer_lost, :replaces, :upi_link, :app_links, :last_error, :sealed,
        :page_url, :valid_upto_assumed, :cashfree_status, :attention, :verdict)
      RETURNING id`);
    this.#insertFts = db.prepare('INSERT INTO orders_fts (rowid, name, ids, note) VALUES (?, ?, ?, ?)');
    this.#deleteFts = db.prepare('DELETE FROM orders_fts WHERE rowid = ?');
    this.#getOrder = db.prepare(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.verification_id = ?`);
  }

  #prepare(sql: string): StatementSync {
    let stmt = this.#statements.get(sql);
    if (stmt === undefined) {
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  #transaction<T>(fn: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    let result: T;
    try {
      result = fn();
      this.#db.exec('COMMIT');
    } catch (err) {
      this.#db.exec('ROLLBACK');
      throw err;
    }
    this.#checkpointWhenIdle();
    return result;
  }

  /** One PASSIVE checkpoint a second after the last write; it never waits for readers. */
  #checkpointWhenIdle(): void {
    if (this.#idleCheckpoint !== null) clearTimeout(this.#idleCheckpoint);
    this.#idleCheckpoint = setTimeout(() => {
      this.#idleCheckpoint = null;
      if (this.#db.isOpen) this.#db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    }, IDLE_CHECKPOINT_MS);
    this.#idleCheckpoint.unref();
  }

  #columns(order: Order): OrderColumns {
    const result = order.result;
    return {
      verification_id: order.verificationId,
      ref_id: order.refId,
      name: order.name,
      note: order.note,
      profile: order.profile,
      state: order.state,
      match_result: result?.nameMatchResult ?? null,
      masked_account: result === null ? null : maskAccount(result.bankAccount),
      updated_at: order.updatedAt,
      valid_upto: order.validUpto,
      answer_lost: order.answerLost ? 1 : 0,
      replaces: order.replaces,
      ...linksToColumns(order.links),
      last_error: order.lastError === null ? null : JSON.stringify(order.lastError),
      sealed: result === null ? null : seal(this.#key, encodeResult(result), Buffer.from(order.verificationId)),
      page_url: order.pageUrl,
      valid_upto_assumed: order.validUptoAssumed ? 1 : 0,
      cashfree_status: order.cashfreeStatus,
      attention: order.attention === null ? null : JSON.stringify(order.attention),
      verdict: orderVerdict(order),
    };
  }

  /** Paid orders written before the verdict column existed get theirs (it needs the sealed details). */
  fillMissingVerdicts(): void {
    // Runs at every open: without this (tiny, partial) index the lookup reads every row, about
    // 20 ms at 100,000 orders before the first history page.
    this.#db.exec('CREATE INDEX IF NOT EXISTS orders_verdict_missing ON orders (id) WHERE verdict IS NULL');
    const ids = this.#db.prepare('SELECT verification_id FROM orders WHERE verdict IS NULL').all();
    if (ids.length === 0) return;
    const setVerdict = this.#db.prepare('UPDATE orders SET verdict = ? WHERE verification_id = ?');
    this.#transaction(() => {
      for (const row of ids) {
        const id = str(row['verification_id'], 'verification_id');
        const order = this.#readOrder(id)?.order;
        if (order) setVerdict.run(orderVerdict(order), id);
      }
    });
  }

  /** Orders come typed from the app's own code: checked where they entered, not again here. */
  #insertOne(order: Order): Order {
    const columns = this.#columns(order);
    let row: Row | undefined;
    try {
      row = this.#insertOrder.get({
        ...columns,
        base: Math.floor(order.createdAt) * ID_SLOTS_PER_MS,
        created_at: order.createdAt,
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw historyError('duplicate_id', 'an order with this verification id is already in the history');
      }
      throw err;
    }
    const id = num(row?.['id'], 'id');
    this.#insertFts.run(id, order.name, searchableIds(order), order.note);
    return order;
  }

  insert(order: Order): Order {
    return this.#transaction(() => this.#insertOne(order));
  }

  insertMany(orders: Iterable<Order>): void {
    this.#transaction(() => {
      for (const order of orders) this.#insertOne(order);
    });
  }

  update(verificationId: string, patch: Partial<Order>): Order {
    return this.#transaction(() => {
      const current = this.#readOrder(verificationId);
      if (current === null) throw noSuchOrder(verificationId);
      if (patch.verificationId !== undefined && patch.verificationId !== verificationId) {
        throw historyError('invalid_input', 'the verification id of an order cannot change');
      }
      if (patch.createdAt !== undefined && patch.createdAt !== current.order.createdAt) {
        throw historyError('invalid_input', 'the creation time of an order cannot change');
      }
      const next: Order = { ...current.order, updatedAt: Date.now(), ...dropUndefined(patch) };
      const columns = this.#columns(next);
      const names = Object.keys(columns) as (keyof OrderColumns)[];
      this.#prepare(`UPDATE orders SET ${names.map((n) => `${n} = :${n}`).join(', ')} WHERE id = :id`).run({
        ...columns,
        id: current.id,
      });
      const before = current.order;
      if (before.name !== next.name || before.note !== next.note || before.refId !== next.refId) {
        this.#deleteFts.run(current.id);
        this.#insertFts.run(current.id, next.name, searchableIds(next), next.note);
      }
      return next;
    });
  }

  #readOrder(verificationId: string): { id: number; order: Order } | null {
    const row = this.#getOrder.get(verificationId);
    return row === undefined ? null : { id: num(row['id'], 'id'), order: this.#rowToOrder(row) };
  }

  #openResult(row: Row): RemitterResult | null {
    const sealed = row['sealed'];
    if (sealed === null || sealed === undefined) return null;
    if (!(sealed instanceof Uint8Array)) throw new Error('history column sealed is not a blob');
    const verificationId = str(row['verification_id'], 'verification_id');
    const plain = unseal(this.#key, sealed, Buffer.from(verificationId));
    if (!plain) throw historyError('undecryptable_row', 'the bank details of an order cannot be decrypted (damaged data)');
    return decodeResult(plain);
  }

  #rowToOrder(row: Row): Order {
    const lastError = strOrNull(row['last_error'], 'last_error');
    const attention = strOrNull(row['attention'], 'attention');
    return {
      ...rowToOrderFields(row),
      links: columnsToLinks(strOrNull(row['upi_link'], 'upi_link'), strOrNull(row['app_links'], 'app_links')),
      qrCode: null,
      result: this.#openResult(row),
      lastError: lastError === null ? null : LastError.parse(JSON.parse(lastError)),
      pageUrl: strOrNull(row['page_url'], 'page_url'),
      validUptoAssumed: num(row['valid_upto_assumed'], 'valid_upto_assumed') !== 0,
      cashfreeStatus: strOrNull(row['cashfree_status'], 'cashfree_status'),
      attention: attention === null ? null : Attention.parse(JSON.parse(attention)),
    };
  }

  get(verificationId: string): Order | null {
    return this.#readOrder(verificationId)?.order ?? null;
  }

  /** FROM/WHERE/ORDER BY for a filter; every path walks rowids downward and never sorts. */
  #filterSql(query: HistoryQuery, paged: boolean): { sql: string; params: (string | number)[] } {
    let upper = Number.MAX_SAFE_INTEGER; // exclusive
    let lower = 0; // inclusive
    if (query.to !== undefined) upper = Math.min(upper, (Math.floor(query.to) + 1) * ID_SLOTS_PER_MS);
    if (query.from !== undefined) lower = Math.ceil(query.from) * ID_SLOTS_PER_MS;
    if (paged && query.cursor) upper = Math.min(upper, decodeCursor(query.cursor));

    const match = query.text === undefined ? null : ftsMatchExpression(query.text);
    const where: string[] = [];
    const params: (string | number)[] = [];
    let from: string;
    let idColumn: string;
    if (match === null) {
      from = 'orders o';
      idColumn = 'o.id';
    } else {
      // The FTS table drives: it yields rowids newest first, each joined to its order by rowid.
      from = 'orders_fts f JOIN orders o ON o.id = f.rowid';
      idColumn = 'f.rowid';
      where.push('orders_fts MATCH ?');
      params.push(match);
    }
    where.push(`${idColumn} < ?`, `${idColumn} >= ?`);
    params.push(upper, lower);
    const anyOf = (column: string, values: readonly string[]): void => {
      where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    if (query.states?.length) anyOf('o.state', query.states);
    if (query.profiles?.length) anyOf('o.profile', query.profiles);
    if (query.verdicts?.length) anyOf('o.verdict', query.verdicts);
    if (query.matchResults?.length) {
      const named = query.matchResults.filter((m) => m !== 'none');
      const none = query.matchResults.includes('none');
      const parts: string[] = [];
      if (named.length) {
        parts.push(`o.match_result IN (${named.map(() => '?').join(', ')})`);
        params.push(...named);
      }
      if (none) parts.push('o.match_result IS NULL');
      where.push(`(${parts.join(' OR ')})`);
    }
    return { sql: `FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${idColumn} DESC`, params };
  }

  search(input: HistoryQuery = {}): HistoryPage {
    const query = HistoryQuery.parse(input);
    const limit = query.limit ?? PAGE_DEFAULT;
    const { sql, params } = this.#filterSql(query, true);
    // One extra row tells whether there is a next page.
    const found = this.#prepare(`SELECT ${LIST_COLUMNS} ${sql} LIMIT ?`).all(...params, limit + 1);
    const more = found.length > limit;
    const page = more ? found.slice(0, limit) : found;
    const last = page[page.length - 1];
    return {
      rows: page.map(rowToHistoryRow),
      nextCursor: more && last !== undefined ? encodeCursor(num(last['id'], 'id')) : null,
    };
  }

  listOpen(): Order[] {
    const inList = OPEN_STATES.map((s) => `'${s}'`).join(', ');
    return this.#prepare(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.state IN (${inList}) ORDER BY o.id DESC`)
      .all()
      .map((row) => this.#rowToOrder(row));
  }

  delete(verificationId: string): boolean {
    return this.#transaction(() => {
      const current = this.#readOrder(verificationId);
      if (current === null) return false;
      this.#deleteFts.run(current.id);
      this.#prepare('DELETE FROM orders WHERE id = ?').run(current.id);
      return true;
    });
  }

  deleteOlderThan(days: number, now: number = Date.now()): number {
    if (!Number.isFinite(days) || days < 0) throw historyError('invalid_input', 'days must be a number of days, 0 or more');
    const before = firstIdAt(now - days * 86_400_000);
    return this.#transaction(() => {
      this.#prepare('DELETE FROM orders_fts WHERE rowid < ?').run(before);
      return Number(this.#prepare('DELETE FROM orders WHERE id < ?').run(before).changes);
    });
  }

  deleteAll(): number {
    const deleted = this.#transaction(() => {
      this.#db.exec("INSERT INTO orders_fts (orders_fts) VALUES ('delete-all')");
      return Number(this.#prepare('DELETE FROM orders').run().changes);
    });
    this.compact();
    return deleted;
  }

  compact(): void {
    // Merge the index into one segment without the deleted rows, rewrite the file, empty the WAL.
    this.#db.exec("INSERT INTO orders_fts (orders_fts) VALUES ('optimize')");
    this.#db.exec('VACUUM');
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  count(): number {
    return num(this.#prepare('SELECT count(*) AS n FROM orders').get()?.['n'], 'n');
  }

  exportCsv(input: HistoryQuery, options: ExportOptions, write: (chunk: string) => void): number {
    const query = HistoryQuery.parse(input);
    const { sql, params } = this.#filterSql(query, false);
    const columns = options.full ? ORDER_COLUMNS : LIST_COLUMNS;
    const header = [
      'verification_id',
      'ref_id',
      'created_at',
      'updated_at',
      'profile',
      'state',
      'verdict',
      'name',
      'note',
      'name_match_result',
      'masked_account',
      'valid_upto',
      'answer_lost',
      'replaces',
    ];
    const fullHeader = [
      'name_at_bank',
      'bank_account',
      'ifsc',
      'upi',
      'utr',
      'name_match_score',
      'reversal_status',
      'account_type',
      'processed_on',
      'penny_collected_on',
    ];
    let buffer = csvLine(options.full ? [...header, ...fullHeader] : header);
    let written = 0;
    // India time with its offset, as every time on screen (shared/ist.ts).
    const iso = (ms: number | null): string => (ms === null ? '' : istIso(ms));
    for (const row of this.#prepare(`SELECT ${columns} ${sql}`).iterate(...params)) {
      const r = rowToHistoryRow(row);
      const cells: (string | number | null)[] = [
        r.verificationId,
        r.refId,
        iso(r.createdAt),
        iso(r.updatedAt),
        r.profile,
        r.state,
        r.verdict,
        r.name,
        r.note,
        r.matchResult,
        r.maskedAccount,
        iso(r.validUpto),
        r.answerLost ? 'yes' : 'no',
        r.replaces,
      ];
      if (options.full) {
        const res = this.#openResult(row);
        cells.push(
          res?.nameAtBank ?? null,
          res?.bankAccount ?? null,
          res?.ifsc ?? null,
          res?.upi ?? null,
          res?.utr ?? null,
          res?.nameMatchScore ?? null,
          res?.reversalStatus ?? null,
          res?.accountType ?? null,
          res?.processedOn ?? null,
          res?.pennyCollectedOn ?? null,
        );
      }
      buffer += csvLine(cells);
      written++;
      if (buffer.length >= CSV_CHUNK_CHARS) {
        write(buffer);
        buffer = '';
      }
    }
    if (buffer !== '') write(buffer);
    return written;
  }

  close(): void {
    if (this.#idleCheckpoint !== null) clearTimeout(this.#idleCheckpoint);
    this.#idleCheckpoint = null;
    if (this.#db.isOpen) this.#db.close();
  }
}

function searchableIds(order: Order): string {
  return order.refId === null ? order.verificationId : `${order.verificationId} ${order.refId}`;
}

function dropUndefined(patch: Partial<Order>): Partial<Order> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}

function isUniqueViolation(err: unknown): boolean {
  // SQLITE_CONSTRAINT_UNIQUE
  return typeof err === 'object' && err !== null && 'errcode' in err && err.errcode === 2067;
}
