// Cashfree-compatible Reverse Penny Drop server for Demo mode, tests and benchmarks.
// API under /verification (as Cashfree), a loopback-only control API under /__sim.
// Plain Node: no Electron imports.

import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { qrPng } from '../core/desk/qr-image.ts';
import { z } from 'zod';
import { ACCOUNT_ERRORS, ERRORS } from './errors.ts';
import type { ApiError } from './errors.ts';
import { FaultPlan, faultsInputSchema, reshapeAnswer } from './faults.ts';
import type { Effect, Endpoint, FaultsInput, FaultsView } from './faults.ts';
import { OrderBook, REVERSAL_STATUSES, SimulatorError, VALID_UPTO_FORMS } from './orders.ts';
import type { OrderSummary, PayOptions, ReversalStatus, StatusAnswer, ValidUptoForm } from './orders.ts';
import { digits, randomFor } from './random.ts';
import { VERIFICATION_ID_CHARACTERS } from '../../shared/ids.ts';
import { RateLimiter } from './rate-limit.ts';
import type { RateCounts } from './rate-limit.ts';
import { checkSignature, keysFromPrivatePem, keysFromPublicPem } from './signature.ts';
import type { SignatureKeys } from './signature.ts';

export interface SimulatorOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** When neither is set, any non-empty id and secret are accepted (Demo mode). */
  clientId?: string;
  clientSecret?: string;
  /** When set, every API call must carry a valid x-cf-signature. */
  privateKeyPem?: string;
  /**
   * Without privateKeyPem: every API call must carry an x-cf-signature of the right form for this
   * public key (it cannot be decrypted without the private key).
   */
  publicKeyPem?: string;
  seed?: number;
  /** Orders are paid automatically this long after creation. */
  autoPayAfterMs?: number;
  tls?: { key: string; cert: string };
  now?: () => number;
  /**
   * Waits out delayMs and latency faults. Default: real timers; a benchmark that simulates time
   * passes its clock's sleep, so network delay is simulated time too.
   */
  sleep?: (ms: number) => Promise<void>;
  /** Log one line per API request to stderr when false. Default true. */
  quiet?: boolean;
  /** Delay added to every API request (network delay for benchmarks). */
  delayMs?: number;
  /** Refund timeline after payment: PENDING, then TRANSFER_INITIATED, then TRANSFER_SUCCESS. */
  reversalInitiatedAfterMs?: number;
  reversalSuccessAfterMs?: number;
  /**
   * Cashfree's merchant-wide limit (Standard tier: 100 a minute): a budget per client id shared
   * by every caller, X-RateLimit-* on every answer, 429 when spent. Default: off.
   */
  rateLimitPerMinute?: number;
  /** The form of valid_upto in create answers: India time without a zone (default) or ISO 8601. */
  validUptoForm?: ValidUptoForm;
}

export interface Simulator {
  port: number;
  origin: string;
  /** origin + '/verification', the Cashfree base URL clients use. */
  baseUrl: string;
  /** The PEM public key clients sign with, when signatures are required. */
  publicKeyPem: string | null;
  pay(verificationId: string, options?: PayOptions): StatusAnswer;
  fail(verificationId: string): StatusAnswer;
  expire(verificationId: string): StatusAnswer;
  setReversal(verificationId: string, status: ReversalStatus | null): StatusAnswer;
  setFaults(faults: FaultsInput): void;
  clearFaults(): void;
  faults(): FaultsView;
  setAutoPay(afterMs: number | null): void;
  setValidUptoForm(form: ValidUptoForm): void;
  orders(): OrderSummary[];
  /** API requests answered and refused by the rate limit, per endpoint; null without a limit. */
  rateCounts(): RateCounts | null;
  /** Forgets all orders (faults and settings stay). */
  reset(): void;
  close(): Promise<void>;
}

export { SimulatorError };
export type { FaultsInput, OrderSummary, PayOptions, ReversalStatus, StatusAnswer, ValidUptoForm };

const MAX_BODY_BYTES = 1024 * 1024;

const payOptionsSchema = z
  .object({
    name_at_bank: z.string().min(1).max(200).optional(),
    bank_account: z.string().min(1).max(40).optional(),
    ifsc: z.string().min(1).max(20).optional(),
    upi: z.string().min(1).max(100).optional(),
    account_type: z.string().max(40).optional(),
    utr: z.string().min(1).max(40).optional(),
    wallet: z.boolean().optional(),
    reversal_fails: z.boolean().optional(),
    name_match: z.boolean().optional(),
  })
  .strict();
// Extra fields (newer API versions' options) are tolerated, as Cashfree does; redirect_url is
// where Cashfree's hosted page sends the customer back.
const createBodySchema = z.looseObject({ verification_id: z.unknown().optional(), name: z.unknown().optional(), redirect_url: z.unknown().optional() });
const validUptoSchema = z.object({ form: z.enum(VALID_UPTO_FORMS) }).strict();
const autoPaySchema = z.object({ pay_after_ms: z.number().int().nonnegative().nullable() }).strict();
const reversalSchema = z.object({ status: z.enum(REVERSAL_STATUSES as [ReversalStatus, ...ReversalStatus[]]).nullable() }).strict();

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

function hostnameOf(host: string): string {
  return (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '')).toLowerCase();
}

/** Host header naming this machine: refuses DNS-rebinding pages that reach 127.0.0.1 under another name. */
function isLoopbackHostHeader(host: string | undefined): boolean {
  if (host === undefined) return true; // HTTP/1.0 clients on loopback
  const hostname = hostnameOf(host);
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  const text = body.toString('utf8').trim();
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function formatHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const now = opts.now ?? Date.now;
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const quiet = opts.quiet ?? true;
  const keys: SignatureKeys | null = opts.privateKeyPem
    ? keysFromPrivatePem(opts.privateKeyPem)
    : opts.publicKeyPem
      ? keysFromPublicPem(opts.publicKeyPem)
      : null;
  const book = new OrderBook({
    seed,
    now,
    reversalInitiatedAfterMs: opts.reversalInitiatedAfterMs ?? 20_000,
    reversalSuccessAfterMs: opts.reversalSuccessAfterMs ?? 60_000,
  });
  const faults = new FaultPlan(randomFor(seed, 'faults'), opts.delayMs ?? 0);
  let autoPayAfterMs: number | null = opts.autoPayAfterMs ?? null;
  let validUptoForm: ValidUptoForm = opts.validUptoForm ?? 'plain';
  const errorRefs = randomFor(seed, 'error_ref');
  // Besides loopback names, the address the server was told to listen on (--host 192.168.1.5).
  const boundHost = formatHost(opts.host ?? '127.0.0.1').toLowerCase();
  const hostAllowed = (host: string | undefined): boolean =>
    isLoopbackHostHeader(host) || (host !== undefined && !['0.0.0.0', '::', ''].includes(opts.host ?? '') && hostnameOf(host) === boundHost);
  let origin = '';
  const limiter = opts.rateLimitPerMinute !== undefined ? new RateLimiter(opts.rateLimitPerMinute, now) : null;

  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closing = false;

  function sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    if (opts.sleep) return opts.sleep(ms);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
      ...extraHeaders,
    });
    res.end(text);
  }

  function sendError(res: ServerResponse, error: ApiError, extraHeaders: Record<string, string> = {}): void {
    sendJson(res, error.status, error.body, extraHeaders);
  }

  // ---- Cashfree API -------------------------------------------------------------------------

  function authenticate(req: IncomingMessage): ApiError | null {
    const clientId = header(req, 'x-client-id')?.trim();
    if (!clientId) return ERRORS.clientIdMissing;
    const clientSecret = header(req, 'x-client-secret')?.trim();
    if (!clientSecret) return ERRORS.clientSecretMissing;
    if (opts.clientId !== undefined && !sameSecret(clientId, opts.clientId)) return ERRORS.authenticationFailed;
    if (opts.clientSecret !== undefined && !sameSecret(clientSecret, opts.clientSecret)) return ERRORS.authenticationFailed;
    if (keys) {
      const check = checkSignature(keys, header(req, 'x-cf-signature'), clientId, now());
      if (check === 'missing') return ERRORS.signatureMissing;
      if (check === 'invalid') return ERRORS.signatureInvalid;
      if (check === 'stale') return ERRORS.signatureStale;
    }
    return null;
  }

  async function createOrder(body: Buffer): Promise<{ status: number; body: unknown }> {
    const parsed = parseJson(body);
    // Field rules are checked one by one below so each failure gets Cashfree's own error row.
    const shape = parsed.ok ? createBodySchema.safeParse(parsed.value ?? {}) : null;
    if (!shape?.success) return ERRORS.bodyInvalid;
    const { verification_id: verificationId, name } = shape.data;
    if (verificationId === undefined || verificationId === null || verificationId === '') return ERRORS.verificationIdMissing;
    if (typeof verificationId !== 'string' || !VERIFICATION_ID_CHARACTERS.test(verificationId)) return ERRORS.verificationIdInvalid;
    if (verificationId.length > 50) return ERRORS.verificationIdTooLong;
    if (name !== undefined && name !== null && typeof name !== 'string') return ERRORS.nameInvalid;
    if (book.has(verificationId)) return ERRORS.verificationIdExists;
    const order = book.create(verificationId, typeof name === 'string' && name.trim() !== '' ? name : null, autoPayAfterMs);
    const upiLink = `upi://pay?${book.upiParams(order)}`;
    const png = qrPng(upiLink, { size: 256, margin: 4 });
    return { status: 200, body: book.createAnswer(order, png.toString('base64'), origin, validUptoForm) };
  }

  function orderStatus(url: URL): { status: number; body: unknown } {
    const verificationId = url.searchParams.get('verification_id') ?? '';
    const refIdText = url.searchParams.get('ref_id') ?? '';
    if (verificationId === '' && refIdText === '') return ERRORS.statusQueryMissing;
    let refId: number | undefined;
    if (refIdText !== '') {
      if (!/^\d{1,15}$/.test(refIdText)) return ERRORS.unknownRefId;
      refId = Number(refIdText);
    }
    if (verificationId !== '') {
      const order = book.find({ verificationId });
      if (!order) return ERRORS.unknownVerificationId;
      if (refId !== undefined && order.refId !== refId) return ERRORS.unknownRefId;
      return { status: 200, body: book.statusAnswer(order) };
    }
    const order = book.find({ refId });
    if (!order) return ERRORS.unknownRefId;
    return { status: 200, body: book.statusAnswer(order) };
  }

  function sendFaultEffect(req: IncomingMessage, res: ServerResponse, effect: Exclude<Effect, { kind: 'malformed' | 'answer' }>): void {
    switch (effect.kind) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        return; // never answered; close() destroys the socket
      case 'rate_limit':
        sendError(res, ERRORS.rateLimited, {
          'X-RateLimit-Limit': String(effect.limit),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(effect.retryAfterS),
          'Retry-After': String(effect.retryAfterS),
        });
        return;
      case 'status_5xx':
        if (effect.status === 502) sendError(res, ERRORS.upstream);
        else sendError(res, { ...ERRORS.internal, body: { ...ERRORS.internal.body, error: { refId: digits(errorRefs, 7) } } });
        return;
      case 'error': {
        const error = ACCOUNT_ERRORS[effect.name];
        const message = error.body.message.replace('1.2.3.4', req.socket.remoteAddress ?? 'unknown');
        sendError(res, { status: error.status, body: { ...error.body, message } });
        return;
      }
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, endpoint: Endpoint, body: Buffer): Promise<void> {
    await sleep(faults.delayMs);
    const decision = faults.take(endpoint);
    await sleep(decision.latencyMs);
    if (closing) return;
    if (limiter) {
      // Set on the response, so every answer below carries them, errors and faults included.
      const rate = limiter.take(header(req, 'x-client-id')?.trim() ?? '', endpoint);
      for (const [name, value] of Object.entries(rate.headers)) res.setHeader(name, value);
      if (!rate.allowed) return sendError(res, ERRORS.rateLimited);
    }
    if (decision.effect && decision.effect.kind !== 'malformed' && decision.effect.kind !== 'answer') {
      sendFaultEffect(req, res, decision.effect);
      return;
    }
    const authError = authenticate(req);
    let answer = authError ?? (endpoint === 'create' ? await createOrder(body) : orderStatus(url));
    if (decision.effect?.kind === 'answer' && answer.status === 200) {
      answer = { status: 200, body: reshapeAnswer(endpoint, answer.body as Record<string, unknown>, decision.effect.shape, decision.effect.status) };
    }
    if (decision.effect?.kind === 'malformed') {
      // The server did the work but the answer arrives cut short.
      const text = JSON.stringify(answer.body);
      const truncated = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      res.writeHead(answer.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(truncated) });
      res.end(truncated);
      return;
    }
    sendJson(res, answer.status, answer.body);
  }

  // ---- Control API (/__sim) -----------------------------------------------------------------

  function controlError(res: ServerResponse, error: unknown): void {
    if (error instanceof SimulatorError) {
      sendJson(res, error.code === 'order_not_found' ? 404 : 409, { error: error.code, message: error.message });
    } else if (error instanceof z.ZodError) {
      sendJson(res, 400, { error: 'invalid_body', message: z.prettifyError(error) });
    } else {
      throw error;
    }
  }

  function checkoutPage(verificationId: string): string | null {
    const summary = book.summaries().find((s) => s.verification_id === verificationId);
    if (!summary) return null;
    const id = escapeHtml(verificationId);
    const link = escapeHtml(summary.upi_link);
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pay Rs 1 - ${id}</title></head>
<body style="font-family:sans-serif;max-width:32rem;margin:2rem auto">
<h1>Pay Rs 1 to verify your bank account</h1>
<p>Simulated Cashfree page for order <code>${id}</code>, status <strong>${escapeHtml(summary.status['status'] ?? '')}</strong>, valid until ${escapeHtml(summary.valid_upto)} IST.</p>
<p><a href="${link}">Open in a UPI app</a></p>
<form method="post" action="/__sim/orders/${encodeURIComponent(verificationId)}/pay"><button>Simulate payment</button></form>
<form method="post" action="/__sim/orders/${encodeURIComponent(verificationId)}/fail"><button>Simulate failure</button></form>
</body></html>`;
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, { error: 'forbidden', message: 'the control API answers loopback clients only' });
      return;
    }
    const method = req.method ?? 'GET';
    // A page from another origin must not pay or fail orders through the visitor's browser: only
    // the simulator's own checkout page (same origin) and clients that send no Origin may change things.
    const from = header(req, 'origin');
    if (method !== 'GET' && from !== undefined && from !== `${opts.tls ? 'https' : 'http'}://${header(req, 'host') ?? ''}`) {
      sendJson(res, 403, { error: 'forbidden', message: 'the control API refuses requests from other origins' });
      return;
    }
    const parts = url.pathname.split('/').filter((p) => p !== '').slice(1).map(decodeURIComponent);
    const parsed = parseJson(body);
    // HTML forms post url-encoded bodies; treat anything that is not JSON as no options.
    const json = parsed.ok ? parsed.value : undefined;
    try {
      const [first, id, action] = parts;
      if (method === 'GET' && first === 'health' && parts.length === 1) {
        sendJson(res, 200, {
          status: 'ok',
          orders: book.summaries().length,
          auto_pay_after_ms: autoPayAfterMs,
          signature_required: keys !== null,
          credentials_configured: opts.clientId !== undefined || opts.clientSecret !== undefined,
          valid_upto_form: validUptoForm,
          faults: faults.view(),
        });
      } else if (method === 'GET' && first === 'orders' && parts.length === 1) {
        sendJson(res, 200, { orders: book.summaries() });
      } else if (method === 'GET' && first === 'orders' && id !== undefined && parts.length === 2) {
        const summary = book.summaries().find((s) => s.verification_id === id);
        if (summary) sendJson(res, 200, summary);
        else sendJson(res, 404, { error: 'order_not_found', message: `no order with verification_id ${id}` });
      } else if (method === 'POST' && first === 'orders' && id !== undefined && parts.length === 3) {
        if (action === 'pay') sendJson(res, 200, book.pay(id, payOptionsSchema.parse(json ?? {})));
        else if (action === 'fail') sendJson(res, 200, book.fail(id));
        else if (action === 'expire') sendJson(res, 200, book.expire(id));
        else if (action === 'reversal') sendJson(res, 200, book.setReversal(id, reversalSchema.parse(json ?? {}).status));
        else sendJson(res, 404, { error: 'not_found', message: `unknown action ${action ?? ''}` });
      } else if (first === 'faults' && parts.length === 1 && (method === 'POST' || method === 'GET' || method === 'DELETE')) {
        if (method === 'POST') faults.set(faultsInputSchema.parse(json ?? {}));
        if (method === 'DELETE') faults.clear();
        sendJson(res, 200, faults.view());
      } else if (method === 'POST' && first === 'auto' && parts.length === 1) {
        autoPayAfterMs = autoPaySchema.parse(json ?? {}).pay_after_ms;
        sendJson(res, 200, { auto_pay_after_ms: autoPayAfterMs });
      } else if (method === 'POST' && first === 'valid-upto' && parts.length === 1) {
        validUptoForm = validUptoSchema.parse(json ?? {}).form;
        sendJson(res, 200, { valid_upto_form: validUptoForm });
      } else if (method === 'POST' && first === 'reset' && parts.length === 1) {
        book.clear();
        sendJson(res, 200, { orders: 0 });
      } else if (method === 'GET' && first === 'checkout' && id !== undefined && parts.length === 2) {
        const page = checkoutPage(id);
        if (page === null) {
          sendJson(res, 404, { error: 'order_not_found', message: `no order with verification_id ${id}` });
        } else {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page) });
          res.end(page);
        }
      } else {
        sendJson(res, 404, { error: 'not_found', message: `no control route ${method} ${url.pathname}` });
      }
    } catch (error) {
      controlError(res, error);
    }
  }

  // ---- Routing ------------------------------------------------------------------------------

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const body = await readBody(req);
    if (closing) return;
    if (body === 'too_large') {
      sendError(res, ERRORS.bodyTooLarge);
      return;
    }
    // Every route, not only the control API: a DNS-rebinding page must not reach Cashfree's either.
    if (!hostAllowed(header(req, 'host'))) {
      sendError(res, ERRORS.hostNotAllowed);
      return;
    }
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/__sim' || path.startsWith('/__sim/')) {
      await handleControl(req, res, url, body);
      return;
    }
    const routes: Record<string, { endpoint: Endpoint; method: string }> = {
      '/verification/reverse-penny-drop': { endpoint: 'create', method: 'POST' },
      '/verification/remitter/status': { endpoint: 'status', method: 'GET' },
    };
    const route = routes[path];
    if (!route) {
      sendError(res, ERRORS.notFound);
      return;
    }
    if (req.method !== route.method) {
      sendError(res, ERRORS.methodNotAllowed, { Allow: route.method });
      return;
    }
    await handleApi(req, res, url, route.endpoint, body);
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (!quiet) {
      // Method, path and status only: query strings and headers may carry customer data or secrets.
      res.on('finish', () => process.stderr.write(`${req.method ?? ''} ${(req.url ?? '').split('?')[0] ?? ''} ${res.statusCode}\n`));
    }
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendError(res, ERRORS.internal);
      if (!quiet) process.stderr.write(`simulator error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  }

  const server: Server = opts.tls
    ? (createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, onRequest) as unknown as Server)
    : createHttpServer(onRequest);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (opts.port ?? 0);
  origin = `${opts.tls ? 'https' : 'http'}://${formatHost(host)}:${port}`;

  return {
    port,
    origin,
    baseUrl: `${origin}/verification`,
    publicKeyPem: keys?.publicKeyPem ?? null,
    pay: (verificationId, options) => book.pay(verificationId, payOptionsSchema.parse(options ?? {})),
    fail: (verificationId) => book.fail(verificationId),
    expire: (verificationId) => book.expire(verificationId),
    setReversal: (verificationId, status) => book.setReversal(verificationId, status),
    setFaults: (input) => faults.set(faultsInputSchema.parse(input)),
    clearFaults: () => faults.clear(),
    faults: () => faults.view(),
    setAutoPay: (afterMs) => {
      autoPayAfterMs = afterMs;
    },
    setValidUptoForm: (form) => {
      validUptoForm = form;
    },
    orders: () => book.summaries(),
    rateCounts: () => limiter?.counts() ?? null,
    reset: () => book.clear(),
    close: async () => {
      if (closing) return;
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
