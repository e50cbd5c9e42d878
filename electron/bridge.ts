// The same handlers over HTTP on 127.0.0.1, for the browser preview and the end-to-end tests.
// A random token per run guards every call; the Host header must name this server (DNS
// rebinding), and a cross-origin Origin is refused. No 'electron' import: plain Node.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { CHANNELS, EVENTS } from '../shared/channels.ts';
import type { ChannelName } from '../shared/channels.ts';
import type { Handlers } from './core/handlers.ts';
import type { EventBus } from './core/events.ts';
import { fail } from '../shared/result.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The app's CSP, with connect-src opened to this origin only: the bridge is the preview's IPC. */
export const PREVIEW_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const MAX_BODY = 1024 * 1024;
/**
 * Events kept for a page whose stream broke: it reconnects with the id of the last one it read
 * (Last-Event-ID) and is sent what it missed. About ten minutes of a busy desk.
 */
const REPLAY_EVENTS = 1000;

export interface BridgeOptions {
  handlers: Handlers;
  events: EventBus;
  /** Built renderer (out/renderer); omit to serve the API only. */
  staticDir?: string;
  port?: number;
  host?: string;
  token?: string;
}

export interface Bridge {
  port: number;
  token: string;
  /** Open this in a browser: the token travels in the fragment, never in a request line. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const streams = new Set<ServerResponse>();
  // Ids are `<run>.<n>`: an id from another run of the bridge is not one of these.
  const run = randomBytes(6).toString('base64url');
  const recent: { n: number; frame: string }[] = [];
  let sent = 0;
  let port = 0;

  const tokenOk = (given: string | null | undefined): boolean => {
    const buf = Buffer.from(given ?? '');
    return buf.length === tokenBuf.length && timingSafeEqual(buf, tokenBuf);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'Bridge error.', retryable: false } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`${host}:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, { error: 'Unexpected Host header.' });
    const origin = req.headers.origin;
    if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) return send(res, 403, { error: 'Cross-origin request refused.' });
    const url = new URL(req.url ?? '/', `http://${host}:${port}`);

    if (url.pathname === '/api/events' && req.method === 'GET') {
      // The token comes in a header only: a URL ends up in logs and history.
      if (!tokenOk(req.headers['x-rpd-token'] as string | undefined)) return send(res, 401, { error: 'Missing or wrong token.' });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      const missed = missedSince(req.headers['last-event-id']);
      // Too far back, or another run: what the page shows may be stale, and it must read it all again.
      if (missed === null) return void res.end('event: stream.reset\ndata: null\n\n');
      // Then the id of the latest event, so that a page which has read none yet can still say
      // where it stopped.
      res.write(`${missed.join('')}id: ${run}.${sent}\n: connected\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { error: 'POST only.' });
      if (!tokenOk(req.headers['x-rpd-token'] as string | undefined)) return send(res, 401, { error: 'Missing or wrong token.' });
      const channel = url.pathname.slice('/api/'.length) as ChannelName;
      if (!CHANNELS.includes(channel)) return send(res, 404, { error: 'No such channel.' });
      const body = await readBody(req);
      if (body === null) return send(res, 413, fail('invalid_input', 'Request too large (more than 1 MB).'));
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : undefined;
      } catch {
        return send(res, 400, fail('invalid_input', 'The request is not valid JSON.'));
      }
      return send(res, 200, await opts.handlers[channel](input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'Method not allowed.' });
    if (!opts.staticDir) return send(res, 404, { error: 'Not found.' });
    return serveStatic(opts.staticDir, url.pathname, res);
  }

  /** The frames after `lastId`; none for a first connection; null when they are no longer all kept. */
  function missedSince(lastId: string | string[] | undefined): string[] | null {
    if (lastId === undefined) return [];
    const match = typeof lastId === 'string' ? /^([\w-]+)\.(\d+)$/.exec(lastId) : null;
    if (!match || match[1] !== run) return null;
    const n = Number(match[2]);
    const oldest = recent[0]?.n ?? sent + 1;
    if (n > sent || n < oldest - 1) return null;
    return recent.filter((e) => e.n > n).map((e) => e.frame);
  }

  const unsubscribe = EVENTS.map((name) =>
    opts.events.on(name, (payload) => {
      const n = ++sent;
      const frame = `id: ${run}.${n}\nevent: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      recent.push({ n, frame });
      if (recent.length > REPLAY_EVENTS) recent.shift();
      for (const s of streams) s.write(frame);
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://${host}:${port}`;
  return {
    port,
    token,
    origin,
    url: `${origin}/#token=${token}`,
    async close() {
      for (const off of unsubscribe) off();
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/**
 * The body as text, or null when it is larger than MAX_BODY. Oversized bodies are read to the end
 * and dropped, not cut off: destroying the socket would reach the caller as a reset instead of a 413.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY && declared <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY || declared > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(join(base, rel));
  if (!file.startsWith(base + sep)) return send(res, 404, { error: 'Not found.' });
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return send(res, 404, { error: 'Not found.' });
  }
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': PREVIEW_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  });
  res.end(data);
}
