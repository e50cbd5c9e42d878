// HTTP client for Cashfree Reverse Penny Drop, on undici. Plain Node: never imports 'electron'.
//
// - One keep-alive dispatcher per client (a Pool for the base URL, or a proxy agent), so polling
//   and the next Generate reuse the open TLS connection.
// - GET /remitter/status is retried on network errors, 5xx and 429; POST /reverse-penny-drop is
//   sent once: a POST whose answer is lost is resolved by recover.ts (createSafely), never resent blindly.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeyObject } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { readLimited } from '../read-limited.ts';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { EnvHttpProxyAgent, Pool, ProxyAgent, request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { VERIFICATION_ID_RULE, isVerificationId } from '../../../shared/ids.ts';
import { KEY_TEXT } from '../../../shared/keys.ts';
import { validateName } from '../../../shared/names.ts';
import {
  CashfreeError,
  errorFromNetwork,
  errorFromResponse,
  invalidInput,
  malformedAnswer,
  redact,
  type ErrorContext,
  type Operation,
} from './errors.ts';
import type { RateBudget } from './budget.ts';
import { redactor } from '../log/redact.ts';
import { backoffDelay, resolveRetryPolicy, serverWaitMs, type HeaderBag, type RetryOptions, type RetryPolicy } from './retry.ts';
import { CreateAnswer, ErrorBody, StatusAnswer, unusableCreate } from './schemas.ts';
import { loadPublicKey, makeSignature } from './signature.ts';

export const DEFAULT_API_VERSION = '2023-12-18';
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 20_000;
/** A create answer with its QR is a few tens of KB; anything near this is not Cashfree. */
const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export type CashfreeClientConfig = {
  /** e.g. https://api.cashfree.com/verification or http://127.0.0.1:4010/verification */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** PEM RSA public key from Cashfree's dashboard; when set every request carries x-cf-signature. */
  publicKeyPem?: string;
  apiVersion?: string;
  connectTimeoutMs?: number;
  /** Whole request: connect, send, headers and body. */
  timeoutMs?: number;
  /** Explicit proxy, e.g. http://user:pass@proxy.corp:8080. Else HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply. */
  proxyUrl?: string;
  /** Full User-Agent; default RPD-Desk/<appVersion>. */
  userAgent?: string;
  /** Default: read once from the app's package.json. */
  appVersion?: string;
  /** Names the profile in error messages, e.g. "Sandbox". */
  profileLabel?: string;
  retry?: RetryOptions;
  /** Environment to read proxy variables from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  maxResponseBytes?: number;
  /** Extra trusted CA certificates (PEM): a company TLS-inspecting proxy, or a test server. */
  ca?: string | string[];
  /** Learns the merchant's request budget from every answer's X-RateLimit-* headers. */
  budget?: RateBudget;
};

/** An answer together with the JSON object Cashfree sent (extra fields included). */
export type CreateReply = CreateAnswer & {
  wire: Record<string, unknown>;
  /**
   * Why this 200 cannot be used (no verification_id, ref_id or upi_link, or another order's
   * answer), else null. Cashfree still holds the order: it is kept and followed, never replaced.
   */
  unusable: string | null;
};
export type StatusReply = StatusAnswer & { wire: Record<string, unknown> };

export type CreateInput = { verificationId: string; name: string };
export type StatusQuery = { verificationId: string } | { refId: string };

/** What createSafely and the tracker need from a client. */
export type RpdApi = {
  create(input: CreateInput): Promise<CreateReply>;
  status(query: StatusQuery): Promise<StatusReply>;
  readonly retry: RetryPolicy;
};

type Reply = { status: number; headers: HeaderBag; text: string };

let cachedAppVersion: string | undefined;
/** The app version from the nearest package.json named rpd-desk, read once. */
export function readAppVersion(): string {
  if (cachedAppVersion !== undefined) return cachedAppVersion;
  cachedAppVersion = '0.0.0';
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (typeof pkg === 'object' && pkg !== null && 'name' in pkg && pkg.name === 'rpd-desk' && 'version' in pkg) {
        if (typeof pkg.version === 'string') cachedAppVersion = pkg.version;
        break;
      }
    } catch {
      // no package.json here: look one level up
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return cachedAppVersion;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const REF_ID = /^[A-Za-z0-9._-]{1,64}$/;

function notConfigured(message: string): CashfreeError {
  return new CashfreeError({ code: 'not_configured', retryable: false, message });
}

function makeDispatcher(
  origin: string,
  cfg: CashfreeClientConfig,
  timeouts: { connectTimeoutMs: number; timeoutMs: number },
): { dispatcher: Dispatcher; viaProxy: boolean } {
  // Added to Node's own list, not instead of it.
  const tls = cfg.ca !== undefined ? { ca: [...rootCertificates, ...[cfg.ca].flat()] } : {};
  const common = {
    connect: { timeout: timeouts.connectTimeoutMs, ...tls },
    headersTimeout: timeouts.timeoutMs,
    bodyTimeout: timeouts.timeoutMs,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
  };
  // Always tunnel (CONNECT), as for https targets, so plain-http test targets take the same path.
  const proxied = { ...common, requestTls: { timeout: timeouts.connectTimeoutMs, ...tls }, proxyTunnel: true };
  if (cfg.proxyUrl) {
    return { dispatcher: new ProxyAgent({ ...proxied, uri: cfg.proxyUrl }), viaProxy: true };
  }
  // Plain http is allowed only to this computer: a proxy from the environment (HTTP_PROXY set for
  // the whole desktop, NO_PROXY forgotten) would carry the secret off it in clear.
  if (new URL(origin).protocol === 'http:') return { dispatcher: new Pool(origin, { ...common, connections: 8 }), viaProxy: false };
  const env = cfg.env ?? process.env;
  // Lower case wins, as in curl and undici.
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY ?? '';
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY ?? '';
  if (httpsProxy || httpProxy) {
    const noProxy = env.no_proxy ?? env.NO_PROXY ?? '';
    // Empty strings (not undefined) so undici does not fall back to process.env.
    return { dispatcher: new EnvHttpProxyAgent({ ...proxied, httpProxy, httpsProxy, noProxy }), viaProxy: true };
  }
  return { dispatcher: new Pool(origin, { ...common, connections: 8 }), viaProxy: false };
}

/**
 * undici's request() leaves Content-Encoding to the caller. We ask for none, but gateways in
 * front of Cashfree may compress anyway. The size limit holds for the decoded text too.
 */
function decodeBody(raw: Buffer, contentEncoding: string | string[] | undefined, max: number): { text: string } | { problem: string } {
  const codings = [contentEncoding ?? []]
    .flat()
    .join(',')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  let body = raw;
  try {
    // Codings are listed in the order they were applied: undo them from the last.
    for (const coding of codings.reverse()) {
      if (coding === 'gzip' || coding === 'x-gzip') body = gunzipSync(body, { maxOutputLength: max });
      else if (coding === 'deflate') body = inflateSync(body, { maxOutputLength: max });
      else if (coding === 'br') body = brotliDecompressSync(body, { maxOutputLength: max });
      else return { problem: `the answer is in an unknown encoding (${coding.slice(0, 20)})` };
    }
  } catch (err) {
    const tooLarge = (err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
    return { problem: tooLarge ? `the answer is larger than ${max} bytes` : 'the compressed answer is damaged' };
  }
  return { text: body.toString('utf8') };
}

/**
 * undici marks a connection free one event-loop turn after its answer is read; a call made
 * before that opens a second connection. Waiting that turn keeps calls on the warm one.
 */
const connectionFreed = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class CashfreeClient implements RpdApi {
  readonly retry: RetryPolicy;
  readonly baseUrl: string;
  readonly viaProxy: boolean;
  readonly #origin: string;
  readonly #basePath: string;
  readonly #host: string;
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #publicKey: KeyObject | null;
  readonly #apiVersion: string;
  readonly #userAgent: string;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;
  readonly #profileLabel: string | undefined;
  readonly #secrets: string[];
  readonly #dispatcher: Dispatcher;
  readonly #budget: RateBudget | undefined;
  #closed = false;
  #destroyed = false;

  constructor(cfg: CashfreeClientConfig) {
    let url: URL;
    try {
      url = new URL(cfg.baseUrl);
    } catch {
      throw notConfigured('The Cashfree address is not a valid URL. Check it in Settings.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw notConfigured('The Cashfree address must start with https://.');
    }
    // The client secret travels in a header: never in clear text beyond this computer.
    if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
      throw notConfigured('The Cashfree address must use https:// (plain http is allowed only for 127.0.0.1).');
    }
    if (!cfg.clientId || !cfg.clientSecret) {
      throw notConfigured(`Enter the client ID and secret${cfg.profileLabel ? ` of the ${cfg.profileLabel} profile` : ''} in Settings.`);
    }
    if (!KEY_TEXT.test(cfg.clientId) || !KEY_TEXT.test(cfg.clientSecret)) {
      throw notConfigured('The client ID or secret contains spaces or invisible characters. Paste them again in Settings.');
    }
    let publicKey: KeyObject | null = null;
    if (cfg.publicKeyPem !== undefined && cfg.publicKeyPem.trim() !== '') {
      try {
        publicKey = loadPublicKey(cfg.publicKeyPem);
      } catch (e) {
        throw notConfigured(`${e instanceof Error ? e.message : 'The public key cannot be read.'} Paste the key from the Cashfree dashboard in Settings.`);
      }
    }

    this.baseUrl = url.href.replace(/\/+$/, '');
    this.#origin = url.origin;
    this.#basePath = url.pathname.replace(/\/+$/, '');
    this.#host = url.host;
    this.#clientId = cfg.clientId;
    this.#clientSecret = cfg.clientSecret;
    this.#publicKey = publicKey;
    this.#apiVersion = cfg.apiVersion ?? DEFAULT_API_VERSION;
    this.#userAgent = cfg.userAgent ?? `RPD-Desk/${cfg.appVersion ?? readAppVersion()}`;
    this.#timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxResponseBytes = cfg.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#profileLabel = cfg.profileLabel;
    this.#secrets = [cfg.clientSecret];
    if (cfg.proxyUrl) {
      try {
        const p = new URL(cfg.proxyUrl);
        if (p.password) this.#secrets.push(decodeURIComponent(p.password), p.password);
      } catch {
        throw notConfigured('The proxy address is not a valid URL, e.g. http://proxy.example.com:8080.');
      }
    }
    this.retry = resolveRetryPolicy(cfg.retry);
    this.#budget = cfg.budget;
    const made = makeDispatcher(this.#origin, cfg, {
      connectTimeoutMs: cfg.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      timeoutMs: this.#timeoutMs,
    });
    this.#dispatcher = made.dispatcher;
    this.viaProxy = made.viaProxy;
  }

  /** Creates an order. Sent exactly once; see createSafely for what to do when the answer is lost. */
  async create(input: CreateInput): Promise<CreateReply> {
    if (!isVerificationId(input.verificationId)) {
      throw invalidInput(`The verification ID must be ${VERIFICATION_ID_RULE}.`);
    }
    const name = validateName(input.name);
    if (!name.ok) throw invalidInput(name.reason);
    const ctx = this.#context('create', input.verificationId);
    const body = JSON.stringify({ verification_id: input.verificationId, name: name.name });
    const reply = await this.#send(ctx, 'POST', '/reverse-penny-drop', body);
    const answer = this.#read(ctx, reply, CreateAnswer);
    const unusable = unusableCreate(answer, input.verificationId);
    // Links of an unusable answer may be another order's: they would send the customer's Rs 1 to the wrong verification.
    return unusable === null ? { ...answer, unusable } : { ...answer, links: null, qrCode: null, url: null, unusable };
  }

  /** Reads an order's status; retried on network errors, 5xx and 429 within the retry policy. */
  async status(query: StatusQuery): Promise<StatusReply> {
    let search: string;
    let verificationId: string | undefined;
    if ('verificationId' in query) {
      if (!isVerificationId(query.verificationId)) {
        throw invalidInput(`The verification ID must be ${VERIFICATION_ID_RULE}.`);
      }
      verificationId = query.verificationId;
      search = `verification_id=${encodeURIComponent(query.verificationId)}`;
    } else {
      if (!REF_ID.test(query.refId)) throw invalidInput('The reference ID must be the number Cashfree gave the order.');
      search = `ref_id=${encodeURIComponent(query.refId)}`;
    }
    const ctx = this.#context('status', verificationId);
    return this.#withRetry(async () => {
      const reply = await this.#send(ctx, 'GET', `/remitter/status?${search}`);
      const answer = this.#read(ctx, reply, StatusAnswer);
      if (verificationId !== undefined && answer.verificationId !== verificationId) {
        throw malformedAnswer(ctx, reply.status, `the answer is for verification_id ${answer.verificationId}`);
      }
      return answer;
    });
  }

  /**
   * Opens the connection (TCP, TLS, proxy tunnel) ahead of the first real call, so Generate costs
   * one round trip. A GET of the base path without credentials: nothing secret is sent and
   * nothing is created; whatever Cashfree answers (404) is read and dropped.
   * Best effort: never rejects.
   */
  async prewarm(): Promise<void> {
    if (this.#closed) return;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      const res = await request(`${this.#origin}${this.#basePath}/`, {
        dispatcher: this.#dispatcher,
        // Not HEAD: undici closes the connection after a HEAD, which would defeat the purpose.
        method: 'GET',
        headers: { accept: 'application/json', 'user-agent': this.#userAgent },
        signal: controller.signal,
      });
      await res.body.dump();
      await connectionFreed();
    } catch {
      // The real call will report the problem with a proper message.
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the keep-alive connections, letting calls in flight finish. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#dispatcher.close();
  }

  /**
   * Shutting down: aborts calls in flight (they fail as network errors) instead of waiting up to
   * the whole-request timeout for a server that may never answer.
   */
  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#closed = true;
    this.#destroyed = true;
    await this.#dispatcher.destroy();
  }

  #context(operation: Operation, verificationId?: string): ErrorContext {
    return {
      operation,
      ...(this.#profileLabel !== undefined ? { profileLabel: this.#profileLabel } : {}),
      ...(verificationId !== undefined ? { verificationId } : {}),
      host: this.#host,
      signed: this.#publicKey !== null,
      viaProxy: this.viaProxy,
      timeoutMs: this.#timeoutMs,
      secrets: this.#secrets,
    };
  }

  #headers(method: 'GET' | 'POST'): Record<string, string> {
    const headers: Record<string, string> = {
      'x-client-id': this.#clientId,
      'x-client-secret': this.#clientSecret,
      'x-api-version': this.#apiVersion,
      accept: 'application/json',
      'user-agent': this.#userAgent,
    };
    if (method === 'POST') headers['content-type'] = 'application/json';
    // Fresh per request (and per retry): Cashfree accepts a signature only for a short window.
    if (this.#publicKey) headers['x-cf-signature'] = makeSignature(this.#clientId, this.#publicKey, this.retry.now());
    return headers;
  }

  async #send(ctx: ErrorContext, method: 'GET' | 'POST', path: string, body?: string): Promise<Reply> {
    if (this.#closed) {
      throw new CashfreeError({ code: 'unavailable', retryable: false, message: 'The Cashfree connection is closed.' });
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    try {
      // Straight to the dispatcher with origin and path: the top-level request() parses a URL per call.
      const res = await this.#dispatcher.request({
        origin: this.#origin,
        path: `${this.#basePath}${path}`,
        method,
        headers: this.#headers(method),
        ...(body !== undefined ? { body } : {}),
        signal: controller.signal,
      });
      this.#budget?.observe(res.headers, res.statusCode, method === 'POST' ? 'create' : 'status');
      const raw = await readLimited(res.body, this.#maxResponseBytes);
      await connectionFreed();
      if (raw === null) {
        throw malformedAnswer(ctx, res.statusCode, `the answer is larger than ${this.#maxResponseBytes} bytes`);
      }
      const decoded = decodeBody(raw, res.headers['content-encoding'], this.#maxResponseBytes);
      if ('problem' in decoded) throw malformedAnswer(ctx, res.statusCode, decoded.problem);
      return { status: res.statusCode, headers: res.headers, text: decoded.text };
    } catch (err) {
      if (err instanceof CashfreeError) throw err;
      throw errorFromNetwork(err, ctx, timedOut);
    } finally {
      clearTimeout(timer);
    }
  }

  #read<T>(ctx: ErrorContext, reply: Reply, schema: z.ZodType<T>): T & { wire: Record<string, unknown> } {
    const success = reply.status >= 200 && reply.status < 300;
    // Every string the server sends, in any field (code, type, the error object, an unknown
    // status), is redacted here, before a log, the window, an event, history or the CLI sees it.
    // An answer keeps its personal data (it is the result); an error body loses that too.
    const own = redact(reply.text, ctx.secrets);
    const text = success ? redactor.redactSecrets(own) : redactor.redactString(own);
    let json: unknown;
    let isJson = true;
    try {
      json = JSON.parse(text);
    } catch {
      isJson = false;
    }
    if (success) {
      if (!isJson) {
        throw malformedAnswer(ctx, reply.status, text.trim() === '' ? 'the answer is empty' : 'the answer is not JSON');
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'answer';
        throw malformedAnswer(ctx, reply.status, `${where}: ${issue?.message ?? 'unexpected shape'}`, parsed.error);
      }
      // The answer exactly as Cashfree sent it, for callers that pass it on (the CLI's --json).
      return { ...parsed.data, wire: json as Record<string, unknown> };
    }
    const body = isJson ? ErrorBody.safeParse(json) : null;
    throw errorFromResponse(reply.status, body?.success ? body.data : null, ctx, serverWaitMs(reply.headers, this.retry.now()));
  }

  async #withRetry<T>(attemptOnce: () => Promise<T>): Promise<T> {
    const policy = this.retry;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await attemptOnce();
      } catch (err) {
        if (!(err instanceof CashfreeError) || !isWorthRetrying(err) || attempt >= policy.maxAttempts || this.#closed) throw err;
        const wait = err.retryAfterMs ?? backoffDelay(policy, attempt);
        if (waited + wait > policy.maxTotalWaitMs) throw err;
        waited += wait;
        await policy.sleep(wait);
      }
    }
  }
}

const RETRIED_CODES = new Set(['network_down', 'timeout', 'cashfree_down', 'rate_limited']);
/** For reads: failures that may pass by themselves. */
export const isWorthRetrying = (err: CashfreeError): boolean => err.retryable && RETRIED_CODES.has(err.code);
