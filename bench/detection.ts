// detection: from the simulator marking an order paid to the runtime's order.updated event
// with the result, over the real runtime (history, client, tracker) and the simulator. Orders
// come a few at a time, as an agent serves customers; each is paid at a random moment.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRuntime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { startSimulator } from '../electron/simulator/server.ts';
import { percentile, progress, round, sleep } from './stats.ts';

export interface DetectionFigures {
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  orders: number;
  concurrent_orders: number;
  requests_per_order_minute: number;
  status_requests: number;
  target_p50_max_ms: number;
}

export async function benchDetection(opts: { orders: number; concurrent: number }): Promise<DetectionFigures> {
  const sim = await startSimulator({ clientId: 'bench', clientSecret: 'bench_secret', quiet: true, seed: 11 });
  const dir = await mkdtemp(join(tmpdir(), 'rpd-bench-detect-'));
  const rt = await startRuntime({
    dataDir: dir,
    transport: 'cli',
    settings: openPlainNodeSettings({ dir }),
    fixed: { profile: 'sandbox', connection: { baseUrl: sim.baseUrl, clientId: 'bench', clientSecret: 'bench_secret' } },
  });
  const paidAt = new Map<string, number>();
  const detected = new Map<string, (at: number) => void>();
  rt.events.on('order.updated', (o) => {
    if (o.state === 'success') detected.get(o.verificationId)?.(performance.now());
  });
  const latencies: number[] = [];
  let openMs = 0;
  let seed = 12345;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  progress(`detection: ${opts.orders} orders, ${opts.concurrent} open at a time, paid 0.3 to 3 s after creation`);
  const sent0 = rt.tracker.requestsSent;
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < opts.orders) {
        next++;
        const order = await rt.orders.create({ name: 'Kavita Sharma' });
        const createdAt = performance.now();
        // As handlers['order.create'] does.
        rt.tracker.watch(order.verificationId);
        const seen = new Promise<number>((resolve) => detected.set(order.verificationId, resolve));
        await sleep(300 + random() * 2_700);
        sim.pay(order.verificationId);
        const t0 = performance.now();
        paidAt.set(order.verificationId, t0);
        const at = await seen;
        latencies.push(at - t0);
        openMs += at - createdAt;
      }
    };
    await Promise.all(Array.from({ length: opts.concurrent }, worker));
  } finally {
    await rt.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
  const requests = rt.tracker.requestsSent - sent0;
  return {
    p50_ms: round(percentile(latencies, 50), 1),
    p95_ms: round(percentile(latencies, 95), 1),
    max_ms: round(percentile(latencies, 100), 1),
    orders: latencies.length,
    concurrent_orders: opts.concurrent,
    requests_per_order_minute: round(requests / (openMs / 60_000), 1),
    status_requests: requests,
    target_p50_max_ms: 2_000,
  };
}
