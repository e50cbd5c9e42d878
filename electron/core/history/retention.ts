// Retention off the main thread. Deleting half of 100,000 orders takes about a second and
// compacting the file (FTS optimize, VACUUM) over half a second more; node:sqlite is
// synchronous, so done on the main thread either would hold up start and every IPC call.
// A worker thread with its own connection to the same WAL file does both: the app's connection
// keeps reading its snapshot meanwhile, and the deletes go in small transactions so the app's
// own writes wait at most one batch (VACUUM is one transaction: hence idle time only).
import { Worker } from 'node:worker_threads';
import { firstIdAt } from './store.ts';
import type { EventBus } from '../events.ts';
import { redactor } from '../log/redact.ts';

/** Runs as a CommonJS script in the worker (eval), so it needs no bundling of its own. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
try {
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA secure_delete = ON');
  const lastOfBatch = db.prepare('SELECT max(id) AS id FROM (SELECT id FROM orders WHERE id < ? ORDER BY id LIMIT ?)');
  const deleteFts = db.prepare('DELETE FROM orders_fts WHERE rowid <= ?');
  const deleteRows = db.prepare('DELETE FROM orders WHERE id <= ?');
  let deleted = 0;
  for (;;) {
    const last = lastOfBatch.get(workerData.beforeId, workerData.batch)?.id;
    if (last === null || last === undefined) break;
    db.exec('BEGIN IMMEDIATE');
    try {
      deleteFts.run(last);
      deleted += Number(deleteRows.run(last).changes);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
  if (deleted > 0) {
    db.exec("INSERT INTO orders_fts (orders_fts) VALUES ('optimize')");
    db.exec('VACUUM');
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }
  parentPort.postMessage({ deleted });
} finally {
  db.close();
}
`;

export interface RetentionRun {
  /** How many orders were deleted. Rejects when the worker failed. */
  done: Promise<number>;
  /** Stops the worker (closing the app); an unfinished transaction is rolled back by SQLite. */
  stop(): Promise<void>;
}

/** Deletes the orders of `file` created more than `days` days before `now` and compacts the file, on a worker thread. */
export function retainInBackground(file: string, days: number, now: number = Date.now(), batch = 2_000): RetentionRun {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, beforeId: firstIdAt(now - days * 86_400_000), batch } });
  let deleted: number | null = null;
  const done = new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { deleted: number }) => (deleted = m.deleted));
    worker.once('error', reject);
    worker.once('exit', (code) => (deleted !== null ? resolve(deleted) : reject(new Error(`retention stopped (exit ${code})`))));
  });
  done.catch(() => {});
  return { done, stop: async () => void (await worker.terminate()) };
}

export interface RetentionOptions {
  file: string;
  retentionDays: () => number;
  /** Quiet time before a run; an order update inside it pushes the run back. */
  idleMs: number;
  events: EventBus;
  log: { error(...args: unknown[]): void };
}

/**
 * Retention deletes old orders and compacts the file (deleted rows linger in free pages until
 * then) on a worker thread, in idle time after start and daily: never on the start path.
 * Returns the function that stops it (closing the app).
 */
export function startRetention(o: RetentionOptions): () => Promise<void> {
  let run: RetentionRun | null = null;
  let timer: NodeJS.Timeout | null = null;
  let dueAt = 0;
  let closed = false;
  const schedule = (inMs: number): void => {
    if (timer) clearTimeout(timer);
    dueAt = Date.now() + inMs;
    timer = setTimeout(start, inMs);
    timer.unref();
  };
  function start(): void {
    timer = null;
    if (closed || run) return;
    run = retainInBackground(o.file, o.retentionDays());
    run.done
      .then((deleted) => {
        if (deleted > 0 && !closed) o.events.emit('history.pruned', { deleted });
      })
      .catch((err: unknown) => o.log.error(redactor.redactString(`history retention failed: ${err instanceof Error ? err.message : String(err)}`)))
      .finally(() => {
        run = null;
        if (!closed) schedule(24 * 60 * 60 * 1000);
      });
  }
  // The compaction holds the file's write lock for a while: keep it out of the way of an agent at work.
  const off = o.events.on('order.updated', () => {
    if (timer && dueAt - Date.now() < o.idleMs) schedule(o.idleMs);
  });
  schedule(o.idleMs);
  return async () => {
    closed = true;
    off();
    if (timer) clearTimeout(timer);
    await run?.stop();
  };
}
