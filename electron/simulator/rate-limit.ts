// Cashfree's merchant-wide request limit: one budget per client id per clock minute, shared by
// every caller with those keys (every desk of a team) and by both endpoints. Every answer says
// what is left (X-RateLimit-*); a request over the limit is refused with 429 and Retry-After and
// is not counted (it was not processed).
import type { Endpoint } from './faults.ts';

export interface RateDecision {
  allowed: boolean;
  /** X-RateLimit-Limit, -Remaining, -Reset (seconds to the window's end); Retry-After when refused. */
  headers: Record<string, string>;
}

export type RateCounts = Record<Endpoint, { allowed: number; refused: number }>;

const WINDOW_MS = 60_000;

export class RateLimiter {
  readonly #limit: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, { window: number; used: number }>();
  readonly #counts: RateCounts = { create: { allowed: 0, refused: 0 }, status: { allowed: 0, refused: 0 } };

  constructor(limitPerMinute: number, now: () => number) {
    this.#limit = limitPerMinute;
    this.#now = now;
  }

  take(clientId: string, endpoint: Endpoint): RateDecision {
    const now = this.#now();
    const window = Math.floor(now / WINDOW_MS);
    let entry = this.#windows.get(clientId);
    if (!entry || entry.window !== window) this.#windows.set(clientId, (entry = { window, used: 0 }));
    const allowed = entry.used < this.#limit;
    if (allowed) entry.used++;
    this.#counts[endpoint][allowed ? 'allowed' : 'refused']++;
    const resetS = String(Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000)));
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(this.#limit),
      'X-RateLimit-Remaining': String(this.#limit - entry.used),
      'X-RateLimit-Reset': resetS,
    };
    if (!allowed) headers['Retry-After'] = resetS;
    return { allowed, headers };
  }

  /** Requests answered and refused so far, per endpoint (benchmarks read them). */
  counts(): RateCounts {
    return { create: { ...this.#counts.create }, status: { ...this.#counts.status } };
  }
}
