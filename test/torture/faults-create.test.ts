// Fault matrix on create: whatever happens, every order the agent asked for ends in a defined
// state, once, as the simulator holds it, and the agent gets an actionable message.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';
import { FAULTS, TIMEOUT_MS } from './fault-matrix.ts';
import { expectActionable, expectConverged, historyRows, freshPerTest, resolveOpen } from './helpers.ts';

const fresh = freshPerTest();

describe('fault on create', () => {
  it.each(FAULTS)('$name: orders end defined, once, with actionable errors', async ({ spec }) => {
    const sim = fresh.sim;
    const rt = await fresh.runtime({ timeoutMs: TIMEOUT_MS });
    sim.setFaults({ create: spec });
    const results: Result<Order>[] = [];
    for (const name of ['Asha Kumari', 'Rahul Verma']) {
      const r = await rt.handlers['order.create']({ name });
      expectActionable(r);
      results.push(r);
    }
    // What the agent was told matches the history: a success is a created order with links.
    for (const r of results) {
      if (r.ok) {
        expect(r.data.state).toBe('created');
        expect(r.data.links?.upi).toMatch(/^upi:/);
        expect(rt.history.get(r.data.verificationId)?.state).toBe('created');
      }
    }
    // The agent asked for two orders: each shows up in history (a lost answer adds its replacement).
    expect(historyRows(rt).filter((row) => row.replaces === null)).toHaveLength(2);
    // A lost answer gets one replacement order at most: never a loop of orders nobody can pay.
    expect(sim.orders().length).toBeLessThanOrEqual(4);

    sim.clearFaults();
    await resolveOpen(rt);
    expectConverged(rt, sim);
  });
});
