// Load: 200 orders tracked at once against the simulator with faults on. The tracker keeps to
// its request budget, memory comes back after the orders finish, and no timer is left behind.
// Time is scaled down: a budget of 1,800 polls a minute (30 a second) stands for Cashfree's
// 80 a minute, so that the whole sweep fits in seconds.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CashfreeClient } from '../../electron/core/cashfree/client.ts';
import { EventBus } from '../../electron/core/events.ts';
import { openHistory } from '../../electron/core/history/index.ts';
import type { HistoryStore } from '../../electron/core/history/index.ts';
import { OrderService } from '../../electron/core/orders/service.ts';
import { Tracker } from '../../electron/core/orders/tracker.ts';
import { startSimulator } from '../../electron/simulator/server.ts';
import type { Simulator } from '../../electron/simulator/server.ts';
import { newVerificationId } from '../../shared/ids.ts';
import { isFinal } from '../../shared/domain.ts';
import { startCountingProxy } from './counting-proxy.ts';
import type { CountingProxy } from './counting-proxy.ts';
import { CLIENT_ID, CLIENT_SECRET } from './helpers.ts';

const ORDERS = 200;
const BUDGET_PER_MINUTE = 1_800;
const PER_SECOND = BUDGET_PER_MINUTE / 60;
const STATUS_PATH = '/verification/remitter/status';

/** A full collection, with or without --expose-gc. */
function collectGarbage(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const timerCount = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('200 orders tracked at once, with faults', () => {
  let sim: Simulator;
  let proxy: CountingProxy;
  let store: HistoryStore;
  const gc = collectGarbage();

  beforeAll(async () => {
    sim = await startSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, seed: 9, quiet: true });
    proxy = await startCountingProxy({ port: sim.port });
    store = openHistory({ file: join(mkdtempSync(join(tmpdir(), 'rpd-load-')), 'history.db'), dataKey: randomBytes(32) });
  });
  afterAll(async () => {
    store.close();
    await proxy.close();
    await sim.close();
  });

  it('keeps to the budget, converges, and returns memory and timers', { timeout: 55_000 }, async () => {
    gc();
    const timersBefore = timerCount();
    const client = new CashfreeClient({ baseUrl: proxy.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeoutMs: 2_000, retry: { baseDelayMs: 50 } });
    const events = new EventBus();
    const orders = new OrderService({ clientFor: async () => client, store, events, activeProfile: () => 'sandbox', track: () => {}, newId: () => newVerificationId() });
    const tracker = new Tracker({ refresh: (id) => orders.refresh(id), intervalMs: 250, budgetPerMinute: BUDGET_PER_MINUTE });
    gc();
    const heapBefore = process.memoryUsage().heapUsed;

    // Creates under a few faults, ten at a time.
    sim.setFaults({ create: { status_5xx: 0.05, latency_ms: 20 } });
    const ids: string[] = [];
    for (let i = 0; i < ORDERS; i += 10) {
      const batch = await Promise.allSettled(Array.from({ length: 10 }, (_, k) => orders.create({ name: `Load Kumar ${String.fromCharCode(65 + ((i + k) % 26))}` })));
      for (const r of batch) if (r.status === 'fulfilled') ids.push(r.value.verificationId);
    }
    expect(ids.length).toBeGreaterThan(ORDERS * 0.8);
    for (const id of store.listOpen().map((o) => o.verificationId)) tracker.watch(id, 0);
    const watched = tracker.watching;

    // Status under faults: some 5xx (retried), some latency. Count what the tracker asks and
    // what reaches the simulator in a few seconds.
    sim.setFaults({ status: { status_5xx: 0.1, latency_ms: 30 } });
    const windowStart = Date.now();
    const polls0 = tracker.requestsSent;
    await sleep(4_000);
    const windowMs = Date.now() - windowStart;
    const polls = tracker.requestsSent - polls0;
    const httpStatus = proxy.countSince(STATUS_PATH, windowStart, windowStart + windowMs);
    // The budget over the window, plus the first slot and one poll still in flight.
    expect(polls).toBeLessThanOrEqual(Math.ceil((windowMs / 1000) * PER_SECOND) + 2);
    expect(polls).toBeGreaterThan((windowMs / 1000) * PER_SECOND * 0.5);
    // Every poll is at least one request; retries of 5xx add a few, never a storm.
    expect(httpStatus).toBeGreaterThanOrEqual(polls - 2);
    expect(httpStatus).toBeLessThanOrEqual(polls * 1.5 + 5);
    for (let s = 0; s < Math.floor(windowMs / 1000); s++) {
      const inSecond = proxy.countSince(STATUS_PATH, windowStart + s * 1000, windowStart + (s + 1) * 1000);
      expect(inSecond).toBeLessThanOrEqual(PER_SECOND * 2);
    }

    // Customers pay; the tracker works through all of them and stops.
    for (const o of sim.orders()) if (o.status.status === 'CREATED') sim.pay(o.verification_id);
    const deadline = Date.now() + 40_000;
    while (tracker.watching > 0 && Date.now() < deadline) await sleep(250);
    expect(tracker.watching).toBe(0);
    expect(watched).toBeGreaterThanOrEqual(ids.length);
    sim.clearFaults();

    // Every order the simulator holds is in history with the same final state; none left open.
    const simById = new Map(sim.orders().map((o) => [o.verification_id, o.status.status]));
    expect(store.listOpen().filter((o) => simById.has(o.verificationId))).toEqual([]);
    for (const [id, status] of simById) {
      const row = store.get(id);
      expect(row, id).not.toBeNull();
      expect(isFinal(row!.state)).toBe(true);
      expect(row!.state.toUpperCase()).toBe(status);
    }

    tracker.close();
    await client.close();
    await sleep(50);
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    // Loose: the history's statement cache and JIT code stay; 200 orders' QR images must not.
    expect(heapAfter - heapBefore).toBeLessThan(20 * 1024 * 1024);
    expect(timerCount()).toBeLessThanOrEqual(timersBefore);
  });
});
