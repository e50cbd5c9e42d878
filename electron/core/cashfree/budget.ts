// The merchant's request budget as this desk learns it from Cashfree's answers.
//
// Cashfree's limit is per merchant: every desk of a team draws on one budget (about 100 a
// minute) that none of them can see whole. Each answer says what is left for everyone
// (X-RateLimit-Remaining) and when the window starts again (X-RateLimit-Reset). A desk compares
// that with an even spend that would leave only a reserve at the reset: above it, it may poll
// more; below it, it polls less, at once and in proportion. Every desk reads the same count, so
// they slow down and speed up together without talking to each other; the reserve is left for
// creates, which must never be the ones refused.
import { serverWaitMs, type HeaderBag } from './retry.ts';

const WINDOW_MS = 60_000;
/** Part of the limit left for creates: polls stop when the remaining count falls to it. */
const RESERVE_SHARE = 0.1;
/** The smallest share of its wanted poll rate a desk keeps (a poll a minute or so per order). */
export const MIN_SHARE = 1 / 32;
/** How fast the share follows the count: per second, per unit of relative error. */
const DECREASE_RATE = 1.0;
const INCREASE_RATE = 0.5;
/** Desks held until the reset come back spread over this long. */
const RELEASE_SPREAD_MS = 3_000;
/** Longest stretch one answer speaks for: an old observation says little about now. */
const MAX_STEP_MS = 15_000;

export interface BudgetState {
  limit: number | null;
  remaining: number | null;
  resetAt: number | null;
  share: number;
  holdUntil: number;
}

export class RateBudget {
  readonly #now: () => number;
  /** Share of its wanted poll rate this desk may use: 1 = the budget does not hold it back. */
  share = 1;
  limit: number | null = null;
  remaining: number | null = null;
  resetAt: number | null = null;
  /** No poll before this time: the budget is down to the reserve, or Cashfree said Retry-After. */
  holdUntil = 0;
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
      this.holdUntil = Math.max(this.holdUntil, now + wait);
      this.share = Math.max(MIN_SHARE, this.share / 2);
    }
    if (limit === null || remaining === null || resetIn === null || limit === 0) {
      // An answer without the count: recover slowly from earlier refusals.
      if (httpStatus !== 429) this.share = Math.min(1, this.share + INCREASE_RATE * 0.1 * stepS);
      return;
    }
    this.limit = limit;
    this.remaining = remaining;
    this.resetAt = now + resetIn;
    const reserve = this.reserve;
    if (remaining <= reserve) {
      // The rest of this window is for creates. Desks held together come back a little apart,
      // not all in the new window's first instant.
      this.holdUntil = Math.max(this.holdUntil, this.resetAt + this.#random() * RELEASE_SPREAD_MS);
    }
    // Where the count would stand if everyone spent evenly down to the reserve by the reset.
    const planned = reserve + (limit - reserve) * Math.min(1, resetIn / WINDOW_MS);
    const error = (remaining - planned) / Math.max(1, limit - reserve);
    if (error < 0) this.share = Math.max(MIN_SHARE, this.share * Math.exp(DECREASE_RATE * error * Math.max(stepS, 1)));
    else this.share = Math.min(1, this.share + INCREASE_RATE * error * stepS);
  }

  state(): BudgetState {
    return { limit: this.limit, remaining: this.remaining, resetAt: this.resetAt, share: this.share, holdUntil: this.holdUntil };
  }
}

function count(value: string | string[] | undefined): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : null;
}
