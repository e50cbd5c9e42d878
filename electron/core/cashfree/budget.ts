// The merchant's request budget as this desk learns it from Cashfree's answers.
//
// Cashfree's limit is per merchant: every desk of a team draws on one budget (about 100 a
// minute) that none of them can see whole. Each answer, creates included, says what is left for
// everyone (X-RateLimit-Remaining) and when the window starts again (X-RateLimit-Reset). From
// the count's decline a desk knows how fast the whole team spends; from its own answers, what
// part of that is creates. Creates are never paced, so the count must keep what the team's
// creates will need until the reset (their expected number plus two standard deviations, and a
// margin); polls may spend the rest, evenly until the reset. The desk's `share` (of the pace
// its polling policy wants) is multiplied by the ratio of that allowed poll pace to the team's
// poll pace: every desk reads the same count, so together they meet it however many they are.
// When the count is down to what creates need, or will be at the team's pace before this desk
// hears again, polls wait for the reset; desks come back spread over their own usual interval.
import { serverWaitMs, type HeaderBag } from './retry.ts';

const WINDOW_MS = 60_000;
/** Requests kept beyond the creates expected until the reset. */
const MARGIN = 2;
/** The smallest share of its wanted poll rate a desk keeps. */
export const MIN_SHARE = 1 / 64;
/** One reading moves the share by at most these factors. */
const MAX_CUT = 8;
/** ...or adds at most this much to it. */
const RISE = 0.05;
/** With no poll pace measured yet, the ratio taken as plenty. */
const MAX_RISE = 2;
/** A reading counts fully when it comes this long after the previous one... */
const STEP_MS = 5_000;
/** ...and a rise counts at most this many steps. */
const MAX_STEPS = 12;
/** The team's rate is averaged over about this long. */
const RATE_MS = 10_000;
/** This desk's own mix of creates and polls is remembered over about this long. */
const MIX_MS = 5 * 60_000;
/** Before a desk has a mix of its own it assumes this part of the requests are creates. */
const PRIOR_CREATES = 0.2;
const PRIOR_WEIGHT = 5;
/** Recovery after a refusal when answers carry no count: share per second. */
const RECOVERY_RATE = 0.01;
/** A desk's usual interval between polls at share 1 (about one order on screen). */
const USUAL_GAP_MS = 2_500;

export type RequestKind = 'create' | 'status';

export class RateBudget {
  readonly #now: () => number;
  readonly #random: () => number;
  /** Share of its wanted poll rate this desk may use: 1 = the budget does not hold it back. */
  share = 1;
  limit: number | null = null;
  remaining: number | null = null;
  resetAt: number | null = null;
  /** No poll before this time: the count is down to what creates need, or Cashfree said Retry-After. */
  holdUntil = 0;
  /** From this time until holdUntil: when the team's pace will have left only what creates need. */
  holdFrom = 0;
  /** Requests the team spends per ms, from the count's decline. */
  teamRate: number | null = null;
  #readAt: number | null = null;
  #mix = { at: 0, creates: 0, requests: 0 };

  constructor(now: () => number = Date.now, random: () => number = Math.random) {
    this.#now = now;
    this.#random = random;
  }

  /** Part of the team's requests that are creates, as this desk's own mix says. */
  get createShare(): number {
    return (this.#mix.creates + PRIOR_CREATES * PRIOR_WEIGHT) / (this.#mix.requests + PRIOR_WEIGHT);
  }

  /** Requests the count must keep for creates when `resetInMs` is left of the window. */
  reserveFor(resetInMs: number): number {
    if (this.limit === null) return 0;
    const creates = this.createShare * (this.teamRate ?? this.limit / WINDOW_MS) * Math.max(0, resetInMs);
    return Math.ceil(MARGIN + creates + 2 * Math.sqrt(creates));
  }

  /** Reads one answer's headers (every answer, errors included). */
  observe(headers: HeaderBag, httpStatus: number, kind: RequestKind = 'status'): void {
    const now = this.#now();
    this.#count(now, kind);
    const sinceLast = this.#readAt === null ? STEP_MS : Math.max(0, now - this.#readAt);
    if (httpStatus === 429) {
      // Refused: wait as told (or to the reset), come back spread, at half the pace.
      this.share = Math.max(MIN_SHARE, this.share / 2);
      this.#hold(now, now + (serverWaitMs(headers, now) ?? 1_000) + this.#spread());
    }
    const limit = count(headers['x-ratelimit-limit']);
    const remaining = count(headers['x-ratelimit-remaining']);
    const resetIn = serverWaitMs({ 'x-ratelimit-reset': headers['x-ratelimit-reset'] }, now);
    if (limit === null || remaining === null || resetIn === null || limit === 0) {
      // An answer without the count: recover slowly from earlier refusals.
      if (httpStatus !== 429) this.share = Math.min(1, this.share + (RECOVERY_RATE * sinceLast) / 1000);
      return;
    }
    const resetAt = now + resetIn;
    const sameWindow = this.resetAt !== null && this.remaining !== null && Math.abs(resetAt - this.resetAt) < 1_500;
    // The team's pace: the decline since this desk's last reading in this window, or since the
    // window began; averaged, as one reading may follow another closely.
    const elapsed = WINDOW_MS - resetIn;
    const [spent, over] = sameWindow && sinceLast >= 1_000 ? [Math.max(0, this.remaining! - remaining), sinceLast] : [limit - remaining, elapsed];
    if (over >= 1_000) {
      const rate = spent / over;
      const weight = Math.min(1, over / RATE_MS);
      this.teamRate = this.teamRate === null ? rate : this.teamRate + (rate - this.teamRate) * weight;
    }
    this.limit = limit;
    this.remaining = remaining;
    this.resetAt = resetAt;
    this.#readAt = now;
    const reserve = this.reserveFor(resetIn);
    if (remaining <= reserve) {
      this.#hold(now, resetAt + this.#spread());
      this.share = Math.max(MIN_SHARE, this.share / 2);
      return;
    }
    const teamRate = this.teamRate ?? 0;
    const teamPolls = teamRate * (1 - this.createShare);
    // At the team's pace the count leaves only the reserve before the reset: stop then, without
    // waiting for an answer that says so.
    if (teamRate > 0) {
      const reserveAt = now + (remaining - reserve) / Math.max(teamPolls, teamRate / 4);
      if (reserveAt < resetAt) this.#hold(reserveAt, resetAt + this.#spread());
    }
    // Polls may spend what creates do not need, evenly until the reset.
    const allowed = (remaining - reserve) / Math.max(1_000, resetIn);
    const ratio = teamPolls > 0 ? allowed / teamPolls : MAX_RISE;
    // Down in proportion, up by equal steps: desks that started apart end up with equal shares.
    // A cut counts one reading at most; a rise counts the time since the last one, so a desk that
    // seldom hears climbs as fast as one that often does.
    const steps = sinceLast / STEP_MS;
    const next = ratio < 1 ? this.share * Math.max(1 / MAX_CUT, ratio) ** Math.min(1, steps) : this.share + RISE * Math.min(1, ratio - 1) * Math.min(MAX_STEPS, steps);
    this.share = Math.min(1, Math.max(MIN_SHARE, next));
  }

  /** The first moment at or after `t` when this desk may poll. */
  allowedFrom(t: number): number {
    return t >= this.holdFrom && t < this.holdUntil ? this.holdUntil : t;
  }

  /** This desk's own creates and requests, fading over MIX_MS. */
  #count(now: number, kind: RequestKind): void {
    const fade = Math.exp(-Math.max(0, now - this.#mix.at) / MIX_MS);
    this.#mix = { at: now, creates: this.#mix.creates * fade + (kind === 'create' ? 1 : 0), requests: this.#mix.requests * fade + 1 };
  }

  /** Desks held together come back at random points of their own usual interval, not at once. */
  #spread(): number {
    return this.#random() * Math.min(WINDOW_MS / 2, USUAL_GAP_MS / this.share);
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
