// team: D desks on one Cashfree account. Each desk is its own runtime (history, client, tracker)
// in this process; all share one simulator with a merchant-wide limit of 100 a minute. Over 30
// simulated minutes each desk starts a new order every 2 minutes on average (Poisson); 80% of
// customers pay after a seeded random 10 to 180 s, the rest never do and their links expire.
// Time is compressed (every part reads one faster clock), so the section runs in seconds.
//
// bound_p50_ms is the median detection delay of a budget-blind even schedule for the same orders
// and payment times: every open order polled in turn at exactly the merchant limit.
import { mkdtemp, rm } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaledClock } from '../electron/core/clock.ts';
import type { Clock } from '../electron/core/clock.ts';
import { startRuntime } from '../electron/core/runtime.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { createRandom } from '../electron/simulator/random.ts';
import { startSimulator } from '../electron/simulator/server.ts';
import { percentile, progress, round } from './stats.ts';

const MIN = 60_000;
const CLIENT = { clientId: 'team', clientSecret: 'team_secret' };

export interface TeamOptions {
  desks: number[];
  /** Simulated minutes in which desks start orders. */
  minutes: number;
  limitPerMinute: number;
  /** How many times faster than the wall clock the simulated time runs. */
  speedup: number;
  seed: number;
}

export interface TeamFigures {
  desks: number;
  limit_per_minute: number;
  orders: number;
  creates_refused: number;
  polls_429: number;
  requests_per_minute: number;
  detection_p50_ms: number;
  detection_p95_ms: number;
  bound_p50_ms: number;
  polls: number;
  creates_failed: number;
  paid: number;
  paid_undetected: number;
  clock: string;
  /** Event-loop delay p99 in simulated ms: how late timers fired (starvation, not policy). */
  loop_delay_p99_sim_ms: number;
}

interface Planned {
  createdAt: number;
  validUpto: number;
  paidAt: number | null;
  detectedAt: number | null;
}

/** One agent: new orders at random moments, each put on screen; the customer pays (or not) later. */
async function runDesk(rt: Runtime, pay: (id: string) => void, clock: Clock, random: () => number, endAt: number, orders: Planned[], failed: { count: number }): Promise<void> {
  for (;;) {
    const wait = -Math.log(1 - random()) * 2 * MIN;
    if (clock.now() + wait >= endAt) return;
    await clock.sleep(wait);
    const pays = random() < 0.8;
    const payAfter = 10_000 + random() * 170_000;
    let order;
    try {
      order = await rt.orders.create({ name: 'Kavita Sharma' });
    } catch {
      failed.count++;
      continue;
    }
    await rt.handlers['order.focus']({ verificationId: order.verificationId });
    const planned: Planned = { createdAt: order.createdAt, validUpto: order.validUpto ?? order.createdAt + 10 * MIN, paidAt: null, detectedAt: null };
    orders.push(planned);
    const off = rt.events.on('order.updated', (o) => {
      if (o.verificationId !== order.verificationId || o.state !== 'success') return;
      planned.detectedAt = clock.now();
      off();
    });
    if (pays) {
      clock.setTimeout(() => {
        planned.paidAt = clock.now();
        pay(order.verificationId);
      }, payAfter);
    }
  }
}

/** Detection delays of polling every open order in turn at exactly `limitPerMinute`. */
export function evenScheduleDelays(orders: readonly Planned[], limitPerMinute: number): number[] {
  const slot = MIN / limitPerMinute;
  const pending = [...orders].sort((a, b) => a.createdAt - b.createdAt);
  const queue: Planned[] = [];
  const delays: number[] = [];
  let next = 0;
  const end = Math.max(...orders.map((o) => o.validUpto)) + slot;
  for (let t = pending[0]?.createdAt ?? 0; t <= end && (next < pending.length || queue.length > 0); t += slot) {
    while (next < pending.length && pending[next]!.createdAt <= t) queue.push(pending[next++]!);
    const o = queue.shift();
    if (!o) continue;
    if (o.paidAt !== null && o.paidAt <= t) delays.push(t - o.paidAt);
    else if (t <= o.validUpto) queue.push(o);
  }
  return delays;
}

async function runTeam(desks: number, opts: TeamOptions): Promise<TeamFigures> {
  // Start at a window boundary plus a little, as a working day would not.
  const clock = scaledClock(opts.speedup, Math.floor(Date.now() / MIN) * MIN + 17_000);
  const sim = await startSimulator({ ...CLIENT, quiet: true, seed: opts.seed, now: clock.now, rateLimitPerMinute: opts.limitPerMinute });
  const root = await mkdtemp(join(tmpdir(), 'rpd-bench-team-'));
  const runtimes: Runtime[] = [];
  const orders: Planned[] = [];
  const failed = { count: 0 };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    for (let d = 0; d < desks; d++) {
      const dir = join(root, `desk-${d}`);
      runtimes.push(
        await startRuntime({
          dataDir: dir,
          transport: 'cli',
          settings: openPlainNodeSettings({ dir }),
          fixed: { profile: 'production', connection: { baseUrl: sim.baseUrl, ...CLIENT } },
          track: true,
          clock,
        }),
      );
    }
    loop.enable();
    const startedAt = clock.now();
    const endAt = startedAt + opts.minutes * MIN;
    const master = createRandom(opts.seed * 1000 + desks);
    await Promise.all(runtimes.map((rt) => runDesk(rt, (id) => sim.pay(id), clock, createRandom(Math.floor(master() * 2 ** 32)), endAt, orders, failed)));
    // Every payment happens at most 3 minutes after the last order; give detection time to follow.
    const settleBy = clock.now() + 5 * MIN;
    while (clock.now() < settleBy && orders.some((o) => o.paidAt === null ? clock.now() < o.createdAt + 180_000 : o.detectedAt === null)) {
      await clock.sleep(1_000);
    }
    loop.disable();
    const span = (clock.now() - startedAt) / MIN;
    const counts = sim.rateCounts()!;
    const paid = orders.filter((o) => o.paidAt !== null);
    const delays = paid.filter((o) => o.detectedAt !== null).map((o) => o.detectedAt! - o.paidAt!);
    const polls = counts.status.allowed + counts.status.refused;
    return {
      desks,
      limit_per_minute: opts.limitPerMinute,
      orders: orders.length,
      creates_refused: counts.create.refused,
      polls_429: counts.status.refused,
      requests_per_minute: round((polls + counts.create.allowed + counts.create.refused) / span, 1),
      detection_p50_ms: round(percentile(delays, 50), 0),
      detection_p95_ms: round(percentile(delays, 95), 0),
      bound_p50_ms: round(percentile(evenScheduleDelays(orders, opts.limitPerMinute), 50), 0),
      polls,
      creates_failed: failed.count,
      paid: paid.length,
      paid_undetected: paid.length - delays.length,
      clock: `compressed: simulated time runs ${opts.speedup}x the wall clock`,
      loop_delay_p99_sim_ms: round((loop.percentile(99) / 1e6) * opts.speedup, 0),
    };
  } finally {
    await Promise.all(runtimes.map((rt) => rt.close()));
    await sim.close();
    await rm(root, { recursive: true, force: true });
  }
}

export async function benchTeam(opts: TeamOptions): Promise<Record<string, TeamFigures>> {
  progress(
    `team: ${opts.desks.join(', ')} desks on one account limited to ${opts.limitPerMinute}/min, ${opts.minutes} simulated minutes each; ` +
      `time compressed ${opts.speedup}x (an injected clock)`,
  );
  const out: Record<string, TeamFigures> = {};
  for (const desks of opts.desks) {
    const t0 = Date.now();
    out[String(desks)] = await runTeam(desks, opts);
    progress(`team: ${desks} desk${desks === 1 ? '' : 's'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return out;
}
