// The merchant's request budget as this desk learns it from Cashfree's answers.
//
// Cashfree's limit is per merchant: every desk of a team draws on one budget (about 100 a
// minute) that none of them can see whole. Each answer says what is left for everyone
// (X-RateLimit-Remaining) and when the window starts again (X-RateLimit-Reset). From that a desk
// knows how fast the merchant has spent this window so far and how fast it may spend the rest
// so that only a reserve is left at the reset. Its `share` (of the pace the polling policy
// wants) goes down in proportion when the merchant spends too fast and up by equal steps when it
// spends too slowly; every desk reads the same count, so together they meet the pace, and the
// equal steps draw desks that started apart toward equal shares. When the reserve is reached,
// or will be at the current pace before the reset, polls wait for the reset: the reserve is for
// creates, which must never be the ones refused.
import { serverWaitMs, type HeaderBag } from './retry.ts';

const WINDOW_MS = 60_000;
/** Part of the limit left for creates: polls stop when the remaining count falls to it. */
const RESERVE_SHARE = 0.2;
/** The smallest share of its wanted poll rate a desk keeps (the order on screen about every 2 minutes). */
export const MIN_SHARE = 1 / 64;
/** One answer cuts the share by at most this factor... */
const MAX_CUT = 8;
/** ...or adds this much to it (times the headroom, up to MAX_RISE_STEPS)... */
const RISE = 0.02;
const MAX_RISE_STEPS = 4;
/** ...and moves it that far only when it comes this long after the previous answer. */
const STEP_S = 10;
/** Recovery after a refusal when answers carry no count: share per second. */
const RECOVERY_RATE = 0.01;
/** Desks held until the reset come back spread over this long. */
const RELEASE_SPREAD_MS = 3_000;
/** Longest stretch one answer speaks for. */
const MAX_STEP_MS = STEP_S * 1000;

export class RateBudget {
  readonly #now: () => number;
  /** Share of its wanted poll rate this desk may use: 1 = the budget does not hold it back. */
  share = 1;
  limit: number | null = null;
  remaining: number | null = null;
  resetAt: number | null = null;
  /** No poll before this time: the budget is down to the reserve, or Cashfree said Retry-After. */
  holdUntil = 0;
  /** From this time until holdUntil: when the merchant's pace will have spent all but the reserve. */
  holdFrom = 0;
  #lastAt: number | null = null;

  readonly #random: () => number;

  constructor(now: () => number = Date.now, random: () => number = Math.random) {
    this.#now = now;
    this.#random = random;
  }

  /** Requests kept for creates. */
  get reserve(): number {
    return this.limit === null ? 0 : Math.max(1, Math.ceil(this.limit * RESERVE_SHARE));
  }

  /** Reads one answer's headers (every answer, errors included). */
  observe(headers: HeaderBag, httpStatus: number): void {
    const now = this.#now();
    const stepS = this.#lastAt === null ? 0 : Math.min(MAX_STEP_MS, Math.max(0, now - this.#lastAt)) / 1000;
    this.#lastAt = now;
    const limit = count(headers['x-ratelimit-limit']);
    const remaining = count(headers['x-ratelimit-remaining']);
    const resetIn = serverWaitMs({ 'x-ratelimit-reset': headers['x-ratelimit-reset'] }, now);
    if (httpStatus === 429) {
      // Refused: wait as told (or to the reset), and come back at half the pace.
      const wait = serverWaitMs(headers, now) ?? 1_000;
      this.#hold(now, now + wait);
      this.share = Math.max(MIN_SHARE, this.share / 2);
    }
    if (limit === null || remaining === null || resetIn === null || limit === 0) {
      // An answer without the count: recover slowly from earlier refusals.
      if (httpStatus !== 429) this.share = Math.min(1, this.share + RECOVERY_RATE * stepS);
      return;
    }
    this.limit = limit;
    this.remaining = remaining;
    this.resetAt = now + resetIn;
    const reserve = this.reserve;
    if (remaining <= reserve) {
      // The rest of this window is for creates. Desks held together come back a little apart,
      // not all in the new window's first instant.
      this.#hold(now, this.resetAt + this.#random() * RELEASE_SPREAD_MS);
    }
    // How fast the merchant has spent this window so far, against the pace that would leave
    // just the reserve at the reset: the desk's share follows the ratio. Every desk reads the same
    // count, so together they meet that pace however many they are.
    const elapsed = Math.max(1, WINDOW_MS - resetIn);
    const spent = Math.max(1, limit - remaining);
    const allowed = Math.max(0, remaining - reserve) / Math.max(1, resetIn);
    const pace = spent / elapsed;
    const ratio = allowed / pace;
    // At this pace the reserve is reached before the reset: every desk that read the count stops
    // then, without waiting for an answer that says so.
    const reserveAt = now + Math.max(0, remaining - reserve) / pace;
    if (elapsed >= WINDOW_MS / 4 && reserveAt < this.resetAt) this.#hold(reserveAt, this.resetAt + this.#random() * RELEASE_SPREAD_MS);
    const bounded = Math.max(1 / MAX_CUT, ratio);
    // Early in a window a few requests say little: the step counts for less.
    const weight = Math.min(1, stepS / STEP_S) * Math.min(1, elapsed / (WINDOW_MS / 4));
    // Down in proportion, up by equal steps: desks that started apart end up with equal shares.
    const next = ratio < 1 ? this.share * bounded ** weight : this.share + RISE * Math.min(ratio, MAX_RISE_STEPS) * weight;
    this.share = Math.min(1, Math.max(MIN_SHARE, next));
  }

  /** The first moment at or after `t` when this desk may poll. */
  allowedFrom(t: number): number {
    return t >= this.holdFrom && t < this.holdUntil ? this.holdUntil : t;
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
