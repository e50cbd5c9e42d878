// team: D desks on one Cashfree account. Each desk is its own runtime (history, client, tracker)
// in this process; all share one simulator with a merchant-wide limit of 100 a minute. Over 30
// simulated minutes each desk starts a new order every 2 minutes on average (Poisson); 80% of
// customers pay after a seeded random 10 to 180 s, the rest never do and their links expire.
// Time is simulated (every part reads one event-driven clock: bench/event-clock.ts), so the
// section runs in seconds and its figures do not depend on the machine's load; every answer
// takes NETWORK_MS of simulated time, as Cashfree's round trip would.
//
// bound_p50_ms is the median detection delay of a budget-blind even schedule for the same orders
// and payment times: every open order polled in turn at exactly the merchant limit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../electron/core/clock.ts';
import { PACING } from '../electron/core/orders/tracker.ts';
import { eventClock } from './event-clock.ts';
import { startRuntime } from '../electron/core/runtime.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { createRandom } from '../electron/simulator/random.ts';
import { startSimulator } from '../electron/simulator/server.ts';
import { percentile, progress, round } from './stats.ts';

const MIN = 60_000;
const CLIENT = { clientId: 'team', clientSecret: 'team_secret' };
/** Simulated time each Cashfree answer takes (a round trip from an Indian office). */
export const NETWORK_MS = 250;

export interface TeamOptions {
  desks: number[];
  /** Simulated minutes in which desks start orders. */
  minutes: number;
  limitPerMinute: number;
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
  /** The same even schedule with only what the team's creates leave of the limit: one that refuses no create. */
  bound_beside_creates_p50_ms: number;
  /**
   * One scheduler that saw every order, with what creates leave: young orders (PACING.youngForMs)
   * in turn, older ones once more after valid_upto. Where a team that could talk would stand.
   */
  central_young_p50_ms: number;
  polls: number;
  creates_failed: number;
  paid: number;
  paid_undetected: number;
  clock: string;
  seed: number;
  /** Each run's own figures, when these are the median of several. */
  runs?: { seed: number; detection_p50_ms: number; bound_p50_ms: number; central_young_p50_ms: number; creates_refused: number; polls_429: number }[];
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

/**
 * Detection delays of polling every open order in turn at exactly `limitPerMinute`. With
 * `youngForMs`, only orders younger than that are polled in turn, and each older one once more
 * just after valid_upto: what one scheduler that saw every desk's orders could do with the
 * tracker's own idea of where payments happen.
 */
export function evenScheduleDelays(orders: readonly Planned[], limitPerMinute: number, youngForMs = Infinity): number[] {
  const slot = MIN / limitPerMinute;
  const pending = [...orders].sort((a, b) => a.createdAt - b.createdAt);
  const queue: Planned[] = [];
  const finals: Planned[] = [];
  const delays: number[] = [];
  let next = 0;
  const end = Math.max(...orders.map((o) => o.validUpto)) + slot;
  for (let t = pending[0]?.createdAt ?? 0; t <= end && (next < pending.length || queue.length > 0 || finals.length > 0); t += slot) {
    while (next < pending.length && pending[next]!.createdAt <= t) queue.push(pending[next++]!);
    for (let i = queue.length - 1; i >= 0; i--) if (t - queue[i]!.createdAt >= youngForMs) finals.push(...queue.splice(i, 1));
    const due = finals.findIndex((o) => t > o.validUpto);
    const o = due >= 0 ? finals.splice(due, 1)[0] : queue.shift();
    if (!o) continue;
    if (o.paidAt !== null && o.paidAt <= t) delays.push(t - o.paidAt);
    else if (t <= o.validUpto && due < 0) queue.push(o);
  }
  return delays;
}

async function runTeam(desks: number, opts: TeamOptions): Promise<TeamFigures> {
  // Start a little after a window boundary, as a working day would.
  const clock = eventClock(Date.UTC(2026, 11, 1, 4, 30, 17));
  const sim = await startSimulator({
    ...CLIENT,
    quiet: true,
    seed: opts.seed,
    now: clock.now,
    sleep: clock.sleep,
    delayMs: NETWORK_MS,
    rateLimitPerMinute: opts.limitPerMinute,
  });
  const root = await mkdtemp(join(tmpdir(), 'rpd-bench-team-'));
  const runtimes: Runtime[] = [];
  const orders: Planned[] = [];
  const failed = { count: 0 };
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
    const startedAt = clock.now();
    const endAt = startedAt + opts.minutes * MIN;
    const master = createRandom(opts.seed * 1000 + desks);
    const work = async (): Promise<void> => {
      await Promise.all(runtimes.map((rt) => runDesk(rt, (id) => sim.pay(id), clock, createRandom(Math.floor(master() * 2 ** 32)), endAt, orders, failed)));
      // Every payment happens at most 3 minutes after the last order; give detection time to follow.
      const settleBy = clock.now() + 5 * MIN;
      while (clock.now() < settleBy && orders.some((o) => (o.paidAt === null ? clock.now() < o.createdAt + 180_000 : o.detectedAt === null))) {
        await clock.sleep(1_000);
      }
    };
    await clock.run(work());
    const span = (clock.now() - startedAt) / MIN;
    const counts = sim.rateCounts()!;
    const paid = orders.filter((o) => o.paidAt !== null);
    const delays = paid.filter((o) => o.detectedAt !== null).map((o) => o.detectedAt! - o.paidAt!);
    const polls = counts.status.allowed + counts.status.refused;
    const besideCreates = opts.limitPerMinute - orders.length / opts.minutes;
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
      bound_beside_creates_p50_ms: round(percentile(evenScheduleDelays(orders, besideCreates), 50), 0),
      central_young_p50_ms: round(percentile(evenScheduleDelays(orders, besideCreates, PACING.youngForMs), 50), 0),
      polls,
      creates_failed: failed.count,
      paid: paid.length,
      paid_undetected: paid.length - delays.length,
      seed: opts.seed,
      clock: `simulated: time jumps to the next timer whenever desks and simulator are idle; every answer takes ${NETWORK_MS} ms`,
    };
  } finally {
    await Promise.all(runtimes.map((rt) => rt.close()));
    await sim.close();
    await rm(root, { recursive: true, force: true });
  }
}

/** Runs of each team size, with seeds seed, seed + 1, ...: the order of answers on real sockets varies from run to run. */
const TEAM_RUNS = 5;

/** Each figure the median of the runs; refusals and 429s those of the worst run. */
function medianRun(runs: TeamFigures[]): TeamFigures {
  const median = (pick: (f: TeamFigures) => number): number => {
    const values = runs.map(pick).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)]!;
  };
  const worst = (pick: (f: TeamFigures) => number): number => Math.max(...runs.map(pick));
  const first = runs[0]!;
  return {
    ...first,
    orders: median((f) => f.orders),
    creates_refused: worst((f) => f.creates_refused),
    polls_429: worst((f) => f.polls_429),
    requests_per_minute: median((f) => f.requests_per_minute),
    detection_p50_ms: median((f) => f.detection_p50_ms),
    detection_p95_ms: median((f) => f.detection_p95_ms),
    bound_p50_ms: median((f) => f.bound_p50_ms),
    bound_beside_creates_p50_ms: median((f) => f.bound_beside_creates_p50_ms),
    central_young_p50_ms: median((f) => f.central_young_p50_ms),
    polls: median((f) => f.polls),
    creates_failed: worst((f) => f.creates_failed),
    paid: median((f) => f.paid),
    paid_undetected: worst((f) => f.paid_undetected),
    runs: runs.map((f) => ({ seed: f.seed, detection_p50_ms: f.detection_p50_ms, bound_p50_ms: f.bound_p50_ms, central_young_p50_ms: f.central_young_p50_ms, creates_refused: f.creates_refused, polls_429: f.polls_429 })),
  };
}

export async function benchTeam(opts: TeamOptions): Promise<Record<string, TeamFigures>> {
  progress(
    `team: ${opts.desks.join(', ')} desks on one account limited to ${opts.limitPerMinute}/min, ${opts.minutes} simulated minutes each, ` +
      `${TEAM_RUNS} seeded runs per size; simulated time (an injected event-driven clock), ${NETWORK_MS} ms a Cashfree answer`,
  );
  const out: Record<string, TeamFigures> = {};
  for (const desks of opts.desks) {
    const t0 = Date.now();
    const runs: TeamFigures[] = [];
    for (let i = 0; i < TEAM_RUNS; i++) runs.push(await runTeam(desks, { ...opts, seed: opts.seed + i }));
    out[String(desks)] = medianRun(runs);
    progress(`team: ${desks} desk${desks === 1 ? '' : 's'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return out;
}
