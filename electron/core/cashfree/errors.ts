// Every way a Cashfree call can fail, as the core's one error with a stable code and a sentence
// an agent can act on. Messages never contain the client secret (see redact()).
import type { AppError, ErrorCode } from '../../../shared/result.ts';
import { isIP } from 'node:net';
import type { ErrorBody } from './schemas.ts';
import { CoreError } from '../error.ts';

export type Operation = 'create' | 'status' | 'prewarm';

export type CashfreeErrorInit = {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  httpStatus?: number | null;
  cashfreeCode?: string | null;
  cashfreeMessage?: string | null;
  /** The request may have reached Cashfree and been carried out: the answer is unknown. */
  outcomeUnknown?: boolean;
  /** How long Cashfree asked us to wait (Retry-After / X-RateLimit-Reset), in ms. */
  retryAfterMs?: number | null;
  cause?: unknown;
};

/** The core's one error (CoreError) with what Cashfree said: status, its code and words, timing. */
export class CashfreeError extends CoreError {
  readonly httpStatus: number | null;
  readonly cashfreeCode: string | null;
  readonly cashfreeMessage: string | null;
  readonly outcomeUnknown: boolean;
  readonly retryAfterMs: number | null;

  constructor(init: CashfreeErrorInit) {
    const details: Record<string, unknown> = {};
    if (init.cashfreeMessage != null) details.cashfreeMessage = init.cashfreeMessage;
    if (init.retryAfterMs != null) details.retryAfterMs = init.retryAfterMs;
    if (init.outcomeUnknown) details.outcomeUnknown = true;
    super({ code: init.code, message: init.message, retryable: init.retryable, details, cause: init.cause });
    this.name = 'CashfreeError';
    this.httpStatus = init.httpStatus ?? null;
    this.cashfreeCode = init.cashfreeCode ?? null;
    this.cashfreeMessage = init.cashfreeMessage ?? null;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  override toAppError(): AppError {
    return { ...super.toAppError(), httpStatus: this.httpStatus, cashfreeCode: this.cashfreeCode };
  }
}

export const isCashfreeError = (e: unknown): e is CashfreeError => e instanceof CashfreeError;

/** Replaces every secret (and URL credentials) in a text that may end up on screen or in a log. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4) out = out.split(s).join('[redacted]');
  }
  // user:password@ in any URL (proxy URLs)
  return out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]*:[^/\s@]*@/gi, '$1[redacted]@');
}

/** What the error messages may say about where the call went. */
export type ErrorContext = {
  operation: Operation;
  /** e.g. "Sandbox"; messages then name the profile. */
  profileLabel?: string;
  host: string;
  /** The request carried x-cf-signature. */
  signed: boolean;
  viaProxy: boolean;
  timeoutMs: number;
  verificationId?: string;
  secrets: readonly string[];
};

const ofProfile = (ctx: ErrorContext): string => (ctx.profileLabel ? ` of the ${ctx.profileLabel} profile` : '');
const forProfile = (ctx: ErrorContext): string => (ctx.profileLabel ? ` for the ${ctx.profileLabel} profile` : '');
const seconds = (ms: number): string => {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return `${s} second${s === 1 ? '' : 's'}`;
};

const STATUS_FORMAT_CODES = new Set([
  'verification_id_missing',
  'verification_id_value_invalid',
  'verification_id_length_exceeded',
]);

/**
 * The one place the server's words are read from an error body: every string after this is
 * treated as untrusted text that has been cleaned. `type` is not read: Cashfree's types do not
 * tell its errors apart (a duplicate id is a validation_error), its HTTP status and code do.
 */
function readErrorBody(body: ErrorBody | null, ctx: ErrorContext): { code: string | null; message: string | null } {
  return {
    code: body?.code !== undefined ? redact(body.code, ctx.secrets) : null,
    message: body?.message !== undefined ? redact(body.message, ctx.secrets) : null,
  };
}

/** The IPv4 or IPv6 address in Cashfree's IP-whitelisting text, wherever it stands ("...is 1.2.3.4.For IP..."). */
export function ipIn(text: string): string | null {
  for (const m of text.matchAll(/(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\d)|(?<![0-9a-f:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![0-9a-f:])/gi)) {
    if (isIP(m[0]) !== 0) return m[0];
  }
  return null;
}

/** Maps a non-2xx answer from Cashfree (or from a gateway in front of it) to a CashfreeError. */
export function errorFromResponse(
  httpStatus: number,
  body: ErrorBody | null,
  ctx: ErrorContext,
  retryAfterMs: number | null = null,
): CashfreeError {
  const { code: cfCode, message: cfMessage } = readErrorBody(body, ctx);
  const msg = cfMessage ?? '';
  const base = { httpStatus, cashfreeCode: cfCode, cashfreeMessage: cfMessage, retryAfterMs };
  const id = ctx.verificationId ? ` ${ctx.verificationId}` : '';

  if (httpStatus === 429 || /^too_many_requests/.test(cfCode ?? '')) {
    const wait = retryAfterMs !== null ? ` Wait ${seconds(retryAfterMs)} and try again.` : ' Wait a minute and try again.';
    return new CashfreeError({
      ...base,
      code: 'rate_limited',
      retryable: true,
      message: `Cashfree is limiting requests${forProfile(ctx)} (too many in a short time).${wait}`,
    });
  }
  if (httpStatus >= 500) {
    return new CashfreeError({
      ...base,
      code: 'cashfree_down',
      retryable: true,
      // The server may have failed after creating the order.
      outcomeUnknown: ctx.operation === 'create',
      message: `Cashfree is having trouble right now (HTTP ${httpStatus}${cfMessage ? `: ${cfMessage}` : ''}). Try again in a minute.`,
    });
  }
  if (cfCode === 'x-client-secret_value_invalid' || /belongs to .*(test|prod|live|sandbox)/i.test(msg)) {
    const secretIsTest = /test|sandbox/i.test(msg);
    const secretIsProd = /prod|live/i.test(msg);
    const which = secretIsTest
      ? "belongs to Cashfree's test (Sandbox) environment, but this profile talks to Production. Use the Production keys, or choose the Sandbox profile."
      : secretIsProd
        ? "belongs to Cashfree's Production environment, but this profile talks to Sandbox. Use the Sandbox keys, or choose the Production profile."
        : 'does not belong to the environment this profile talks to. Check the keys and the profile in Settings.';
    return new CashfreeError({
      ...base,
      code: 'wrong_environment',
      retryable: false,
      message: `The client secret${ofProfile(ctx)} ${which}`,
    });
  }
  if (httpStatus === 401 || cfCode === 'authentication_failed') {
    return new CashfreeError({
      ...base,
      code: 'auth_failed',
      retryable: false,
      message: `Cashfree rejected the client ID and secret${ofProfile(ctx)}. Check them in Settings.`,
    });
  }
  if (cfCode === 'x-client-id_missing' || cfCode === 'x-client-secret_missing') {
    const what = cfCode === 'x-client-id_missing' ? 'client ID' : 'client secret';
    return new CashfreeError({
      ...base,
      code: 'auth_failed',
      retryable: false,
      message: `Cashfree did not receive a ${what}${ofProfile(ctx)}. Enter it in Settings.`,
    });
  }
  if (httpStatus === 403) {
    if (cfCode === 'ip_validation_failed' || /\bip\b.*whitelist/i.test(msg)) {
      const ip = ipIn(msg);
      return new CashfreeError({
        ...base,
        code: 'ip_not_whitelisted',
        retryable: false,
        message:
          `Cashfree refused this computer's IP address${ip ? ` (${ip})` : ''}${forProfile(ctx)}: it is not whitelisted. ` +
          'Add it in the Cashfree dashboard (Developers > Two-Factor Authentication), or add the public key in Settings to sign requests instead.',
      });
    }
    if (/signature/i.test(cfCode ?? '') || /signature/i.test(msg)) {
      return new CashfreeError({
        ...base,
        code: 'signature_rejected',
        retryable: false,
        message: ctx.signed
          ? `Cashfree rejected the request signature${forProfile(ctx)}. Check that the public key in Settings is the one from the Cashfree dashboard and that this computer's clock is right.`
          : `Cashfree expects signed requests${forProfile(ctx)}. Add the public key from the Cashfree dashboard in Settings.`,
      });
    }
  }
  if (httpStatus === 422 || cfCode === 'insufficient_balance') {
    return new CashfreeError({
      ...base,
      code: 'insufficient_balance',
      retryable: false,
      message: `The Cashfree verification wallet${ofProfile(ctx)} does not have enough balance. Add funds in the Cashfree dashboard, then try again.`,
    });
  }
  if (/not enabled/i.test(msg)) {
    return new CashfreeError({
      ...base,
      code: 'rpd_not_enabled',
      retryable: false,
      message: `Reverse Penny Drop is not enabled for this Cashfree account${ofProfile(ctx)}. Ask Cashfree to enable it.`,
    });
  }
  if (httpStatus === 409 || /already exists/i.test(msg) || (cfCode === 'invalid_verification_id' && ctx.operation === 'create')) {
    return new CashfreeError({
      ...base,
      code: 'duplicate_id',
      retryable: false,
      message: `Cashfree already has an order with the ID${id}: use another ID.`,
    });
  }
  if (
    ctx.operation === 'status' &&
    (httpStatus === 404 ||
      (httpStatus === 400 &&
        !STATUS_FORMAT_CODES.has(cfCode ?? '') &&
        /valid (verification_id|ref_id|reference)|not found|does not exist|no (such )?(record|order|verification)|invalid_(verification|ref)_id/i.test(
          `${msg} ${cfCode ?? ''}`,
        )))
  ) {
    return new CashfreeError({
      ...base,
      code: 'not_found',
      retryable: false,
      message: `Cashfree has no order with the ID${id}.`,
    });
  }
  if (httpStatus === 400) {
    return new CashfreeError({
      ...base,
      code: 'invalid_input',
      retryable: false,
      message: `Cashfree did not accept the request: ${cfMessage ?? cfCode ?? 'validation error'}.`,
    });
  }
  return new CashfreeError({
    ...base,
    code: 'unknown',
    retryable: false,
    message: `Cashfree answered HTTP ${httpStatus}${cfCode ? ` (${cfCode})` : ''}: ${cfMessage ?? 'no explanation given'}.`,
  });
}

const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_PRX_CONN',
  'UND_ERR_PRX_TLS',
]);

const TLS_TRUST = /^(CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_TLS_CERT|ERR_SSL|EPROTO)/;

/** Error codes along err.cause chains and inside AggregateErrors (happy eyeballs). */
function errorCodes(err: unknown, seen = new Set<unknown>()): string[] {
  if (err === null || typeof err !== 'object' || seen.has(err)) return [];
  seen.add(err);
  const out: string[] = [];
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') out.push(e.code);
  out.push(...errorCodes(e.cause, seen));
  if (Array.isArray(e.errors)) for (const inner of e.errors) out.push(...errorCodes(inner, seen));
  return out;
}

/** Maps a failure with no HTTP answer (socket, DNS, TLS, proxy, timeout) to a CashfreeError. */
export function errorFromNetwork(err: unknown, ctx: ErrorContext, timedOut: boolean): CashfreeError {
  const codes = errorCodes(err);
  const proxyHint = ctx.viaProxy ? ' and the proxy settings' : '';
  const rawMessage = err instanceof Error ? err.message : String(err);
  const detail = redact(codes[0] ?? rawMessage, ctx.secrets);

  if (timedOut || codes.includes('UND_ERR_HEADERS_TIMEOUT') || codes.includes('UND_ERR_BODY_TIMEOUT')) {
    return new CashfreeError({
      code: 'timeout',
      retryable: true,
      outcomeUnknown: true,
      cause: err,
      message: `Cashfree did not answer within ${seconds(ctx.timeoutMs)}. Check the internet connection${proxyHint}, then try again.`,
    });
  }
  const tls = codes.find((c) => TLS_TRUST.test(c));
  if (tls) {
    return new CashfreeError({
      code: 'network_down',
      retryable: false,
      cause: err,
      message:
        `The secure connection to ${ctx.host} could not be verified (${tls}). ` +
        'A company proxy or antivirus may be intercepting HTTPS: ask IT to allow Cashfree, or check the proxy settings.',
    });
  }
  if (/Proxy response \((\d+)\)/.test(rawMessage) || codes.includes('UND_ERR_PRX_CONN') || codes.includes('UND_ERR_PRX_TLS')) {
    const status = /Proxy response \((\d+)\)/.exec(rawMessage)?.[1];
    return new CashfreeError({
      code: 'network_down',
      retryable: status !== '407',
      cause: err,
      message:
        status === '407'
          ? 'The proxy asks for a user name and password. Add them to the proxy address in Settings (http://user:password@host:port).'
          : `The proxy could not connect to ${ctx.host}${status ? ` (HTTP ${status})` : ''}. Check the proxy settings.`,
    });
  }
  if (codes.some((c) => NEVER_SENT.has(c))) {
    return new CashfreeError({
      code: 'network_down',
      retryable: true,
      cause: err,
      message: `Could not connect to ${ctx.host} (${detail}). Check the internet connection${proxyHint}, then try again.`,
    });
  }
  // Reset, closed or broken connection after it was open: the request may have been carried out.
  return new CashfreeError({
    code: 'network_down',
    retryable: true,
    outcomeUnknown: true,
    cause: err,
    message: `The connection to ${ctx.host} broke before Cashfree answered (${detail}). Check the internet connection${proxyHint}, then try again.`,
  });
}

/** A 2xx answer whose body is not what Cashfree documents. */
export function malformedAnswer(ctx: ErrorContext, httpStatus: number, detail: string, cause?: unknown): CashfreeError {
  return new CashfreeError({
    code: 'malformed_answer',
    retryable: false,
    httpStatus,
    outcomeUnknown: ctx.operation === 'create',
    cause,
    message: `Cashfree sent an answer the app cannot read (${redact(detail, ctx.secrets)}). If this keeps happening, a proxy may be changing the traffic.`,
  });
}

export function invalidInput(message: string): CashfreeError {
  return new CashfreeError({ code: 'invalid_input', retryable: false, message });
}
