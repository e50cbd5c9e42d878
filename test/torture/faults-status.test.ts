// Fault matrix on status: a failed check changes nothing the agent saw, says why, and the
// states converge with the simulator's once the fault passes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../electron/simulator/server.ts';
import type { Simulator } from '../../electron/simulator/server.ts';
import type { Runtime } from '../../electron/core/runtime.ts';
import { FAULTS, TIMEOUT_MS } from './fault-matrix.ts';
import { CLIENT_ID, CLIENT_SECRET, expectActionable, expectConverged, resolveOpen, tortureRuntime } from './helpers.ts';

let sim: Simulator;
let rt: Runtime | null = null;

// A fresh simulator per case: closing it drops requests still sleeping in a fault, which would
// otherwise land in the next case.
beforeEach(async () => {
  sim = await startSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, seed: 5, quiet: true });
});
afterEach(async () => {
  await rt?.close();
  rt = null;
  await sim.close();
});

describe('fault on status', () => {
  it.each(FAULTS)('$name: states converge once the fault passes', async ({ spec }) => {
    rt = await tortureRuntime(sim, { timeoutMs: TIMEOUT_MS });
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
