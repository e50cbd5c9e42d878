// The app's end of the browser bridge: a per-user local socket the native-messaging host
// connects to. Newline-delimited JSON, one session per connection. Used by main.ts and web.ts.
import { chmodSync, existsSync, lstatSync, unlinkSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { BrowserReply } from '../../shared/browser-bridge.ts';
import { bridgeEndpoint } from './endpoint.ts';
import { readLines } from './frames.ts';
import { createBridgeSession } from './service.ts';
import type { BridgeServices } from './service.ts';

export interface BridgeSocket {
  endpoint: string;
  close(): Promise<void>;
}

export async function startBridgeSocket(opts: { dataDir: string; services: BridgeServices; platform?: NodeJS.Platform }): Promise<BridgeSocket> {
  const platform = opts.platform ?? process.platform;
  const endpoint = bridgeEndpoint(opts.dataDir, platform);
  if (platform !== 'win32') await clearStaleSocket(endpoint);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const send = (reply: BrowserReply): void => {
      // Our own answer is parsed once where it leaves, as every transport does.
      if (!socket.destroyed) socket.write(`${JSON.stringify(BrowserReply.parse(reply))}\n`);
    };
    const session = createBridgeSession(opts.services, send);
    readLines(socket, (message) => void session.handle(message).then(send, () => send({ id: null, ok: false, error: { code: 'failed', message: 'RPD Desk could not answer.' } })));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      session.close();
    });
  });
  await listen(server, endpoint, platform);
  return {
    endpoint,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Only this user may connect: the socket is created under a 0177 umask and set to 0600. */
function listen(server: Server, endpoint: string, platform: NodeJS.Platform): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const unix = platform !== 'win32';
    const before = unix ? process.umask(0o177) : 0;
    try {
      server.listen(endpoint, () => {
        server.off('error', reject);
        if (unix) chmodSync(endpoint, 0o600);
        resolve();
      });
    } finally {
      if (unix) process.umask(before);
    }
  });
}

/** A socket file left by a crashed run is removed; one another running copy answers on is not. */
async function clearStaleSocket(endpoint: string): Promise<void> {
  if (!existsSync(endpoint)) return;
  if (!lstatSync(endpoint).isSocket()) throw new Error(`${endpoint} exists and is not a socket.`);
  const alive = await new Promise<boolean>((resolve) => {
    const probe = connect(endpoint);
    probe.once('connect', () => (probe.destroy(), resolve(true)));
    probe.once('error', () => resolve(false));
  });
  if (alive) throw new Error('Another RPD Desk already serves the browser extension from this data folder.');
  unlinkSync(endpoint);
}
