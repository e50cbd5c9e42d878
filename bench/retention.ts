// Start after retention: 100,000 orders, half of them older than the retention window. How long
// from opening to the first history page, when retention runs in idle time on a worker (the
// app now) against the old start path that deleted and compacted before anything else.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Order } from '../shared/domain.ts';
import { HISTORY_FILE, startRuntime } from '../electron/core/runtime.ts';
import { keyFileProtector, loadOrCreateDataKey, openHistory } from '../electron/core/history/index.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { retainInBackground } from '../electron/core/history/retention.ts';
import { makeOrder } from './history.ts';
import { median, progress, ratio, round } from './stats.ts';

export const RETENTION_TARGETS = { first_page_ms: 50 } as const;

const DAY = 86_400_000;
const RETENTION_DAYS = 180; // the default

export interface RetentionBenchResult {
  rows: number;
  deleted_by_retention: number;
  /** startRuntime to the first history.search page, retention waiting for idle time (the app). */
  first_page_ms: number;
  /** CPU time of the same (the machine is shared: wall time includes waiting for a core). */
  first_page_cpu_ms: number;
  /** The same with the retention worker started at once: the page is read while it deletes. */
  first_page_during_retention_ms: number;
  /** The old start path: open, delete, compact, then the first page. */
  first_page_old_path_ms: number;
  old_over_new: number;
  /** The worker's whole run (delete in batches, FTS optimize, VACUUM). */
  retention_worker_ms: number;
  runs: number;
}

export async function benchRetention(opts: { rows: number; runs: number }): Promise<RetentionBenchResult> {
  const root = await mkdtemp(join(tmpdir(), 'rpd-retention-bench-'));
  try {
    const seedDir = join(root, 'seed');
    const key = await loadOrCreateDataKey(seedDir, keyFileProtector);
    const now = Date.now();
    const span = 2 * RETENTION_DAYS * DAY;
    const step = span / opts.rows;
    let s = 7;
    const r = (): number => ((s = (s * 16807) % 2147483647) / 2147483647);
    const store = openHistory({ file: join(seedDir, HISTORY_FILE), dataKey: key.key });
    progress(`retention: filling ${opts.rows.toLocaleString('en')} orders over ${2 * RETENTION_DAYS} days`);
    for (let i = 0; i < opts.rows; i += 5_000) {
      const batch: Order[] = [];
      for (let j = i; j < Math.min(opts.rows, i + 5_000); j++) batch.push(makeOrder(r, j, Math.floor(now - span + j * step) + 1));
      store.insertMany(batch);
    }
    store.close();

    let runNo = 0;
    /** A fresh copy of the seed folder (history file and data key) for one run. */
    const copy = async (): Promise<string> => {
      const dir = join(root, `run-${runNo++}`);
      await cp(seedDir, dir, { recursive: true });
      return dir;
    };

    const firstPage = async (retentionIdleMs: number): Promise<{ ms: number; cpuMs: number }> => {
      const dir = await copy();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const rt = await startRuntime({
        dataDir: dir,
        transport: 'cli',
        settings: openPlainNodeSettings({ dir }),
        fixed: { profile: 'sandbox', connection: { baseUrl: 'http://127.0.0.1:9/verification', clientId: 'bench', clientSecret: 'bench' } },
        retentionIdleMs,
      });
      const page = await rt.handlers['history.search']({});
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      if (!page.ok || page.data.rows.length === 0) throw new Error('no first page');
      await rt.close();
      await rm(dir, { recursive: true, force: true });
      return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
    };

    const idle: number[] = [];
    const idleCpu: number[] = [];
    const during: number[] = [];
    const worker: number[] = [];
    let deleted = 0;
    for (let i = 0; i < opts.runs; i++) {
      progress(`retention: run ${i + 1} of ${opts.runs}`);
      const quiet = await firstPage(60_000);
      idle.push(quiet.ms);
      idleCpu.push(quiet.cpuMs);
      during.push((await firstPage(0)).ms);
      const dir = await copy();
      const w0 = performance.now();
      deleted = await retainInBackground(join(dir, HISTORY_FILE), RETENTION_DAYS).done;
      worker.push(performance.now() - w0);
      await rm(dir, { recursive: true, force: true });
    }

    const old: number[] = [];
    for (let i = 0; i < Math.min(3, opts.runs); i++) {
      const dir = await copy();
      const t0 = performance.now();
      const k = await loadOrCreateDataKey(dir, keyFileProtector);
      const h = openHistory({ file: join(dir, HISTORY_FILE), dataKey: k.key });
      if (h.deleteOlderThan(RETENTION_DAYS) > 0) h.compact();
      h.search({});
      old.push(performance.now() - t0);
      h.close();
      await rm(dir, { recursive: true, force: true });
    }
    const first = median(idle);
    return {
      rows: opts.rows,
      deleted_by_retention: deleted,
      first_page_ms: round(first, 1),
      first_page_cpu_ms: round(median(idleCpu), 1),
      first_page_during_retention_ms: round(median(during), 1),
      first_page_old_path_ms: round(median(old), 1),
      old_over_new: ratio(median(old), first),
      retention_worker_ms: round(median(worker), 0),
      runs: opts.runs,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
