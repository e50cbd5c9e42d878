// An HTTP forwarder in front of the simulator that counts requests per path and per second, so
// a test can see what actually reached "Cashfree", retries included.
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';

export interface CountingProxy {
  baseUrl: string;
  /** Request times (ms since epoch) per path without query, e.g. /verification/remitter/status. */
  times: Map<string, number[]>;
  countSince(path: string, since: number, until?: number): number;
  close(): Promise<void>;
}

export async function startCountingProxy(target: { port: number }): Promise<CountingProxy> {
  const times = new Map<string, number[]>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let list = times.get(path);
    if (!list) times.set(path, (list = []));
    list.push(Date.now());
    const upstream = request(
      { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/verification`,
    times,
    countSince: (path, since, until = Number.POSITIVE_INFINITY) => (times.get(path) ?? []).filter((t) => t >= since && t < until).length,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
