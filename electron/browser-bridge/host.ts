// The native-messaging host: the small program the browser starts for the extension. It reads
// frames on stdin, refuses every caller but the extension, and relays each request to the running
// app over its per-user socket; answers go back as frames on stdout (nothing else is written
// there). It holds no state and no secret: with the app closed it says so.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { ALLOWED_ORIGINS, APP_NOT_RUNNING, BrowserReply, BrowserRequest } from '../../shared/browser-bridge.ts';
import { dataDir } from '../core/paths.ts';
import { bridgeEndpoint } from './endpoint.ts';
import { FrameReader, encodeFrame, readLines } from './frames.ts';

export interface HostIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: Readable;
  stdout: Writable;
  log: (line: string) => void;
}

/** Resolves with the exit code once the browser closes stdin (or the caller is refused). */
export function runHost(io: HostIo): Promise<number> {
  const send = (reply: BrowserReply): void => void io.stdout.write(encodeFrame(reply));
  // Chrome passes the caller's origin as an argument (on Windows followed by --parent-window).
  const origin = io.argv.find((a) => a.startsWith('chrome-extension://')) ?? null;
  if (!origin || !ALLOWED_ORIGINS.includes(origin)) {
    io.log(`refused caller ${origin ?? '(none)'}`);
    send({ id: null, ok: false, error: { code: 'forbidden', message: 'This program answers only the RPD Desk extension.' } });
    return new Promise((resolve) => io.stdout.write('', () => resolve(1)));
  }
  const endpoint = bridgeEndpoint(dataDir(io.env));
  const pending = new Set<number>();
  let app: Promise<Socket | null> | null = null;

  const appGone = (): void => {
    app = null;
    for (const id of pending) send({ id, ok: false, error: APP_NOT_RUNNING });
    pending.clear();
  };

  /** Connects on first need, and again after the app restarts. */
  function appSocket(): Promise<Socket | null> {
    return (app ??= new Promise((resolve) => {
      const socket = connect(endpoint);
      socket.once('connect', () => resolve(socket));
      socket.once('error', () => resolve(null));
      socket.once('close', appGone);
      readLines(socket, (message) => {
        const reply = BrowserReply.safeParse(message);
        if (!reply.success) return;
        if ('id' in reply.data && reply.data.id !== null) pending.delete(reply.data.id);
        send(reply.data);
      });
    }));
  }

  return new Promise((resolve) => {
    const frames = new FrameReader();
    io.stdin.on('data', (chunk: Buffer) => {
      let messages: unknown[];
      try {
        messages = frames.push(chunk);
      } catch (err) {
        io.log((err as Error).message);
        return resolve(1);
      }
      for (const message of messages) void relay(message);
    });
    io.stdin.once('end', () => {
      void app?.then((s) => s?.destroy());
      resolve(0);
    });
  });

  async function relay(message: unknown): Promise<void> {
    const request = BrowserRequest.safeParse(message);
    if (!request.success) {
      const id = (message as { id?: unknown } | null)?.id;
      return send({ id: typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null, ok: false, error: { code: 'invalid_input', message: 'Not a request RPD Desk understands.' } });
    }
    const socket = await appSocket();
    if (!socket) {
      app = null;
      return send({ id: request.data.id, ok: false, error: APP_NOT_RUNNING });
    }
    pending.add(request.data.id);
    socket.write(`${JSON.stringify(request.data)}\n`);
  }
}
