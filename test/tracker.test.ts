// The polling policy: fast for one order, never above the request budget for many.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Tracker, pollDelay } from '../electron/core/orders/tracker.ts';
import type { TrackerOptions } from '../electron/core/orders/tracker.ts';
import { RateBudget } from '../electron/core/cashfree/budget.ts';
import { RateLimiter } from '../electron/simulator/rate-limit.ts';
import { CashfreeError } from '../electron/core/cashfree/errors.ts';
import type { Order } from '../shared/domain.ts';
import { makeOrder } from './fixtures/orders.ts';

const order = (verificationId: string, state: Order['state']): Order => makeOrder({ verificationId, state });

afterEach(() => vi.useRealTimers());

describe('Tracker', () => {
  it('polls one order at its interval and stops once the order is final', async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    let finalAfter = 3;
    const tracker = new Tracker({ refresh: async (id) => (calls.push(id), order(id, --finalAfter === 0 ? 'success' : 'created')), intervalMs: 2_000 });
    tracker.setOnScreen('a');
    tracker.watch('a');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual(['a', 'a', 'a']);
    expect(tracker.watching).toBe(0);
    tracker.close();
  });

  it('keeps 200 open orders inside the per-minute budget', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const tracker = new Tracker({ refresh: async (id) => (calls++, order(id, 'created')), intervalMs: 2_000, budgetPerMinute: 80 });
    for (let i = 0; i < 200; i++) tracker.watch(`o${i}`);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    // Five minutes at 80 a minute, plus the first round that the budget spreads out.
    expect(calls).toBeLessThanOrEqual(5 * 80 + 1);
    expect(calls).toBeGreaterThan(4 * 80);
    tracker.close();
    const after = calls;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(after);
  });

  it('drops an order whose refresh says it is gone, instead of polling it for ever', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const gone = new Error('no such order on this computer');
    const tracker = new Tracker({
      refresh: async () => {
        calls++;
        throw gone;
      },
      isGone: (err) => err === gone,
      intervalMs: 1_000,
    });
    tracker.watch('x');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
    expect(tracker.watching).toBe(0);
    tracker.close();
  });

  it('backs off after errors and recovers', async () => {
    vi.useFakeTimers();
    const times: number[] = [];
    let fail = 3;
    const tracker = new Tracker({
      refresh: async (id) => {
        times.push(Date.now());
        if (fail-- > 0) throw new Error('down');
        return order(id, 'success');
      },
      intervalMs: 1_000,
      maxBackoffMs: 5_000,
    });
    const start = Date.now();
    tracker.setOnScreen('x');
    tracker.watch('x');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(times.map((t) => t - start)).toEqual([1_000, 3_000, 7_000, 12_000]);
    expect(tracker.watching).toBe(0);
    tracker.close();
  });

  it('sets no timer of its own while every poll is in flight', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const tracker = new Tracker({
      refresh: (id) => (calls++, new Promise<Order>((resolve) => setTimeout(() => resolve(order(id, 'success')), 5_000))),
      intervalMs: 1_000,
    });
    tracker.setOnScreen('slow');
    tracker.watch('slow');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(1);
    // Only the slow answer's own timer: no tracker timer spinning until it comes.
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(tracker.watching).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    tracker.close();
  });
});

const MIN = 60_000;
/** Cashfree's answer headers: what the merchant has left for everyone, and when it resets. */
const rate = (remaining: number, resetS: number, limit = 100): Record<string, string> => ({
  'x-ratelimit-limit': String(limit),
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': String(resetS),
});

/** Times (ms from the start) at which each order is asked about, over `forMs`. */
async function pollTimes(setup: (t: Tracker) => void, opts: Partial<TrackerOptions> & { orders: Record<string, Partial<Order>> }, forMs: number): Promise<Record<string, number[]>> {
  const start = Date.now();
  const times: Record<string, number[]> = {};
  const tracker = new Tracker({
    refresh: async (id) => ((times[id] ??= []).push(Date.now() - start), makeOrder({ verificationId: id, state: 'created', ...opts.orders[id] })),
    lookup: (id) => makeOrder({ verificationId: id, state: 'created', ...opts.orders[id] }),
    ...opts,
  });
  setup(tracker);
  await vi.advanceTimersByTimeAsync(forMs);
  tracker.close();
  return times;
}

const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - times[i]!);

describe('pacing policy', () => {
  it('asks a young order on screen every 2 s, others 1.5 times less often, and orders past 4 minutes 30 times less', () => {
    const facts = (ageMs: number, onScreen: boolean) => ({ createdAt: -ageMs, validUpto: 10 * MIN - ageMs, cashfreeStatus: null, onScreen, answeredAt: 0 });
    expect(pollDelay(facts(30_000, true), 0, 1)).toBe(2_000);
    expect(pollDelay(facts(30_000, false), 0, 1)).toBe(3_000);
    // Customers pay in the first three minutes or not at all: a minute later the order is asked rarely.
    expect(pollDelay(facts(3 * MIN, true), 0, 1)).toBe(2_000);
    expect(pollDelay(facts(4 * MIN, true), 0, 1)).toBe(60_000);
    expect(pollDelay(facts(5 * MIN, false), 0, 1)).toBe(90_000);
    // The budget's share stretches every interval alike.
    expect(pollDelay(facts(30_000, true), 0, 0.25)).toBe(8_000);
  });

  it('keeps the order on screen ahead when the desk\'s own ceiling binds', async () => {
    vi.useFakeTimers();
    const now = Date.now();
    const young = { createdAt: now, validUpto: now + 10 * MIN };
    const ids = Array.from({ length: 15 }, (_, i) => `o${i}`);
    const times = await pollTimes((t) => {
      for (const id of ids) t.watch(id, 0);
      t.setOnScreen('o7');
    }, { orders: Object.fromEntries(ids.map((id) => [id, young])), budgetPerMinute: 80 }, 2 * MIN);
    const asked = (id: string): number => times[id]?.length ?? 0;
    const total = ids.reduce((sum, id) => sum + asked(id), 0);
    // Within the ceiling (the first round at start aside), and the order on screen asked about
    // 1.5 times as often as each of the others, as the policy weighs them.
    expect(total).toBeLessThanOrEqual(2 * 80 + 15);
    const others = (total - asked('o7')) / 14;
    expect(asked('o7')).toBeGreaterThan(1.3 * others);
  });

  it('spreads a desk\'s questions over its orders, no faster than twice their paced rate', async () => {
    vi.useFakeTimers();
    const now = Date.now();
    const young = { createdAt: now, validUpto: now + 10 * MIN };
    const times = await pollTimes((t) => {
      for (const id of ['a', 'b', 'c', 'd']) t.watch(id, 0);
    }, { orders: { a: young, b: young, c: young, d: young }, budgetPerMinute: 600 }, 30_000);
    const all = Object.values(times).flat().sort((x, y) => x - y);
    // Four orders due at once go 375 ms apart (half of 3 s / 4), not in one burst.
    expect(gaps(all).slice(0, 3)).toEqual([375, 375, 375]);
    // Each order is still asked about every 3 s on average.
    for (const id of ['a', 'b', 'c', 'd']) expect(times[id]!.length).toBeGreaterThanOrEqual(9);
  });

  it('asks an order past valid_upto once more for its final status, then stops', async () => {
    vi.useFakeTimers();
    const now = Date.now();
    const times = await pollTimes((t) => (t.watch('late', 0), t.setOnScreen('late')), { orders: { late: { createdAt: now - 9 * MIN, validUpto: now + 5_000 } } }, 5 * MIN);
    // 0 (resumed), the old-order pace is cut short by the final check 2 s after valid_upto, then nothing.
    expect(times.late).toEqual([0, 7_000]);
  });

  it('follows an order in an undocumented status every 30 s until valid_upto + 5 minutes, then no more', async () => {
    vi.useFakeTimers();
    const now = Date.now();
    const times = await pollTimes((t) => t.watch('odd', 0), { orders: { odd: { createdAt: now, validUpto: now + 10 * MIN, cashfreeStatus: 'PENDING_REVIEW' } } }, 30 * MIN);
    expect(new Set(gaps(times.odd!))).toEqual(new Set([30_000]));
    // valid_upto + 5 min = 15 min: the last question is the one at 15 min.
    expect(times.odd!.at(-1)).toBe(15 * MIN);
    expect(times.odd).toHaveLength(31);
  });
});

describe('pacing by the merchant budget read from the headers', () => {
  /** A tracker whose every answer carries the next recorded headers, as the client hands them on. */
  function replay(headers: (i: number, at: number) => { status: number; headers: Record<string, string> }) {
    const start = Date.now();
    const budget = new RateBudget(Date.now, () => 0);
    const young = (id: string): Order => makeOrder({ verificationId: id, state: 'created', createdAt: start, validUpto: start + 10 * MIN });
    const at: number[] = [];
    const tracker = new Tracker({
      refresh: async (id) => {
        at.push(Date.now() - start);
        const answer = headers(at.length - 1, Date.now() - start);
        budget.observe(answer.headers, answer.status);
        if (answer.status === 429) throw new Error('429');
        return young(id);
      },
      lookup: young,
      budgetFor: () => budget,
    });
    tracker.setOnScreen('a');
    tracker.watch('a', 0);
    return { at, budget, tracker, start };
  }

  it('keeps to 2 s once it knows it is the only one spending, and slows down as other desks spend', async () => {
    vi.useFakeTimers();
    // The window resets 60 s after the start. For 30 s the count falls by this desk's questions
    // only; then other desks spend 3 a second as well.
    const remainingAt = (i: number, ms: number): number => Math.max(0, Math.floor(99 - i - (ms <= 30_000 ? 0 : (3 * (ms - 30_000)) / 1000)));
    const { at, tracker } = replay((i, ms) => ({ status: 200, headers: rate(remainingAt(i, ms), Math.ceil((60_000 - ms) / 1000)) }));
    await vi.advanceTimersByTimeAsync(30_000);
    // A newcomer starts small, but asks again within ten seconds to find out whether anyone else
    // spends; once ten seconds show nobody does, it is at about 2 s (it keeps a little back until
    // it knows the team's mix of creates).
    expect(Math.max(...gaps(at))).toBeLessThanOrEqual(10_000);
    const alone = at.filter((t) => t >= 20_000);
    expect(alone.length).toBeGreaterThan(4);
    expect(Math.min(...gaps(alone))).toBe(2_000);
    expect(Math.max(...gaps(alone))).toBeLessThan(2_100);
    const before = at.length;
    await vi.advanceTimersByTimeAsync(20_000);
    // Ever longer gaps, and far fewer than the 10 questions the unconstrained pace would ask.
    const slowing = gaps(at).slice(before - 1);
    expect(slowing).toEqual([...slowing].sort((x, y) => x - y));
    expect(slowing.at(-1)).toBeGreaterThan(3_000);
    expect(at.length - before).toBeLessThan(10);
    tracker.close();
  });

  it('sends nothing while only the reserve is left, and comes back after the reset', async () => {
    vi.useFakeTimers();
    // Other desks spent the window: 8 left (what creates need for 20 s at that pace), reset in
    // 20 s; from then on only this desk spends, window after window.
    const asked = new Map<number, number>();
    const { at, budget, tracker } = replay((_, ms) => {
      if (ms < 20_000) return { status: 200, headers: rate(8, Math.ceil((20_000 - ms) / 1000)) };
      const window = Math.floor((ms - 20_000) / MIN);
      asked.set(window, (asked.get(window) ?? 0) + 1);
      return { status: 200, headers: rate(100 - asked.get(window)!, Math.ceil((20_000 + (window + 1) * MIN - ms) / 1000)) };
    });
    await vi.advanceTimersByTimeAsync(19_999);
    expect(at).toEqual([0]);
    expect(budget.holdUntil).toBe(budget.resetAt);
    await vi.advanceTimersByTimeAsync(MIN);
    // Back after the reset: its part of that busy team was small, but in a window it has not
    // heard of a desk asks within half a minute. The count falls by its own questions only: it
    // asks again within ten seconds to be sure, and once ten seconds show nobody else spends, it
    // is back at 2 s.
    expect(at[1]).toBeGreaterThanOrEqual(20_000);
    expect(at[1]).toBeLessThanOrEqual(30_000);
    expect(at[2]! - at[1]!).toBeLessThanOrEqual(10_000);
    const settled = at.filter((t) => t >= 45_000 && t < 20_000 + MIN);
    expect(settled.length).toBeGreaterThan(15);
    expect(Math.max(...gaps(settled))).toBeLessThan(2_100);
    // And so window after window, with no hold planned at the busy team's pace.
    await vi.advanceTimersByTimeAsync(MIN);
    expect(at.filter((t) => t >= 20_000 + MIN && t < 20_000 + 2 * MIN).length).toBeGreaterThan(25);
    tracker.close();
  });

  it('keeps for creates what the team\'s creates will need until the reset, judged by its own mix', () => {
    let now = 0;
    const polling = new RateBudget(() => now, () => 0);
    const creating = new RateBudget(() => now, () => 0);
    // Both desks read the count falling 1 a second; one desk's own answers are mostly creates.
    for (let i = 0; i < 30; i++, now += 1_000) {
      polling.observe(rate(90 - i, 50 - i), 200, 'status');
      creating.observe(rate(90 - i, 50 - i), 200, i % 3 === 0 ? 'status' : 'create');
    }
    expect(creating.reserveFor(20_000)).toBeGreaterThan(polling.reserveFor(20_000) + 5);
    // Less time left, fewer creates to come.
    expect(polling.reserveFor(5_000)).toBeLessThan(polling.reserveFor(20_000));
    // The creating desk stops polling earlier: its reserve is reached first.
    expect(creating.holdFrom).toBeLessThan(polling.holdFrom === 0 ? Infinity : polling.holdFrom);
  });

  it('leaves the last seconds of a window it has not heard of to creates and to desks that have', () => {
    const clock = { now: 1_000_000 };
    const busy = new RateBudget(() => clock.now, () => 0.5);
    // Five answers a second apart; the count falls 1.5 a second, by colleagues' requests mostly.
    for (let i = 0; i < 5; i++, clock.now += 1_000) busy.observe(rate(Math.floor(90 - 1.5 * i), 50 - i), 200);
    const resetAt = busy.resetAt!;
    // In the window it has read, it polls to the end: its reading tells it what is left.
    expect(busy.allowedFrom(resetAt - 5_000)).toBe(resetAt - 5_000);
    // In the next one, heard of by nobody yet at this desk: early on, yes; in its last ten
    // seconds, no: it comes back after that window's reset, spread over up to ten seconds.
    expect(busy.allowedFrom(resetAt + 20_000)).toBe(resetAt + 20_000);
    expect(busy.allowedFrom(resetAt + MIN - 5_000)).toBe(resetAt + MIN + 5_000);
    expect(busy.allowedFrom(resetAt + 2 * MIN - 1_000)).toBe(resetAt + 2 * MIN + 5_000);
    // A desk alone (the count falls by its own answers only, for ten seconds) leaves it to nobody.
    const alone = new RateBudget(() => clock.now, () => 0.5);
    for (let i = 0; i < 12; i++, clock.now += 1_000) alone.observe(rate(99 - i, 59 - i), 200);
    expect(alone.allowedFrom(alone.resetAt! + MIN - 5_000)).toBe(alone.resetAt! + MIN - 5_000);
  });

  it('starts a newcomer to a busy team with a small part', () => {
    const clock = { now: 1_000_000 };
    const newcomer = new RateBudget(() => clock.now, () => 0);
    // Its first answers come 40 s into a window the team has spent 60 of; the first is a create.
    newcomer.observe(rate(40, 20), 200, 'create');
    clock.now += 2_000;
    newcomer.observe(rate(37, 18), 200, 'status');
    const forPolls = (newcomer.remaining! - newcomer.reserveFor(18_000)) / 18_000;
    // Judged over half a minute, its two answers are well under a tenth of what the team spends:
    // it does not take what is left of the window for itself.
    expect(newcomer.pollAllowance(clock.now)).toBeGreaterThan(0);
    expect(newcomer.pollAllowance(clock.now)!).toBeLessThan(0.1 * forPolls);
  });

  it('waits out a 429 for its Retry-After before asking again', async () => {
    vi.useFakeTimers();
    const { at, tracker } = replay((i) =>
      // On plan until the second answer: a 429 asking for 25 s.
      i === 1 ? { status: 429, headers: { ...rate(0, 25), 'retry-after': '25' } } : { status: 200, headers: rate(100 - i, 60) },
    );
    await vi.advanceTimersByTimeAsync(60_000);
    // Nothing before Retry-After is over; then asked again.
    expect(at.slice(0, 2)).toEqual([0, 2_000]);
    expect(at[2]).toBeGreaterThanOrEqual(27_000);
    tracker.close();
  });
});

describe('needs attention', () => {
  const refused = new CashfreeError({ code: 'ip_not_whitelisted', message: 'Cashfree refused this computer: IP 10.1.2.3 is not whitelisted.', retryable: false });
  const attentionFor = (err: unknown) => (err instanceof CashfreeError && !err.retryable ? { code: err.code, message: err.message } : null);

  it('stops after three non-retryable failures in a row and says why', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const marked: [string, unknown][] = [];
    const tracker = new Tracker({
      refresh: async () => {
        calls++;
        throw refused;
      },
      attentionFor,
      onAttention: (id, attention) => marked.push([id, attention]),
    });
    tracker.watch('x', 0);
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(calls).toBe(3);
    expect(marked).toEqual([['x', { code: 'ip_not_whitelisted', message: refused.message }]]);
    expect(tracker.watching).toBe(0);
    // Followed again (as new keys or Re-check do): asked again, from a clean slate.
    tracker.watch('x', 0);
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(calls).toBe(6);
    tracker.close();
  });

  it('keeps following through failures that may pass by themselves', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const marked: unknown[] = [];
    const down = new CashfreeError({ code: 'network_down', message: 'Cashfree cannot be reached.', retryable: true });
    const tracker = new Tracker({
      refresh: async () => {
        calls++;
        throw calls % 2 ? refused : down;
      },
      attentionFor,
      onAttention: (id) => marked.push(id),
    });
    tracker.watch('x', 0);
    await vi.advanceTimersByTimeAsync(5 * MIN);
    expect(calls).toBeGreaterThan(6);
    expect(marked).toEqual([]);
    tracker.close();
  });
});

describe('a team of desks sharing one count', () => {
  it('asks a new order at the team\'s pace for one order, however little its desk spent lately', () => {
    let now = Date.UTC(2026, 11, 1, 10, 0, 0);
    const start = now;
    // The rest of the team spends 80 a minute; this desk's own answers come on top. Windows
    // reset on the minute.
    let own = 0;
    let windowStart = start;
    const answer = (kind: 'create' | 'status'): void => {
      if (now - windowStart >= MIN) {
        windowStart += MIN * Math.floor((now - windowStart) / MIN);
        own = 0;
      }
      own++;
      const elapsed = now - windowStart;
      desk.observe(rate(Math.max(0, Math.floor(100 - (80 * elapsed) / MIN) - own), Math.ceil((MIN - elapsed) / 1000)), 200, kind);
    };
    const desk = new RateBudget(() => now, () => 0.5);
    // Ten minutes of an order every two minutes, each followed 100 s and asked every 10 s...
    for (; now < start + 10 * MIN; now += 1_000) {
      const age = (now - start) % (2 * MIN);
      desk.noteFollowed(age < 100_000 ? 1 : 0);
      if (age === 0) answer('create');
      else if (age < 100_000 && age % 10_000 === 0) answer('status');
    }
    // ...then nothing for three and a half minutes, and a new order half-way through a window.
    desk.noteFollowed(0);
    now += 3.5 * MIN;
    answer('create');
    desk.noteFollowed(1);
    // Its part is small (it spent nothing lately): one question every 30 s. By the count's pace,
    // its own mix of creates and its orders' 100 s each, the team follows some 23 orders, and
    // polls may spend 66 a minute until the reset: one order's pace is a question every 21 s,
    // and the new order is asked that often.
    const byPart = 1 / desk.pollAllowance(now)!;
    const perOrder = 1 / desk.pollsPerWeight(now)!;
    expect(byPart).toBeGreaterThan(28_000);
    expect(perOrder).toBeGreaterThan(15_000);
    expect(perOrder).toBeLessThan(25_000);
  });

  it('gives busier desks more polls, leaves no desk out, and refuses no create', () => {
    // Ten desks on one merchant limit of 100 a minute (the simulator's own limiter), each polling
    // as fast as its budget allows (at most every 2 s); five create an order a minute, five one
    // every three minutes. Only time is scripted.
    let now = Date.UTC(2026, 11, 1, 10, 0, 7);
    const limiter = new RateLimiter(100, () => now);
    const desks = Array.from({ length: 10 }, (_, i) => ({
      budget: new RateBudget(() => now, () => 0.5),
      createEvery: i < 5 ? MIN : 3 * MIN,
      nextCreate: now + i * 6_000,
      lastPoll: -Infinity,
      polls: 0,
      creates: 0,
    }));
    const ask = (d: (typeof desks)[number], kind: 'create' | 'status'): void => {
      const answer = limiter.take('team', kind);
      const headers = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v]));
      d.budget.observe(headers, answer.allowed ? 200 : 429, kind);
    };
    const end = now + 20 * MIN;
    const countFrom = now + 10 * MIN;
    for (; now < end; now += 100) {
      for (const d of desks) {
        if (now >= d.nextCreate) {
          ask(d, 'create');
          d.nextCreate += d.createEvery;
          if (now >= countFrom) d.creates++;
        }
        // As the tracker does, the next poll is judged again at every step from the last one and
        // the allowance of the moment.
        const gap = Math.max(2_000, 1 / Math.max(d.budget.pollAllowance(now) ?? 1, 1e-6));
        if (now >= d.lastPoll + gap && d.budget.allowedFrom(now) <= now) {
          ask(d, 'status');
          d.lastPoll = now;
          if (now >= countFrom) d.polls++;
        }
      }
    }
    expect(limiter.counts().create.refused).toBe(0);
    // Busier desks get more polls, and no desk is left out: polls per create stay within a
    // factor of about two of each other however the desks started.
    const perCreate = desks.map((d) => d.polls / d.creates);
    expect(Math.min(...perCreate)).toBeGreaterThan(0.35 * Math.max(...perCreate));
    const polls = (from: number, to: number): number => desks.slice(from, to).reduce((sum, d) => sum + d.polls, 0);
    expect(polls(0, 5)).toBeGreaterThan(2 * polls(5, 10));
    // And together they spend most of what creates leave.
    const spent = desks.reduce((sum, d) => sum + d.polls + d.creates, 0);
    expect(spent / 10).toBeGreaterThan(70);
  });
});
