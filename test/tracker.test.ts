// The polling policy: fast for one order, never above the request budget for many.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Tracker } from '../electron/core/tracker.ts';
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
