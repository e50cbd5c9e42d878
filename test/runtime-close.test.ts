// Closing a runtime leaves nothing behind: no sockets, servers or timers, even with orders being
// tracked, the Demo simulator running and a status call that never answers.
import { describe, expect, it } from 'vitest';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { startSimulator } from '../electron/simulator/server.ts';

const KINDS = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout', 'Immediate'];

/** Handles that keep a process alive, by kind. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) if (KINDS.includes(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** No kind of handle is more numerous than before. */
function expectNoMoreThan(before: Record<string, number>): void {
  const after = resources();
  for (const kind of KINDS) expect(after[kind] ?? 0, kind).toBeLessThanOrEqual(before[kind] ?? 0);
}

/** Lets closed sockets and finished timers leave the list. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

describe('runtime.close()', () => {
  it('leaves no sockets or timers after Demo orders were created and tracked', async () => {
    await settle();
    const before = resources();
    const dir = mkdtempSync(join(tmpdir(), 'rpd-close-'));
    // The browser transport also prewarms a connection at start.
    const rt = await startRuntime({ dataDir: dir, transport: 'browser', settings: openPlainNodeSettings({ dir }), track: true });
    const order = await rt.orders.create({ name: 'Neha Agarwal' });
    await rt.orders.create({ name: 'Vikram Singh' });
    expect(rt.tracker.watching).toBe(2);
    const paid = await rt.handlers['demo.pay']({ verificationId: order.verificationId });
    expect(paid.ok).toBe(true);
    await rt.orders.refresh(order.verificationId);
    await rt.close();
    await settle();
    expectNoMoreThan(before);
  });

  it('does not wait for, or leak, a status call the server never answers', async () => {
    const sim = await startSimulator({ port: 0, clientId: 'id', clientSecret: 'secret', quiet: true });
    await settle();
    const before = resources();
    const dir = mkdtempSync(join(tmpdir(), 'rpd-close-'));
    // A long timeout: close() must not sit it out.
    const rt = await startRuntime({
      dataDir: dir,
      transport: 'cli',
      settings: openPlainNodeSettings({ dir }),
      fixed: { profile: 'sandbox', connection: { baseUrl: sim.baseUrl, clientId: 'id', clientSecret: 'secret', timeoutMs: 60_000 } },
      track: true,
    });
    const order = await rt.orders.create({ name: 'Abdul Rahman' });
    sim.setFaults({ status: { hang: true } });
    const sent = new Promise<void>((resolve) => {
      const onSent = (): void => {
        unsubscribe('undici:client:sendHeaders', onSent);
        resolve();
      };
      subscribe('undici:client:sendHeaders', onSent);
    });
    const refresh = rt.orders.refresh(order.verificationId).then(
      () => 'answered',
      () => 'failed',
    );
    await sent;
    // Waiting out the 60 s timeout would fail the test by its own 20 s limit.
    await rt.close();
    expect(await refresh).toBe('failed');
    await settle();
    expectNoMoreThan(before);
    await sim.close();
  });
});
