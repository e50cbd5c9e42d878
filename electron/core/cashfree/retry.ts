// When and how long to wait before asking again. Pure arithmetic plus an injectable sleep, so
// tests can record the waits instead of spending them.

export type RetryOptions = {
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Cap of one computed backoff wait. */
  maxDelayMs?: number;
  /** Cap of all waits of one call added up; a longer Retry-After ends the retries. */
  maxTotalWaitMs?: number;
  /** [0, 1) */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

export type RetryPolicy = Required<RetryOptions>;

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function resolveRetryPolicy(opts: RetryOptions = {}): RetryPolicy {
  return {
    maxAttempts: Math.max(1, Math.floor(opts.maxAttempts ?? 4)),
    baseDelayMs: Math.max(0, opts.baseDelayMs ?? 300),
    maxDelayMs: Math.max(0, opts.maxDelayMs ?? 5_000),
    maxTotalWaitMs: Math.max(0, opts.maxTotalWaitMs ?? 20_000),
    random: opts.random ?? Math.random,
    sleep: opts.sleep ?? defaultSleep,
    now: opts.now ?? Date.now,
  };
}

/**
 * Capped exponential backoff with "equal jitter": half the step is fixed, half random, so
 * clients that failed together do not come back together. attempt 1 = the first retry.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(Math.max(policy.random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}

type HeaderValue = string | string[] | undefined;
export type HeaderBag = Record<string, HeaderValue>;

const first = (v: HeaderValue): string | undefined => (Array.isArray(v) ? v[0] : v)?.trim();

/**
 * How long the server asked us to wait, in ms, or null when it did not say.
 * Retry-After: delay-seconds or an HTTP date. X-RateLimit-Reset: seconds until the window
 * resets, or (when it looks like one) a unix time in seconds.
 */
export function serverWaitMs(headers: HeaderBag, nowMs: number): number | null {
  const retryAfter = first(headers['retry-after']);
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  const reset = first(headers['x-ratelimit-reset']);
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const n = Number(reset);
    // Above a billion it is a unix time (2001 onwards), not a count of seconds.
    if (n >= 1e9) return Math.max(0, Math.ceil(n * 1000 - nowMs));
    return Math.ceil(n * 1000);
  }
  return null;
}
