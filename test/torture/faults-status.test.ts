// Fault matrix on status: a failed check changes nothing the agent saw, says why, and the
// states converge with the simulator's once the fault passes.
import { describe, expect, it } from 'vitest';
import { FAULTS, TIMEOUT_MS } from './fault-matrix.ts';
import { expectActionable, expectConverged, freshPerTest, resolveOpen } from './helpers.ts';

const fresh = freshPerTest();

describe('fault on status', () => {
  it.each(FAULTS)('$name: states converge once the fault passes', async ({ spec }) => {
    const sim = fresh.sim;
    const rt = await fresh.runtime({ timeoutMs: TIMEOUT_MS });
    const paid = await rt.orders.create({ name: 'Priya Nair' });
    const waiting = await rt.orders.create({ name: 'Imran Khan' });
    sim.pay(paid.verificationId);
    sim.setFaults({ status: spec });
    for (const order of [paid, waiting]) {
      const r = await rt.handlers['order.recheck']({ verificationId: order.verificationId });
      expectActionable(r);
      // A failed check changes nothing the agent already saw.
      if (!r.ok) expect(rt.history.get(order.verificationId)?.state).toBe('created');
      else expect(r.data.state).toBe(order === paid ? 'success' : 'created');
    }
    sim.clearFaults();
    await resolveOpen(rt);
    expectConverged(rt, sim);
    expect(rt.history.get(paid.verificationId)?.state).toBe('success');
  });
});
