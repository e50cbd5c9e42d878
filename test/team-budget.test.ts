// One Cashfree account for a whole team: a create refused by the merchant-wide limit, and orders
// whose polls keep being refused for reasons the agent must fix. Real runtime, client, SQLite
// history and simulator over real sockets; only time is driven by the test.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { startRuntime } from '../electron/core/runtime.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import type { Clock } from '../electron/core/clock.ts';
import { CASHFREE_BUSY } from '../electron/core/orders/service.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { startSimulator } from '../electron/simulator/server.ts';
import type { Simulator, SimulatorOptions } from '../electron/simulator/server.ts';
import type { Order } from '../shared/domain.ts';

const CLIENT = { clientId: 'team-id', clientSecret: 'team-secret' };
/** 50 s into a clock minute: the window resets in 10 s. */
const T0 = Date.UTC(2026, 11, 1, 10, 0, 50);

/** Time the test moves by hand: sleeps pass at once, timers fire when advance() reaches them. */
function manualClock(start = T0): Clock & { advance(ms: number): void } {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock = {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return id as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimeout: (handle: ReturnType<typeof setTimeout>) => void timers.delete(handle as unknown as number),
    sleep: async (ms: number) => void (now += Math.max(0, ms)),
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
      }
      now = until;
    },
  };
  return clock;
}

const running: { rt: Runtime; sim: Simulator }[] = [];
afterEach(async () => {
  for (const { rt, sim } of running.splice(0)) {
    await rt.close();
    await sim.close();
  }
});

async function desk(clock: Clock, sim: Partial<SimulatorOptions> = {}): Promise<{ rt: Runtime; sim: Simulator }> {
  const s = await startSimulator({ ...CLIENT, quiet: true, now: clock.now, ...sim });
  const dir = mkdtempSync(join(tmpdir(), 'rpd-team-'));
  const rt = await startRuntime({
    dataDir: dir,
    transport: 'cli',
    settings: openPlainNodeSettings({ dir }),
    fixed: { profile: 'sandbox', connection: { baseUrl: s.baseUrl, ...CLIENT, timeoutMs: 2_000 } },
    track: true,
    clock,
  });
  running.push({ rt, sim: s });
  return { rt, sim: s };
}

/** Moves time on a second at a time, letting real sockets answer in between, until `done`. */
async function runUntil(clock: ReturnType<typeof manualClock>, done: () => boolean, maxMs = 10 * 60_000): Promise<void> {
  for (let t = 0; t < maxMs; t += 1_000) {
    if (done()) return;
    clock.advance(1_000);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!done()) throw new Error('condition not met in time');
}

describe('a create refused by the merchant-wide limit', () => {
  it('waits Retry-After, goes again once with the same verification id, and tells the agent Cashfree is busy', async () => {
    const clock = manualClock();
    const { rt, sim } = await desk(clock, { rateLimitPerMinute: 1 });
    // A colleague's desk spends this minute's budget.
    const other = await request(`${sim.baseUrl}/remitter/status?verification_id=colleague`, { headers: { 'x-client-id': CLIENT.clientId, 'x-client-secret': CLIENT.clientSecret } });
    await other.body.dump();
    const seen: Order[] = [];
    rt.events.on('order.updated', (o) => seen.push(o));
    const order = await rt.orders.create({ name: 'Meera Iyer' });
    expect(order.state).toBe('created');
    expect(order.lastError).toBeNull();
    expect(seen.map((o) => [o.verificationId, o.state, o.lastError?.message ?? null])).toEqual([
      [order.verificationId, 'creating', null],
      [order.verificationId, 'creating', CASHFREE_BUSY],
      [order.verificationId, 'created', null],
    ]);
    expect(CASHFREE_BUSY).toMatch(/^Cashfree is busy, retrying/);
    // Refused once, sent once more with the same id, made once.
    expect(sim.rateCounts()?.create).toEqual({ allowed: 1, refused: 1 });
    expect(sim.orders().map((o) => o.verification_id)).toEqual([order.verificationId]);
    expect(clock.now()).toBeGreaterThanOrEqual(T0 + 10_000);
  });
});

describe('an order whose polls are refused for a reason the agent must fix', () => {
  const statusCalls = (sim: Simulator): number => sim.rateCounts()?.status.allowed ?? 0;

  async function refusedOrder() {
    const clock = manualClock();
    const { rt, sim } = await desk(clock, { rateLimitPerMinute: 1_000_000 });
    const order = await rt.orders.create({ name: 'Arjun Menon' });
    sim.setFaults({ status: { error: 'ip_not_whitelisted' } });
    await runUntil(clock, () => rt.history.get(order.verificationId)?.attention != null);
    return { clock, rt, sim, order };
  }

  it('stops after a few tries, says why, and is followed again when the profile settings change', async () => {
    const { clock, rt, sim, order } = await refusedOrder();
    const stopped = rt.history.get(order.verificationId)!;
    expect(stopped.state).toBe('created');
    expect(stopped.attention).toMatchObject({ code: 'ip_not_whitelisted' });
    expect(stopped.attention?.message).toMatch(/127\.0\.0\.1/);
    expect(rt.tracker.watching).toBe(0);
    const calls = statusCalls(sim);
    expect(calls).toBe(3);
    await runUntil(clock, () => false, 5 * 60_000).catch(() => {});
    expect(statusCalls(sim)).toBe(calls); // not polled for ever

    // The agent fixes the whitelisting and saves the profile's settings.
    sim.clearFaults();
    const cleared = new Promise<Order>((resolve) => rt.events.on('order.updated', (o) => o.attention === null && resolve(o)));
    expect((await rt.handlers['settings.setBaseUrl']({ kind: 'sandbox', url: null })).ok).toBe(true);
    expect((await cleared).attention).toBeNull();
    expect(rt.tracker.watching).toBe(1);
    sim.pay(order.verificationId);
    await runUntil(clock, () => rt.history.get(order.verificationId)?.state === 'success', 60_000);
  });

  it('is followed again when the agent presses Re-check', async () => {
    const { clock, rt, sim, order } = await refusedOrder();
    sim.clearFaults();
    const rechecked = await rt.handlers['order.recheck']({ verificationId: order.verificationId });
    expect(rechecked.ok && rechecked.data.attention).toBeNull();
    expect(rt.history.get(order.verificationId)?.attention).toBeNull();
    expect(rt.tracker.watching).toBe(1);
    sim.pay(order.verificationId);
    await runUntil(clock, () => rt.history.get(order.verificationId)?.state === 'success', 60_000);
  });
});
