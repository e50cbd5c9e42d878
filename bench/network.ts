// A slow network on loopback: a TCP proxy that holds every chunk for a one-way delay in each
// direction and makes a new connection cost one round trip, so TCP and TLS handshakes cost what
// they cost against a distant Cashfree.
import { createServer, connect, type Socket } from 'node:net';

export interface DelayProxy {
  port: number;
  close(): Promise<void>;
}

export async function startDelayProxy(target: { host: string; port: number }, oneWayMs: number): Promise<DelayProxy> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (fn: () => void, ms: number): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  // Timers of equal delay fire in the order they were set, so chunks keep their order.
  const forward = (from: Socket, to: Socket): void => {
    from.on('data', (chunk) => later(() => to.writable && to.write(chunk), oneWayMs));
    from.on('end', () => later(() => to.end(), oneWayMs));
    from.on('error', () => to.destroy());
    from.on('close', () => later(() => to.destroy(), oneWayMs));
  };
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    // The SYN / SYN-ACK round trip: nothing the client sent moves before it.
    client.pause();
    later(() => client.resume(), 2 * oneWayMs);
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
