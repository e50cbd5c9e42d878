// History store benchmark: insert, search as you type, first page after open, size per order.
// Runs directly on Node 24 (type stripping): relative imports with .ts, no enums or namespaces.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NameMatchResult, Order, OrderState } from '../shared/domain.ts';
import { openHistory, type HistoryStore } from '../electron/core/history/store.ts';
import { createRandom } from '../electron/simulator/random.ts';
import { makeOrder as orderWith } from '../test/fixtures/orders.ts';

export interface HistoryBenchResult {
  rows: number;
  fill_ms: number;
  insert_p50_ms: number;
  insert_p95_ms: number;
  insert_p99_ms: number;
  update_p95_ms: number;
  search_p50_ms: number;
  search_p95_ms: number;
  search_max_ms: number;
  search_queries: number;
  /** CPU-time percentiles: on a busy shared machine wall time also counts waiting for a core. */
  insert_cpu_p95_ms: number;
  search_cpu_p95_ms: number;
  filtered_search_p95_ms: number;
  next_page_p95_ms: number;
  first_page_ms: number;
  get_p95_ms: number;
  bytes_per_row: number;
  file_bytes: number;
  /** 1-minute load average when this size finished: above the core count, timings include waiting for a CPU. */
  load_avg_1m: number;
}

export const TARGETS = {
  insert_p95_ms: 1,
  search_p95_ms: 2,
  first_page_ms: 20,
  bytes_per_row: 1024,
} as const;

const FIRST = [
  'Aarav', 'Aditya', 'Amit', 'Anil', 'Anita', 'Anjali', 'Arjun', 'Asha', 'Ashok', 'Ayesha',
  'Deepak', 'Divya', 'Ganesh', 'Geeta', 'Harish', 'Imran', 'Kavita', 'Kiran', 'Krishna', 'Lakshmi',
  'Manoj', 'Meena', 'Mohammed', 'Mohan', 'Neha', 'Nikhil', 'Pooja', 'Prakash', 'Priya', 'Rahul',
  'Rajesh', 'Ramesh', 'Ravi', 'Rekha', 'Sanjay', 'Santosh', 'Shreya', 'Srinivas', 'Sunil', 'Sunita',
  'Suresh', 'Usha', 'Venkatesh', 'Vijay', 'Vikram', 'Yogesh', 'Abdul', 'Fatima', 'Gurpreet', 'Harpreet',
];
const MIDDLE = ['Kumar', 'Kumari', 'Devi', 'Lal', 'Prasad', 'Chandra'];
const LAST = [
  'Sharma', 'Singh', 'Kumar', 'Patel', 'Reddy', 'Rao', 'Gupta', 'Das', 'Nair', 'Iyer',
  'Khan', 'Shah', 'Yadav', 'Joshi', 'Mehta', 'Verma', 'Mishra', 'Chauhan', 'Agarwal', 'Banerjee',
  'Chatterjee', 'Pillai', 'Naidu', 'Menon', 'Bhat', 'Gowda', 'Kaur', 'Ansari', 'Qureshi', 'Thakur',
];
const NOTES = ['', '', '', 'loan 4471 kyc', 'callback after 5pm', 'ticket 88213', 'repeat customer', 'asked for refund'];
const MATCHES: NameMatchResult[] = ['DIRECT_MATCH', 'GOOD_PARTIAL_MATCH', 'MODERATE_PARTIAL_MATCH', 'POOR_PARTIAL_MATCH', 'NO_MATCH'];


function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

export function makeOrder(r: () => number, i: number, createdAt: number): Order {
  const first = pick(r, FIRST);
  const name = r() < 0.3 ? `${first} ${pick(r, MIDDLE)} ${pick(r, LAST)}` : `${first} ${pick(r, LAST)}`;
  const roll = r();
  const state: OrderState = roll < 0.7 ? 'success' : roll < 0.85 ? 'expired' : roll < 0.95 ? 'failure' : 'created';
  const verificationId = `rpd_${createdAt.toString(36)}_${i.toString(36)}`;
  const refId = String(1_000_000 + i);
  const tr = `${refId}${Math.floor(r() * 1e6)}`;
  const upi = `upi://pay?pa=cashfreeverify@yesbank&pn=Cashfree%20Verification&am=1.00&tr=${tr}&mam=1.00&cu=INR&mode=01&purpose=00`;
  const account = String(Math.floor(1e11 + r() * 9e11));
  const paid = state === 'success' || state === 'failure';
  return orderWith({
    verificationId,
    refId,
    name,
    note: pick(r, NOTES),
    profile: r() < 0.9 ? 'production' : 'sandbox',
    state,
    createdAt,
    updatedAt: createdAt + 60_000,
    validUpto: createdAt + 600_000,
    links: {
      upi,
      gpay: upi.replace('upi://pay?', 'tez://upi/pay?'),
      phonepe: upi.replace('upi://pay?', 'phonepe://pay?'),
      paytm: upi.replace('upi://pay?', 'paytmmp://pay?'),
      bhim: upi.replace('upi://pay?', 'bhim://upi://pay?'),
    },
    qrCode: null,
    result: paid
      ? {
          nameAtBank: name.toUpperCase(),
          bankAccount: account,
          maskedAccount: `XXXXXXXX${account.slice(-4)}`,
          ifsc: `SBIN000${Math.floor(1000 + r() * 8999)}`,
          upi: `${first.toLowerCase()}${Math.floor(r() * 1000)}@okaxis`,
          utr: String(Math.floor(1e11 + r() * 9e11)),
          nameMatchScore: Math.floor(r() * 101),
          nameMatchResult: pick(r, MATCHES),
          reversalStatus: 'TRANSFER_SUCCESS',
          accountType: 'SAVINGS',
          processedOn: new Date(createdAt + 30_000).toISOString(),
          pennyCollectedOn: new Date(createdAt + 20_000).toISOString(),
        }
      : null,
  });
}

/** Prefixes an agent types: 1 to 3 letters of common names, "as", "ku", two-word searches, ids. */
export function searchPrefixes(): string[] {
  const out = new Set<string>(['as', 'ku', 'a', 'k', 's', 'r', 'ra ku', 'su sh', 'priya', 'kumar s', '100', 'rpd']);
  for (const word of [...FIRST, ...LAST, ...MIDDLE]) {
    const w = word.toLowerCase();
    for (let n = 1; n <= 3; n++) out.add(w.slice(0, n));
  }
  return [...out];
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[Math.max(0, idx)]!);
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** CPU time (user + system) of one call in ms: what the call costs when it need not wait for a core. */
function cpuTime(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

export async function benchOne(rows: number): Promise<HistoryBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'rpd-history-bench-'));
  const file = join(dir, 'history.sqlite');
  const key = randomBytes(32);
  const r = createRandom(rows);
  const measured = Math.min(2000, Math.max(500, Math.floor(rows / 20)));
  // The fill spans the last 170 days; the measured inserts continue after it.
  const start = Date.now() - 170 * 86_400_000;
  const step = Math.floor((170 * 86_400_000) / rows);
  let store: HistoryStore = openHistory({ file, dataKey: key });
  try {
    const fillStart = performance.now();
    const batch = 5000;
    for (let i = 0; i < rows - measured; i += batch) {
      const orders: Order[] = [];
      for (let j = i; j < Math.min(rows - measured, i + batch); j++) orders.push(makeOrder(r, j, start + j * step));
      store.insertMany(orders);
    }
    const fill_ms = round(performance.now() - fillStart);

    // Single inserts, each its own transaction as the app writes them; then one update each.
    const insertTimes: number[] = [];
    const updateTimes: number[] = [];
    const fresh: Order[] = [];
    for (let j = rows - measured; j < rows; j++) fresh.push(makeOrder(r, j, start + j * step));
    for (const order of fresh) {
      const creating: Order = { ...order, state: 'creating', refId: null, links: null, result: null, validUpto: null };
      insertTimes.push(time(() => store.insert(creating)));
    }
    for (const order of fresh.slice(0, 500)) {
      updateTimes.push(time(() => store.update(order.verificationId, { state: 'created', refId: order.refId, links: order.links })));
    }

    const prefixes = searchPrefixes();
    const searchTimes: number[] = [];
    const filteredTimes: number[] = [];
    const nextPageTimes: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      for (const text of prefixes) {
        let cursor: string | null = null;
        searchTimes.push(
          time(() => {
            cursor = store.search({ text }).nextCursor;
          }),
        );
        if (pass === 0) {
          filteredTimes.push(time(() => store.search({ text, states: ['success'], matchResults: ['DIRECT_MATCH'] })));
          const c: string | null = cursor;
          if (c !== null) nextPageTimes.push(time(() => store.search({ text, cursor: c })));
        }
      }
    }
    // The same work again, counted in CPU time.
    const insertCpu: number[] = [];
    for (let j = rows; j < rows + 500; j++) {
      const o = makeOrder(r, j, start + j * step);
      insertCpu.push(cpuTime(() => store.insert({ ...o, state: 'creating', result: null })));
    }
    const searchCpu: number[] = [];
    for (const text of prefixes) searchCpu.push(cpuTime(() => store.search({ text })));
    const getTimes: number[] = [];
    for (const order of fresh.slice(0, 500)) getTimes.push(time(() => store.get(order.verificationId)));

    store.close();
    // A fresh open (migrations check, key check, statements) plus the first page of the list.
    const t0 = performance.now();
    store = openHistory({ file, dataKey: key });
    const first = store.search({});
    const first_page_ms = round(performance.now() - t0);
    if (first.rows.length === 0) throw new Error('first page is empty');

    store.close();
    const { DatabaseSync } = await import('node:sqlite');
    const raw = new DatabaseSync(file);
    raw.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    raw.close();
    const file_bytes = (await fileSize(file)) + (await fileSize(`${file}-wal`));
    return {
      rows,
      fill_ms,
      insert_p50_ms: percentile(insertTimes, 50),
      insert_p95_ms: percentile(insertTimes, 95),
      insert_p99_ms: percentile(insertTimes, 99),
      update_p95_ms: percentile(updateTimes, 95),
      search_p50_ms: percentile(searchTimes, 50),
      search_p95_ms: percentile(searchTimes, 95),
      search_max_ms: percentile(searchTimes, 100),
      search_queries: searchTimes.length,
      insert_cpu_p95_ms: percentile(insertCpu, 95),
      search_cpu_p95_ms: percentile(searchCpu, 95),
      filtered_search_p95_ms: percentile(filteredTimes, 95),
      next_page_p95_ms: percentile(nextPageTimes, 95),
      first_page_ms,
      get_p95_ms: percentile(getTimes, 95),
      bytes_per_row: Math.round(file_bytes / (rows + 500)),
      file_bytes,
      load_avg_1m: Math.round(loadavg()[0]! * 100) / 100,
    };
  } finally {
    store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchHistory(sizes: readonly number[] = [10_000, 100_000]): Promise<Record<string, HistoryBenchResult>> {
  const out: Record<string, HistoryBenchResult> = {};
  for (const size of sizes) out[String(size)] = await benchOne(size);
  return out;
}
