// Shared by the torture tests: a runtime on a temp folder against a simulator, and the checks
// that every order ends in a defined state, once, matching what the simulator holds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { startRuntime } from '../../electron/core/runtime.ts';
import type { Runtime } from '../../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../../electron/core/settings/index.ts';
import { startSimulator } from '../../electron/simulator/server.ts';
import type { Simulator } from '../../electron/simulator/server.ts';
import { ORDER_STATES } from '../../shared/domain.ts';
import type { OrderState } from '../../shared/domain.ts';
import type { HistoryRow } from '../../shared/history.ts';
import { ERROR_CODES } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';

export const CLIENT_ID = 'torture_id';
export const CLIENT_SECRET = 'torture_secret';

export async function tortureRuntime(sim: Simulator, opts: { timeoutMs?: number; track?: boolean; dataDir?: string } = {}): Promise<Runtime> {
  const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'rpd-torture-'));
  return startRuntime({
    dataDir: dir,
    transport: 'cli',
    settings: openPlainNodeSettings({ dir }),
    fixed: {
      profile: 'sandbox',
      connection: { baseUrl: sim.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeoutMs: opts.timeoutMs ?? 600 },
    },
    track: opts.track ?? false,
  });
}

/**
 * A fresh simulator per test, and the runtime made against it closed after the test: closing the
 * simulator drops requests still sleeping in a fault, which would otherwise land in the next test.
 */
export function freshPerTest(): { readonly sim: Simulator; runtime(opts?: { timeoutMs?: number }): Promise<Runtime> } {
  let sim: Simulator | null = null;
  let rt: Runtime | null = null;
  beforeEach(async () => {
    sim = await startSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, seed: 5, quiet: true });
  });
  afterEach(async () => {
    await rt?.close();
    rt = null;
    await sim?.close();
  });
  return {
    get sim(): Simulator {
      if (!sim) throw new Error('no simulator outside a test');
      return sim;
    },
    async runtime(opts = {}) {
      rt = await tortureRuntime(this.sim, opts);
      return rt;
    },
  };
}

/** Every row of the history (the tests stay far below one page). */
export function historyRows(rt: Runtime): HistoryRow[] {
  const page = rt.history.search({ limit: 500 });
  expect(page.nextCursor).toBeNull();
  return page.rows;
}

/** A failed answer tells the agent what happened: a known code and a sentence. */
export function expectActionable(result: Result<unknown>): void {
  if (result.ok) return;
  expect(ERROR_CODES).toContain(result.error.code);
  expect(result.error.message.trim().length).toBeGreaterThan(10);
  expect(result.error.message).not.toContain(CLIENT_SECRET);
}

const SIM_STATE: Record<string, OrderState> = { CREATED: 'created', SUCCESS: 'success', FAILURE: 'failure', EXPIRED: 'expired' };

/**
 * After the faults are gone and every open order was asked once more: no row is left
 * 'creating', no id twice, every order the simulator holds is in history with the same
 * state, and every row marked create_failed is unknown to the simulator.
 */
export function expectConverged(rt: Runtime, sim: Simulator): void {
  const rows = historyRows(rt);
  const ids = rows.map((r) => r.verificationId);
  expect(new Set(ids).size).toBe(ids.length);
  const simOrders = new Map(sim.orders().map((o) => [o.verification_id, o]));
  for (const row of rows) {
    expect(ORDER_STATES).toContain(row.state);
    expect(row.state, `${row.verificationId} is still creating`).not.toBe('creating');
    const held = simOrders.get(row.verificationId);
    if (row.state === 'create_failed') expect(held, `${row.verificationId} failed here but exists at Cashfree`).toBeUndefined();
    else expect(SIM_STATE[held?.status.status ?? ''], row.verificationId).toBe(row.state);
    if (row.replaces !== null) expect(ids).toContain(row.replaces);
  }
  for (const id of simOrders.keys()) expect(ids, `order ${id} at Cashfree is missing from history`).toContain(id);
}

/** Asks Cashfree about every open order once, as the tracker does, until nothing changes. */
export async function resolveOpen(rt: Runtime): Promise<void> {
  for (const order of rt.history.listOpen()) {
    await rt.orders.refresh(order.verificationId).catch(() => undefined);
  }
}
