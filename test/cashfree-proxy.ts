// A tiny CONNECT proxy on 127.0.0.1 for the client tests: tunnels to loopback targets only,
// optionally asks for Basic credentials, and counts what it tunnelled.
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

export type TestProxy = {
  url: string;
  tunnels: string[];
  refused: number;
  close(): Promise<void>;
};

export async function startConnectProxy(opts: { user?: string; password?: string } = {}): Promise<TestProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const state = { refused: 0 };
  const expected =
    opts.user !== undefined ? `Basic ${Buffer.from(`${opts.user}:${opts.password ?? ''}`).toString('base64')}` : null;

  const server: Server = createServer((_req, res) => {
    res.writeHead(405).end('CONNECT only');
  });
  server.on('connect', (req, clientSocket: Socket, head: Buffer) => {
    sockets.add(clientSocket);
    clientSocket.on('close', () => sockets.delete(clientSocket));
    if (expected !== null && req.headers['proxy-authorization'] !== expected) {
      state.refused += 1;
      clientSocket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host, portText] = (req.url ?? '').split(':');
    if (host !== '127.0.0.1' || !portText) {
      clientSocket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tunnels.push(req.url ?? '');
    const upstream = connect(Number(portText), host, () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    get refused() {
      return state.refused;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
