// prewarm: time to the first created order on a fresh client, with and without prewarm(),
// against the simulator over HTTPS behind a proxy that adds a round trip of rtt_ms.
import { performance } from 'node:perf_hooks';
import { CashfreeClient } from '../electron/core/cashfree/client.ts';
import { startSimulator } from '../electron/simulator/server.ts';
import { startDelayProxy } from './network.ts';
import { makeCertificate } from '../test/fixtures/tls.ts';
import { median, progress, round, sleep } from './stats.ts';

const IDLE_MS = 6_000;

export interface PrewarmFigures {
  cold_first_order_ms: number;
  warm_first_order_ms: number;
  rtt_ms: number;
  /** Connection set-up that prewarm takes off the first order. */
  saved_ms: number;
  /** The same warm create with no added delay: the simulator's own work (it draws the QR PNG) plus the client's. */
  no_delay_warm_ms: number;
  /** Prewarmed, then idle for idle_ms before the order: the server has closed the kept-alive connection. */
  after_idle: { idle_ms: number; first_order_ms: number };
  runs: number;
  target_warm_max_ms: number;
  network: string;
}

export async function benchPrewarm(opts: { runs: number; rttMs: number }): Promise<PrewarmFigures | { skipped: string }> {
  const tls = makeCertificate();
  if (!tls) return { skipped: 'openssl is not installed, so no test certificate could be made' };
  const sim = await startSimulator({ tls, clientId: 'bench', clientSecret: 'bench_secret', quiet: true, seed: 3 });
  const proxy = await startDelayProxy({ host: '127.0.0.1', port: sim.port }, opts.rttMs / 2);
  const baseUrl = `https://127.0.0.1:${proxy.port}/verification`;
  const cold: number[] = [];
  const warm: number[] = [];
  const direct: number[] = [];
  const idle: number[] = [];
  let n = 0;
  progress(`prewarm: ${opts.runs} cold and ${opts.runs} warm first orders over HTTPS, rtt ${opts.rttMs} ms`);
  try {
    for (let r = 0; r < opts.runs; r++) {
      for (const kind of r % 2 === 0 ? (['cold', 'warm', 'direct'] as const) : (['direct', 'warm', 'cold'] as const)) {
        const prewarmed = kind !== 'cold';
        const client = new CashfreeClient({ baseUrl: kind === 'direct' ? sim.baseUrl : baseUrl, clientId: 'bench', clientSecret: 'bench_secret', ca: tls.cert, appVersion: '0.0.0-bench' });
        try {
          if (prewarmed) await client.prewarm();
          const t0 = performance.now();
          await client.create({ verificationId: `prewarm_${Date.now().toString(36)}_${n++}`, name: 'Asha Kumari' });
          ({ cold, warm, direct })[kind].push(performance.now() - t0);
        } finally {
          await client.close();
        }
      }
    }
    // The simulator (Node's HTTP server) keeps an idle connection 5 s; undici lets it go a little
    // earlier. An order that comes later than that pays the handshakes again, prewarm or not.
    for (let r = 0; r < 3; r++) {
      const client = new CashfreeClient({ baseUrl, clientId: 'bench', clientSecret: 'bench_secret', ca: tls.cert, appVersion: '0.0.0-bench' });
      try {
        await client.prewarm();
        await sleep(IDLE_MS);
        const t0 = performance.now();
        await client.create({ verificationId: `prewarm_idle_${Date.now().toString(36)}_${n++}`, name: 'Asha Kumari' });
        idle.push(performance.now() - t0);
      } finally {
        await client.close();
      }
    }
  } finally {
    await proxy.close();
    await sim.close();
  }
  const c = median(cold);
  const w = median(warm);
  return {
    cold_first_order_ms: round(c, 1),
    warm_first_order_ms: round(w, 1),
    rtt_ms: opts.rttMs,
    saved_ms: round(c - w, 1),
    no_delay_warm_ms: round(median(direct), 1),
    after_idle: { idle_ms: IDLE_MS, first_order_ms: round(median(idle), 1) },
    runs: opts.runs,
    target_warm_max_ms: opts.rttMs + 20,
    network: `loopback TCP proxy holding each chunk ${opts.rttMs / 2} ms each way; a new connection costs one round trip; TLS 1.3`,
  };
}
