import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, resolveRetryPolicy, serverWaitMs } from '../electron/core/cashfree/retry.ts';

describe('serverWaitMs', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(serverWaitMs({ 'retry-after': '3' }, now)).toBe(3000);
    expect(serverWaitMs({ 'retry-after': new Date(now + 7000).toUTCString() }, now)).toBe(7000);
    expect(serverWaitMs({ 'retry-after': new Date(now - 7000).toUTCString() }, now)).toBe(0);
  });
  it('falls back to X-RateLimit-Reset as seconds or as a unix time', () => {
    expect(serverWaitMs({ 'x-ratelimit-reset': '12' }, now)).toBe(12_000);
    expect(serverWaitMs({ 'x-ratelimit-reset': String(now / 1000 + 5) }, now)).toBe(5000);
    expect(serverWaitMs({ 'retry-after': '2', 'x-ratelimit-reset': '50' }, now)).toBe(2000);
  });
  it('says nothing when the server said nothing usable', () => {
    expect(serverWaitMs({}, now)).toBeNull();
    expect(serverWaitMs({ 'retry-after': 'later' }, now)).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('grows exponentially, stays within [step/2, step] and under the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const policy = resolveRetryPolicy({ baseDelayMs: 200, maxDelayMs: 3000, random: () => r });
        const step = Math.min(3000, 200 * 2 ** (attempt - 1));
        const d = backoffDelay(policy, attempt);
        expect(d).toBeGreaterThanOrEqual(Math.floor(step / 2));
        expect(d).toBeLessThanOrEqual(step);
      }),
    );
  });
});
