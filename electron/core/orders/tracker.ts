// Follows every open order by polling /remitter/status, and lets OrderService emit the changes.
//
// One policy decides when each order is asked about next (pollDelay below): customers pay in the
// first minutes of a link or not at all, so young orders are asked often and old ones rarely;
// the order on the agent's screen more often than the rest; an order past valid_upto once more,
// for its final status; an order in a status Cashfree does not document every 30 s until
// valid_upto + 5 minutes. All of it is stretched by the share of the merchant's budget this desk
// may use (cashfree/budget.ts), and nothing is sent while the budget is down to its reserve.
// Errors back off; errors that will not clear by themselves (wrong keys, IP not whitelisted,
// signature refused) stop following after a few tries and set the order's `attention`.
import { isFinal } from '../../../shared/domain.ts';
import type { Order } from '../../../shared/domain.ts';
import type { RateBudget } from '../cashfree/budget.ts';
import { systemClock } from '../clock.ts';
import type { Clock } from '../clock.ts';

export type Attention = NonNullable<Order['attention']>;

/** The smallest share of its wanted pace an order keeps, however short the budget. */
const MIN_SHARE = 1 / 256;

export const PACING = {
  /** The order on screen while young: the fastest any order is asked. */
  fastestMs: 2_000,
  /** Orders not on screen are asked this many times less often. */
  offScreenFactor: 1.5,
  /** Customers pay within the first minutes, or not at all: full pace for this long... */
  youngForMs: 3 * 60_000,
  /** ...then ever less often, until orders this old are asked `oldFactor` times less often. */
  oldFromMs: 4 * 60_000,
  oldFactor: 30,
  /** A status outside the documented four: asked this often, until valid_upto plus the grace. */
  unknownStatusMs: 30_000,
  unknownStatusGraceMs: 5 * 60_000,
  /** The last question after valid_upto waits this long, so Cashfree has marked it expired. */
  finalCheckAfterMs: 2_000,
  /** Link validity when Cashfree's valid_upto is not known (yet). */
  assumedValidityMs: 10 * 60_000,
  /** Non-retryable failures in a row before following stops. */
  attentionAfter: 3,
} as const;

/** What the policy needs to know about one order. */
export interface PollFacts {
  createdAt: number;
  validUpto: number | null;
  cashfreeStatus: string | null;
  onScreen: boolean;
  /** When the last answer about the order came, if any. */
  answeredAt: number | null;
}

/** The interval the policy wants for this order before the budget stretches it; null: stop following it. */
function wantedInterval(o: PollFacts, now: number, fastestMs: number = PACING.fastestMs): number | null {
  const expiry = o.validUpto ?? o.createdAt + PACING.assumedValidityMs;
  if (o.cashfreeStatus !== null) return now > expiry + PACING.unknownStatusGraceMs ? null : PACING.unknownStatusMs;
  // Past valid_upto and asked since: what Cashfree said then is final.
  if (o.answeredAt !== null && o.answeredAt >= expiry + PACING.finalCheckAfterMs) return null;
  // Aged as of the last answer: the next question is planned then, and does not recede while
  // the order ages waiting for it.
  const age = (o.answeredAt ?? now) - o.createdAt;
  const aging = Math.min(1, Math.max(0, (age - PACING.youngForMs) / (PACING.oldFromMs - PACING.youngForMs)));
  return fastestMs * (o.onScreen ? 1 : PACING.offScreenFactor) * (1 + aging * (PACING.oldFactor - 1));
}

/**
 * How long after the last question to ask about this order again, or null to stop following it.
 * `share` (0, 1] is the part of its wanted pace the merchant's budget leaves this desk.
 */
export function pollDelay(o: PollFacts, now: number, share: number, fastestMs: number = PACING.fastestMs): number | null {
  const wanted = wantedInterval(o, now, fastestMs);
  if (wanted === null) return null;
  if (o.cashfreeStatus !== null) return wanted / share;
  const finalCheckAt = (o.validUpto ?? o.createdAt + PACING.assumedValidityMs) + PACING.finalCheckAfterMs;
  // Never planned past the final check: that one is asked on time.
  return Math.min(wanted / share, Math.max(0, finalCheckAt - (o.answeredAt ?? now)));
}

export interface TrackerOptions {
  refresh: (verificationId: string) => Promise<Order>;
  /** The order as history has it (age, validity, status); without it an order counts as new. */
  lookup?: (verificationId: string) => Order | null;
  /** The budget of the Cashfree account an order is followed on. */
  budgetFor?: (order: Order | null) => RateBudget | null;
  /** A failure that means the order is gone (deleted from history): stop following it. */
  isGone?: (err: unknown) => boolean;
  /** A failure that will not clear by itself: what the agent must fix. Null: it may pass. */
  attentionFor?: (err: unknown) => Attention | null;
  /** Following stopped for good reason; the order needs the agent. */
  onAttention?: (verificationId: string, attention: Attention) => void;
  /** The fastest poll of one order (PACING.fastestMs). */
  intervalMs?: number;
  /** Requests per minute this desk never exceeds, whatever the budget says. */
  budgetPerMinute?: number;
  /** Longest wait after errors. */
  maxBackoffMs?: number;
  clock?: Clock;
}

/** What one look at the orders needs: each budget's share and the desk's paced rate. */
interface Plan {
  shares: Map<RateBudget | null, number>;
  pacedRate: number;
}

interface Watch {
  /** The first question, before any answer. */
  firstAt: number;
  /** When the last question ended, answered or failed. */
  askedAt: number | null;
  /** When the last answer came. */
  answeredAt: number | null;
  inFlight: boolean;
  failures: number;
  refusals: number;
  order: Order | null;
}

export class Tracker {
  readonly #o: Required<Omit<TrackerOptions, 'lookup' | 'budgetFor'>> & Pick<TrackerOptions, 'lookup' | 'budgetFor'>;
  readonly #clock: Clock;
  readonly #watches = new Map<string, Watch>();
  #onScreen: string | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The budgets this desk last told what its orders on them weigh. */
  readonly #weighed = new Set<RateBudget>();
  /** When this desk last asked Cashfree about any order. */
  #lastAskedAt = -Infinity;
  #closed = false;
  requestsSent = 0;

  constructor(opts: TrackerOptions) {
    this.#o = {
      intervalMs: PACING.fastestMs,
      budgetPerMinute: 80,
      maxBackoffMs: 30_000,
      clock: systemClock,
      isGone: () => false,
      attentionFor: () => null,
      onAttention: () => {},
      ...opts,
    };
    this.#clock = this.#o.clock;
  }

  get watching(): number {
    return this.#watches.size;
  }

  /**
   * Starts (or restarts, with a clean slate) following an order. With `firstCheckInMs` the first
   * question comes then, whatever the budget (an order found open at start, or followed again);
   * without it the order was just answered (created), and the first question is paced like any
   * other: a team short of budget does not spend it on orders seconds old.
   */
  watch(verificationId: string, firstCheckInMs?: number): void {
    if (this.#closed) return;
    const now = this.#clock.now();
    const order = this.#o.lookup?.(verificationId) ?? null;
    const answered = firstCheckInMs === undefined ? now : null;
    this.#watches.set(verificationId, { firstAt: now + (firstCheckInMs ?? 0), askedAt: answered, answeredAt: answered, inFlight: false, failures: 0, refusals: 0, order });
    this.#arm();
  }

  unwatch(verificationId: string): void {
    this.#watches.delete(verificationId);
    this.#arm();
  }

  /** The order on the agent's screen (null: none); it is asked about more often. */
  setOnScreen(verificationId: string | null): void {
    this.#onScreen = verificationId;
    this.#arm();
  }

  close(): void {
    this.#closed = true;
    this.#watches.clear();
    if (this.#timer) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /**
   * The share of its wanted pace each budget leaves this desk's orders: the team's pace for one
   * order over the fastest, or else the polls this desk may send over what all the orders
   * followed on that account would ask at full pace.
   */
  #shares(now: number): Map<RateBudget | null, number> {
    const wanted = new Map<RateBudget | null, number>();
    for (const [id, w] of this.#watches) {
      const budget = this.#o.budgetFor?.(w.order) ?? null;
      const interval = wantedInterval(this.#facts(id, w), now, this.#o.intervalMs);
      if (interval !== null) wanted.set(budget, (wanted.get(budget) ?? 0) + 1 / Math.max(1, interval));
    }
    // Each budget hears what this desk's orders on it weigh (a young order on screen: 1), and
    // a budget this desk no longer follows anything on hears that it is nothing.
    for (const budget of this.#weighed) if (!wanted.has(budget)) budget.noteFollowed(0);
    this.#weighed.clear();
    const shares = new Map<RateBudget | null, number>();
    for (const [budget, rate] of wanted) {
      if (budget) {
        budget.noteFollowed(rate * this.#o.intervalMs);
        this.#weighed.add(budget);
      }
      const perWeight = budget?.pollsPerWeight(now) ?? null;
      const allowance = budget?.pollAllowance(now) ?? null;
      // Judged as if at least one young order were on screen, so that old orders on one desk are
      // not asked more often than young ones on another.
      const full = Math.max(rate, 1 / this.#o.intervalMs);
      const share = perWeight !== null ? perWeight * this.#o.intervalMs : allowance === null ? 1 : allowance / full;
      shares.set(budget, Math.min(1, Math.max(MIN_SHARE, share)));
    }
    return shares;
  }

  /** When this order is next due, or null when it is no longer to be followed. */
  #dueAt(id: string, w: Watch, now: number, shares: Map<RateBudget | null, number>, stretch = 1): number | null {
    const budget = this.#o.budgetFor?.(w.order) ?? null;
    const allowed = (t: number): number => budget?.allowedFrom(t) ?? t;
    if (w.askedAt === null) return allowed(w.firstAt);
    const delay = pollDelay(this.#facts(id, w), now, (shares.get(budget) ?? 1) / stretch, this.#o.intervalMs);
    if (delay === null) return null;
    const backoff = w.failures > 0 ? Math.min(this.#o.maxBackoffMs, delay * 2 ** w.failures) : delay;
    return allowed(w.askedAt + backoff);
  }

  #arm(): void {
    if (this.#timer) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#closed) return;
    const now = this.#clock.now();
    const plan = this.#plan(now);
    const next = this.#next(now, plan);
    // Nothing due, or every order has a question in flight: #poll arms again when it answers.
    if (next === null) return;
    // A budget's new window changes every pace on that account: look again then.
    const at = Math.min(Math.max(next.at, this.#nextSlotAt(plan)), this.#nextReset(now));
    this.#timer = this.#clock.setTimeout(() => this.#tick(), Math.max(0, at - this.#clock.now()));
    this.#timer.unref?.();
  }

  /** The soonest window reset, after `now`, of the budgets this desk's orders are followed on. */
  #nextReset(now: number): number {
    let at = Infinity;
    for (const w of this.#watches.values()) {
      const resetAt = this.#o.budgetFor?.(w.order)?.resetAt ?? null;
      if (resetAt !== null && resetAt > now) at = Math.min(at, resetAt);
    }
    return at;
  }

  /**
   * The order to ask about next: of those due, the one whose turn comes first when every interval
   * is stretched to the desk's own ceiling (so the order on screen keeps its lead when the
   * ceiling binds, and no slot stays idle while an order is due); else the one due soonest.
   * Orders the policy is done with are dropped on the way.
   */
  #next(now: number, { shares, pacedRate }: Plan): { id: string; w: Watch; at: number } | null {
    // How much the desk's own ceiling stretches its orders' paced intervals (1: it does not bind).
    const stretch = Math.max(1, (pacedRate * 60_000) / this.#o.budgetPerMinute);
    let soonest: { id: string; w: Watch; at: number } | null = null;
    let first: { id: string; w: Watch; at: number; turn: number } | null = null;
    for (const [id, w] of this.#watches) {
      if (w.inFlight) continue;
      const at = this.#dueAt(id, w, now, shares);
      if (at === null) {
        this.#watches.delete(id);
        continue;
      }
      if (!soonest || at < soonest.at) soonest = { id, w, at };
      if (at <= now) {
        const turn = stretch > 1 ? (this.#dueAt(id, w, now, shares, stretch) ?? at) : at;
        if (!first || turn < first.turn) first = { id, w, at, turn };
      }
    }
    return first ?? soonest;
  }

  /** Each budget's share, and the questions per ms this desk's orders ask at their paced intervals. */
  #plan(now: number): Plan {
    const shares = this.#shares(now);
    let pacedRate = 0;
    for (const [id, w] of this.#watches) {
      const delay = pollDelay(this.#facts(id, w), now, shares.get(this.#o.budgetFor?.(w.order) ?? null) ?? 1, this.#o.intervalMs);
      if (delay !== null) pacedRate += 1 / Math.max(1, delay);
    }
    return { shares, pacedRate };
  }

  #tick(): void {
    this.#timer = null;
    const now = this.#clock.now();
    const plan = this.#plan(now);
    const next = this.#next(now, plan);
    if (next && next.at <= now && now >= this.#nextSlotAt(plan)) {
      this.#lastAskedAt = now;
      void this.#poll(next.id, next.w);
    }
    this.#arm();
  }

  /**
   * One question per slot at most: the desk's own ceiling, whatever the budget says. And never
   * faster than twice the sum of its orders' paced rates as they are now, so orders that all came
   * due together (after a hold) go one after another, not in one burst.
   */
  #nextSlotAt({ pacedRate }: Plan): number {
    const deskGap = pacedRate > 0 ? 0.5 / pacedRate : 0;
    return this.#lastAskedAt + Math.max(60_000 / this.#o.budgetPerMinute, deskGap);
  }

  #facts(id: string, w: Watch): PollFacts {
    return {
      createdAt: w.order?.createdAt ?? w.firstAt,
      validUpto: w.order?.validUpto ?? null,
      cashfreeStatus: w.order?.cashfreeStatus ?? null,
      onScreen: id === this.#onScreen,
      answeredAt: w.answeredAt,
    };
  }

  async #poll(id: string, w: Watch): Promise<void> {
    w.inFlight = true;
    this.requestsSent++;
    try {
      const order = await this.#o.refresh(id);
      w.order = order;
      w.answeredAt = this.#clock.now();
      w.failures = 0;
      w.refusals = 0;
      if (isFinal(order.state)) this.#drop(id, w);
    } catch (err) {
      if (this.#o.isGone(err)) {
        this.#drop(id, w);
      } else {
        w.failures++;
        const attention = this.#o.attentionFor(err);
        w.refusals = attention ? w.refusals + 1 : 0;
        if (attention && w.refusals >= PACING.attentionAfter && this.#watches.get(id) === w) {
          this.#drop(id, w);
          this.#o.onAttention(id, attention);
        }
      }
    } finally {
      w.inFlight = false;
      w.askedAt = this.#clock.now();
    }
    this.#arm();
  }

  #drop(id: string, w: Watch): void {
    if (this.#watches.get(id) === w) this.#watches.delete(id);
  }
}
