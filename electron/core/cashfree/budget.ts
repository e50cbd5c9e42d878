// The merchant's request budget as this desk learns it from Cashfree's answers.
//
// Cashfree's limit is per merchant: every desk of a team draws on one budget (about 100 a
// minute) that none of them can see whole. Each answer, creates included, says what is left for
// everyone (X-RateLimit-Remaining) and when the window starts again (X-RateLimit-Reset). From
// the count's decline a desk knows how fast the whole team spends, and from its own answers how
// fast it spends itself and what part of that is creates.
//
// Creates are never paced, so the count must keep what the team's creates will need until the
// reset (their expected number plus two standard deviations, and a margin; never less than ten
// seconds' worth). Polls may spend the rest, evenly until the reset.
//
// Each order should get the same pace, more for young ones and the one on screen (by its weight:
// see the tracker's PACING), whichever desk it is on. A desk cannot see its colleagues' orders,
// but it can count them by Little's law: the team creates orders at its pace times the part of
// requests that are creates (this desk's own mix, over LOAD_MS), and each stays followed, by
// weight, about as long as this desk's own orders do. What polls may spend over that weighted
// count is the pace of one order (pollsPerWeight), and a desk asks each of its orders at that
// pace from its first question, however little it has spent lately. The count is only an
// estimate: a quiet desk knows its mix from few requests, and a desk that polls less sees more
// creates in its mix and so counts more orders; busy and quiet desks do not arrive at one pace.
//
// Where that count cannot be made (the desk is alone, has not read the team's pace yet, or
// nobody else has spent in this window so far) the desk takes a part of what polls may spend
// instead: the part it has of the team's requests, each create weighing CREATE_WEIGHT requests
// on both sides.
// A desk's part is what it spent, so on its own this would keep whatever share each desk
// happened to start with; the creates, which count in the part but are not polls, pull it
// towards the desk's recent creates, that is towards the orders it has young: a desk that polls
// more than others for its creates gets back less than it spent, one that polls less gets back
// more, and no desk is left out however it started (the team test in test/tracker.test.ts).
// No desk needs to know how many colleagues it has; a desk left alone finds out from the count
// falling by its own requests only, and then takes the whole budget at once.
//
// When the count is down to what creates need, or will be at the team's pace before this desk
// hears again, polls wait for the reset; desks come back spread over their own usual interval.
// A desk that has heard nothing of a window does not poll in its last seconds either: that is when
// colleagues' creates may need the last of the count, and its reading is too old to tell. A
// newcomer judges its own pace over half a minute at least, so it starts with a small part rather
// than taking the whole window on its first answers; and in a window it has not heard of, however
// small its part, a desk asks within half a minute to hear how the window goes.
import { serverWaitMs, type HeaderBag } from './retry.ts';

const WINDOW_MS = 60_000;
/** Requests kept beyond the creates expected until the reset. */
const MARGIN = 4;
/**
 * However close the reset, the count keeps what creates need for at least this long: the
 * reset is only known to the second and desks hear of the count late.
 */
const RESERVE_HORIZON_MS = 10_000;
/** The team's pace is averaged over about this long... */
const TEAM_MS = 60_000;
/** ...and this desk's own pace and its mix of creates and polls over about this long. */
const OWN_MS = 60_000;
/** Before a desk has a mix of its own it assumes this part of the requests are creates. */
const PRIOR_CREATES = 0.2;
const PRIOR_WEIGHT = 5;
/** A desk's own pace is not judged from less than this much time: a newcomer starts small. */
const MIN_SPAN_MS = 30_000;
/** How many requests a create counts as when desks divide the polls between them. */
const CREATE_WEIGHT = 10;
/**
 * A desk's orders and its mix of creates are judged over about this long when it counts the
 * team's orders: one desk creates an order every two minutes or so, and a minute says too little.
 */
const LOAD_MS = 5 * 60_000;
/** Before a desk has seen orders of its own it assumes each is followed this long at weight 1... */
const PRIOR_FOLLOWED_MS = 100_000;
/** ...as if it had seen this many. */
const PRIOR_ORDERS = 3;
/** Before a desk has a long mix of its own it assumes this part of the team's requests are creates. */
const PRIOR_LOAD_CREATES = 0.25;
/**
 * A window in which the count has fallen by this desk's own requests only, between two of its
 * answers at least this far apart, says no colleague is spending: the desk is alone and may take
 * the whole budget at once. (One answer is not enough: after a hold the whole team may be
 * waiting out its spread.)
 */
const ALONE_AFTER_MS = 10_000;
/** The longest a desk that was held waits past the reset, at most, to come back. */
const MAX_SPREAD_MS = WINDOW_MS / 2;
/**
 * The last this-many ms of a window are left to creates and to desks that have read its count;
 * the others come back after the reset, spread over as long again.
 */
const QUIET_END_MS = 10_000;

export type RequestKind = 'create' | 'status';

export class RateBudget {
  readonly #now: () => number;
  readonly #random: () => number;
  limit: number | null = null;
  remaining: number | null = null;
  resetAt: number | null = null;
  /** No poll before this time: the count is down to what creates need, or Cashfree said Retry-After. */
  holdUntil = 0;
  /** From this time until holdUntil: when the team's pace will have left only what creates need. */
  holdFrom = 0;
  /** Requests the team spends per ms, from the count's decline. */
  teamRate: number | null = null;
  /** Polls per ms this desk may send, as of its last reading; null: the budget does not hold it back. */
  #allowance: number | null = null;
  /** This desk's part of what polls may spend, as of its last reading. */
  #part: number | null = null;
  #own = { at: 0, creates: 0, requests: 0 };
  /** This desk's own requests answered in the current window, and when the first was. */
  #window = { resetAt: 0, own: 0, firstAt: 0 };
  /** At its last answer the count had fallen by this desk's own requests only, this window. */
  #quiet = false;
  #firstAt: number | null = null;
  /** How far past a reset this desk comes back when the window's quiet end held it. */
  #quietSpread = 0;
  /** This desk's followed orders by weight, and over LOAD_MS (fading): weight-ms followed, creates and requests sent. */
  #load = { at: 0, weight: 0, weightMs: 0, creates: 0, requests: 0 };
  /** The team's followed orders by weight, as of the last reading; null: not known (alone, or no pace yet). */
  #teamWeight: number | null = null;
  /** What polls may spend per ms until the reset, as of the last reading. */
  #teamAllowance = 0;

  constructor(now: () => number = Date.now, random: () => number = Math.random) {
    this.#now = now;
    this.#random = random;
  }

  /** Part of the team's requests that are creates, as this desk's own mix says. */
  get createShare(): number {
    const own = this.#faded(this.#now());
    return (own.creates + PRIOR_CREATES * PRIOR_WEIGHT) / (own.requests + PRIOR_WEIGHT);
  }

  /** Requests the count must keep for creates when `resetInMs` is left of the window. */
  reserveFor(resetInMs: number): number {
    if (this.limit === null) return 0;
    const creates = this.createShare * (this.teamRate ?? this.limit / WINDOW_MS) * Math.max(RESERVE_HORIZON_MS, resetInMs);
    return Math.ceil(MARGIN + creates + 2 * Math.sqrt(creates));
  }

  /**
   * Polls per ms this desk may send now, or null when the budget does not limit it. In a window
   * this desk has not heard of yet, it takes its part of a fresh window's even pace.
   */
  pollAllowance(now: number = this.#now()): number | null {
    if (this.#allowance === null || this.limit === null || this.resetAt === null) return this.#allowance;
    // Nobody else has spent in this window so far: ask again soon enough to find out it is alone.
    if (now < this.resetAt) return this.#quiet ? Math.max(this.#allowance, 1 / ALONE_AFTER_MS) : this.#allowance;
    // A window this desk has not heard of: however small its part, it asks within MAX_SPREAD_MS
    // to hear how the window goes (the team may have left).
    return Math.max(((this.#part ?? 1) * Math.max(0, this.limit - this.reserveFor(WINDOW_MS))) / WINDOW_MS, 1 / MAX_SPREAD_MS);
  }

  /**
   * The polls per ms one order of weight 1 may get, or null when this desk takes a part of the
   * polls instead (pollAllowance): when it does not know the team's orders, or when nobody else
   * has spent in this window so far (the part finds out whether it is alone). In a window this
   * desk has not heard of, a fresh window's pace, but at least enough that it asks within
   * MAX_SPREAD_MS to hear how that window goes.
   */
  pollsPerWeight(now: number = this.#now()): number | null {
    if (this.#teamWeight === null || this.limit === null || this.resetAt === null) return null;
    if (now < this.resetAt) return this.#quiet ? null : this.#teamAllowance / this.#teamWeight;
    const fresh = Math.max(0, this.limit - this.reserveFor(WINDOW_MS)) / WINDOW_MS / this.#teamWeight;
    return Math.max(fresh, 1 / (MAX_SPREAD_MS * Math.max(1, this.#load.weight)));
  }

  /** What the desk's followed orders weigh together now (a young order on screen weighs 1). */
  noteFollowed(weight: number): void {
    this.#fadeLoad(this.#now());
    this.#load.weight = weight;
  }

  /** Reads one answer's headers (every answer, errors included). */
  observe(headers: HeaderBag, httpStatus: number, kind: RequestKind = 'status'): void {
    const now = this.#now();
    this.#count(now, kind);
    if (httpStatus === 429) {
      // Refused: wait as told (or to the reset), and come back spread.
      this.#hold(now, now + (serverWaitMs(headers, now) ?? 1_000) + this.#spread());
    }
    const limit = count(headers['x-ratelimit-limit']);
    const remaining = count(headers['x-ratelimit-remaining']);
    const resetIn = serverWaitMs({ 'x-ratelimit-reset': headers['x-ratelimit-reset'] }, now);
    // An answer without the count says nothing of the budget: polls go on at their own pace.
    if (limit === null || remaining === null || resetIn === null || limit === 0) return;
    const resetAt = now + resetIn;
    this.#quietSpread = this.#random() * QUIET_END_MS;
    // The reset is only given to the second: answers less than two seconds apart in it are one window.
    if (httpStatus !== 429) {
      const same = Math.abs(resetAt - this.#window.resetAt) < 2_000;
      this.#window = same ? { ...this.#window, resetAt, own: this.#window.own + 1 } : { resetAt, own: 1, firstAt: now };
    }
    this.#quiet = limit - remaining <= this.#window.own;
    const alone = this.#quiet && now - this.#window.firstAt >= ALONE_AFTER_MS;
    // The team's pace: what this window has spent since it began, averaged with earlier windows,
    // the more so the more of this window has passed.
    const elapsed = Math.max(0, WINDOW_MS - resetIn);
    if (elapsed >= 1_000) {
      const rate = (limit - remaining) / elapsed;
      // Alone, the window's own pace is the team's: what busier minutes said no longer holds.
      const weight = alone ? 1 : Math.min(1, elapsed / TEAM_MS);
      this.teamRate = this.teamRate === null ? rate : this.teamRate + (rate - this.teamRate) * weight;
    }
    // A hold planned at the team's old pace, not begun, no longer holds.
    if (alone && this.holdFrom > now) this.holdFrom = this.holdUntil = 0;
    this.#part = alone ? 1 : this.#recentPart(now);
    this.limit = limit;
    this.remaining = remaining;
    this.resetAt = resetAt;
    const reserve = this.reserveFor(resetIn);
    // Polls may spend what creates do not need, evenly until the reset; this desk its part.
    const teamAllowance = Math.max(0, remaining - reserve) / Math.max(1_000, resetIn);
    this.#allowance = teamAllowance * this.#part;
    this.#teamAllowance = teamAllowance;
    this.#teamWeight = alone || this.teamRate === null ? null : this.#teamCreateRate() * this.#followedPerCreate();
    if (remaining <= reserve) {
      this.#hold(now, this.resetAt + this.#spread());
      return;
    }
    // At the team's pace the count leaves only the reserve before the reset: stop then, without
    // waiting for an answer that says so.
    const teamRate = this.teamRate ?? 0;
    if (teamRate > 0) {
      const reserveAt = now + (remaining - reserve) / Math.max(teamRate * (1 - this.createShare), teamRate / 4);
      if (reserveAt < this.resetAt) this.#hold(reserveAt, this.resetAt + this.#spread());
    }
  }

  /** The first moment at or after `t` when this desk may poll. */
  allowedFrom(t: number): number {
    const held = t >= this.holdFrom && t < this.holdUntil ? this.holdUntil : t;
    return this.#afterQuietEnd(held);
  }

  /**
   * `t`, or a moment just after the reset when `t` falls in the last QUIET_END_MS of a later window
   * than the one this desk last read: its reading is too old to tell what is left, and the end of
   * a window is when colleagues' creates may need the last of it. A desk whose part is the whole
   * (alone, or the only one spending as far as it knows) has nobody to leave it to.
   */
  #afterQuietEnd(t: number): number {
    if (this.resetAt === null || t < this.resetAt || this.#part === 1) return t;
    const end = this.resetAt + (Math.floor((t - this.resetAt) / WINDOW_MS) + 1) * WINDOW_MS;
    return t >= end - QUIET_END_MS ? end + this.#quietSpread : t;
  }

  /**
   * This desk's part of what polls may spend: its pace over the last minute or so against the
   * team's, with every create weighing CREATE_WEIGHT requests on both sides (the team's creates
   * as this desk's mix says).
   */
  #recentPart(now: number): number {
    if (this.teamRate === null || this.teamRate <= 0 || this.#firstAt === null) return 1;
    const span = Math.min(OWN_MS, Math.max(MIN_SPAN_MS, now - this.#firstAt));
    const own = this.#faded(now);
    const ownWeighted = (own.requests + (CREATE_WEIGHT - 1) * own.creates) / span;
    const teamWeighted = this.teamRate * (1 + (CREATE_WEIGHT - 1) * this.createShare);
    return Math.min(1, ownWeighted / teamWeighted);
  }

  /** Creates per ms of the whole team: its pace times this desk's own mix over LOAD_MS. */
  #teamCreateRate(): number {
    const mix = (this.#load.creates + PRIOR_LOAD_CREATES * PRIOR_WEIGHT) / (this.#load.requests + PRIOR_WEIGHT);
    return (this.teamRate ?? 0) * mix;
  }

  /** How long, by weight, one of this desk's orders stays followed (weight-ms per create). */
  #followedPerCreate(): number {
    return (this.#load.weightMs + PRIOR_FOLLOWED_MS * PRIOR_ORDERS) / (this.#load.creates + PRIOR_ORDERS);
  }

  #fadeLoad(now: number): void {
    const load = this.#load;
    const elapsed = Math.max(0, now - load.at);
    const fade = Math.exp(-elapsed / LOAD_MS);
    this.#load = { ...load, at: now, weightMs: load.weightMs * fade + load.weight * elapsed, creates: load.creates * fade, requests: load.requests * fade };
  }

  /** This desk's own creates and requests, fading over OWN_MS. */
  #faded(now: number): { creates: number; requests: number } {
    const fade = Math.exp(-Math.max(0, now - this.#own.at) / OWN_MS);
    return { creates: this.#own.creates * fade, requests: this.#own.requests * fade };
  }

  #count(now: number, kind: RequestKind): void {
    const own = this.#faded(now);
    this.#firstAt ??= now;
    this.#own = { at: now, creates: own.creates + (kind === 'create' ? 1 : 0), requests: own.requests + 1 };
    this.#fadeLoad(now);
    this.#load.requests++;
    if (kind === 'create') this.#load.creates++;
  }

  /** Desks held together come back at random points of their own usual interval, not at once. */
  #spread(): number {
    const allowance = this.#allowance;
    const usualGap = allowance === null || allowance <= 0 ? MAX_SPREAD_MS : 1 / allowance;
    return this.#random() * Math.min(MAX_SPREAD_MS, usualGap);
  }

  #hold(from: number, until: number): void {
    // A later hold replaces one that is over; one still running is only ever extended.
    if (until <= this.holdUntil && from >= this.holdFrom) return;
    if (this.holdUntil <= from || this.holdUntil < this.#now()) this.holdFrom = from;
    else this.holdFrom = Math.min(this.holdFrom, from);
    this.holdUntil = Math.max(this.holdUntil, until);
  }
}

function count(value: string | string[] | undefined): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : null;
}
