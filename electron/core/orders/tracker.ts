// Polls /remitter/status for every open order and lets OrderService emit the changes.
// One timer for all orders; the spacing grows with the number of open orders so the whole app
// stays inside a request budget (Cashfree allows about 100 requests a minute).
import { isFinal } from '../../../shared/domain.ts';
import type { Order } from '../../../shared/domain.ts';

export interface TrackerOptions {
  refresh: (verificationId: string) => Promise<Order>;
  /** A failure that means the order is gone (deleted from history): stop following it. */
  isGone?: (err: unknown) => boolean;
  /** Fastest poll of one order. */
  intervalMs?: number;
  /** Status requests per minute for the whole app. */
  budgetPerMinute?: number;
  /** Longest wait after errors. */
  maxBackoffMs?: number;
  now?: () => number;
}

interface Watch {
  dueAt: number;
  failures: number;
}

export class Tracker {
  readonly #o: Required<TrackerOptions>;
  readonly #watches = new Map<string, Watch>();
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  requestsSent = 0;

  constructor(opts: TrackerOptions) {
    this.#o = { intervalMs: 2_000, budgetPerMinute: 80, maxBackoffMs: 30_000, now: Date.now, isGone: () => false, ...opts };
  }

  get watching(): number {
    return this.#watches.size;
  }

  /** Spacing between two polls of one order: never faster than the budget allows. */
  get intervalMs(): number {
    const shareOfBudget = (60_000 / this.#o.budgetPerMinute) * Math.max(1, this.#watches.size);
    return Math.max(this.#o.intervalMs, shareOfBudget);
  }

  watch(verificationId: string, firstCheckInMs = this.#o.intervalMs): void {
    if (this.#closed) return;
    this.#watches.set(verificationId, { dueAt: this.#o.now() + firstCheckInMs, failures: 0 });
    this.#arm();
  }

  unwatch(verificationId: string): void {
    this.#watches.delete(verificationId);
    this.#arm();
  }

  close(): void {
    this.#closed = true;
    this.#watches.clear();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #arm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#closed || this.#watches.size === 0) return;
    const next = Math.min(...[...this.#watches.values()].map((w) => w.dueAt));
    // Every order has a poll in flight: #poll arms again when it answers. (A timer for Infinity
    // would fire after 1 ms and spin until then.)
    if (!Number.isFinite(next)) return;
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, next - this.#o.now()));
    this.#timer.unref?.();
  }

  #tick(): void {
    this.#timer = null;
    const now = this.#o.now();
    // Spread the due polls over the budget: at most one per budget slot per tick.
    const slot = 60_000 / this.#o.budgetPerMinute;
    let offset = 0;
    for (const [id, w] of this.#watches) {
      if (w.dueAt > now) continue;
      if (offset > 0) {
        w.dueAt = now + offset;
      } else {
        w.dueAt = Number.POSITIVE_INFINITY; // not due again until this poll answers
        void this.#poll(id, w);
      }
      offset += slot;
    }
    this.#arm();
  }

  async #poll(id: string, w: Watch): Promise<void> {
    this.requestsSent++;
    try {
      const order = await this.#o.refresh(id);
      w.failures = 0;
      if (isFinal(order.state)) {
        this.#watches.delete(id);
        return;
      }
    } catch (err) {
      if (this.#o.isGone(err)) {
        if (this.#watches.get(id) === w) this.#watches.delete(id);
        this.#arm();
        return;
      }
      w.failures++;
    }
    if (!this.#watches.has(id)) return;
    const backoff = w.failures ? Math.min(this.#o.maxBackoffMs, this.intervalMs * 2 ** w.failures) : this.intervalMs;
    w.dueAt = this.#o.now() + backoff;
    this.#arm();
  }
}
