// "Test connection": the app asks GET /remitter/status for an id that cannot exist. Whatever
// Cashfree answers says whether the keys, the IP whitelist or signature and the environment are
// right. This file turns that answer into plain words; the caller makes the request.
import { z } from 'zod';
import type { ProfileKind } from '../../../shared/domain.ts';
import type { ErrorCode } from '../../../shared/result.ts';
import { ipIn } from '../cashfree/errors.ts';

export type ProbeInput =
  | {
      kind: 'http';
      profile: ProfileKind;
      status: number;
      /** Parsed JSON body, or the raw text when it was not JSON. */
      body: unknown;
      /** Whether the request carried x-cf-signature (a public key is configured). */
      signed?: boolean;
    }
  | {
      kind: 'network';
      profile: ProfileKind;
      /** Host the request went to (Cashfree's or the company proxy's). */
      host: string;
      /** Node/undici error code: ENOTFOUND, ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT, CERT_HAS_EXPIRED... */
      errorCode?: string;
    };

export type ProbeCode = 'ok' | ErrorCode;

export interface ProbeOutcome {
  ok: boolean;
  code: ProbeCode;
  message: string;
}

export const PROBE_ID_PREFIX = 'rpd_probe_';

/** An id no real order has: letters, digits and underscores, within Cashfree's 50 characters. */
export const makeProbeVerificationId = (): string =>
  `${PROBE_ID_PREFIX}${globalThis.crypto.randomUUID().replace(/-/g, '')}`;

const CashfreeErrorBody = z.looseObject({
  type: z.string().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});

const envName = (profile: ProfileKind): string =>
  profile === 'production' ? 'Production' : profile === 'sandbox' ? 'Sandbox' : 'Demo';

const result = (ok: boolean, code: ProbeCode, message: string): ProbeOutcome => ({ ok, code, message });

export function mapProbeResult(input: ProbeInput): ProbeOutcome {
  return input.kind === 'network' ? mapNetworkError(input) : mapHttpAnswer(input);
}

function mapHttpAnswer(input: Extract<ProbeInput, { kind: 'http' }>): ProbeOutcome {
  const parsed = CashfreeErrorBody.safeParse(input.body);
  const code = (parsed.success ? parsed.data.code : undefined) ?? '';
  const message = (parsed.success ? parsed.data.message : typeof input.body === 'string' ? input.body : undefined) ?? '';
  const env = envName(input.profile);
  const { status } = input;

  if (status === 401) {
    return result(false, 'auth_failed', `Cashfree did not accept the client id and client secret. Copy both again from the ${env} section of the Cashfree dashboard (Developers > API keys).`);
  }

  if (status === 403) {
    const saysIp = /(^|_)ip(_|$)/i.test(code) || /\bip\b/i.test(message);
    const saysSignature = /signature/i.test(code) || /signature/i.test(message);
    if (saysSignature && !saysIp) {
      return result(false, 'signature_rejected', `Cashfree rejected the request signature. Check that the public key imported for ${env} is the one from the Cashfree dashboard and that this computer's clock is correct.`);
    }
    if (saysIp) {
      const ip = ipIn(message);
      const where = ip ? ` (Cashfree sees it as ${ip})` : '';
      return result(false, 'ip_not_whitelisted', `This computer's IP address${where} is not whitelisted for ${env}. Ask the Cashfree account admin to whitelist it, or import the public key to use signature verification instead.`);
    }
    // Cashfree said neither: the request was signed, so the signature is the likely cause; else the IP.
    return input.signed
      ? result(false, 'signature_rejected', `Cashfree refused access (403). The request was signed, so the public key imported for ${env} is probably wrong or this computer's clock is off.`)
      : result(false, 'ip_not_whitelisted', `Cashfree refused access (403). No public key is set, so this computer's IP address is probably not whitelisted for ${env}: whitelist it or import the public key.`);
  }

  if (status === 400) {
    const environment = /belongs to (test|prod\w*|live)\s+environment/i.exec(message)?.[1]?.toLowerCase();
    if (environment !== undefined) {
      const keysAreTest = environment === 'test';
      const text = keysAreTest
        ? 'These are Sandbox (test) keys, but they were sent to Production. Enter the Production keys, or switch to the Sandbox profile.'
        : 'These are Production keys, but they were sent to Sandbox. Enter the Sandbox (test) keys, or switch to the Production profile.';
      return result(false, 'wrong_environment', text);
    }
    if (/not enabled/i.test(message)) {
      return result(false, 'rpd_not_enabled', `The keys work, but Reverse Penny Drop is not enabled for this Cashfree account (${env}). Ask Cashfree support to enable it.`);
    }
    if (/^x-client-(id|secret)/i.test(code)) {
      return result(false, 'auth_failed', `Cashfree did not accept the client id or client secret for ${env}. Copy both again from the Cashfree dashboard.`);
    }
    // Any other 400 is about the made-up probe id: Cashfree got past the keys to read the request.
    return result(true, 'ok', `Connected to Cashfree ${env}: the keys work.`);
  }

  if (status === 404 || (status >= 200 && status < 300)) {
    return result(true, 'ok', `Connected to Cashfree ${env}: the keys work.`);
  }

  if (status === 407) {
    return result(false, 'network_down', 'The company proxy asks for a login the app does not have. Ask IT to allow this app through the proxy.');
  }
  if (status === 422 && /balance/i.test(`${code} ${message}`)) {
    return result(false, 'insufficient_balance', `The keys work, but the ${env} verification wallet has no balance. Top it up in the Cashfree dashboard.`);
  }
  if (status === 429) {
    return result(false, 'rate_limited', 'Cashfree says too many requests were made. Wait a minute and test again.');
  }
  if (status >= 500) {
    return result(false, 'cashfree_down', `Cashfree ${env} is having trouble right now (error ${status}). Try again in a few minutes.`);
  }
  return result(false, 'unknown', `Cashfree answered with an unexpected error ${status}. Try again; if it persists, contact Cashfree support.`);
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ABORT_ERR', 'TimeoutError']);
const LOOKUP_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL']);
const CERT_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS/i;

function mapNetworkError(input: Extract<ProbeInput, { kind: 'network' }>): ProbeOutcome {
  const { host } = input;
  const code = input.errorCode ?? '';
  if (LOOKUP_CODES.has(code)) {
    return result(false, 'network_down', `Cannot find ${host}. Check the internet connection, and the custom address if one is set.`);
  }
  if (TIMEOUT_CODES.has(code)) {
    return result(false, 'timeout', `${host} did not answer in time. Check the internet connection or the company proxy, then test again.`);
  }
  if (code === 'ECONNREFUSED') {
    return result(false, 'network_down', `${host} refused the connection. If a company proxy or custom address is set, check that it is right and running.`);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
    return result(false, 'network_down', `The connection to ${host} was cut. A firewall or the company proxy may be blocking it; test again or ask IT.`);
  }
  if (CERT_CODE.test(code)) {
    return result(false, 'network_down', `The secure connection to ${host} could not be verified. A company proxy may be inspecting traffic; ask IT to allow ${host}.`);
  }
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') {
    return result(false, 'network_down', `${host} cannot be reached from this computer. Check the internet connection.`);
  }
  return result(false, 'network_down', `Could not connect to ${host}. Check the internet connection and the company proxy settings.`);
}

const TEST_ID_PREFIX = 'TEST';
const TEST_SECRET_PREFIX = 'cfsk_ma_test_';
const PROD_SECRET_PREFIX = 'cfsk_ma_prod_';

/**
 * Refuses keys that are obviously for the other environment: Cashfree's test client ids start with
 * "TEST" and test secrets with "cfsk_ma_test_"; production secrets start with "cfsk_ma_prod_".
 * Returns the sentence to show, or null when nothing is obviously wrong. Never echoes the keys.
 */
export function checkEnvironmentMismatch(
  kind: ProfileKind,
  keys: { clientId?: string | undefined; clientSecret?: string | undefined },
): string | null {
  const idIsTest = keys.clientId?.trim().startsWith(TEST_ID_PREFIX);
  const secretIsTest = keys.clientSecret?.trim().startsWith(TEST_SECRET_PREFIX);
  const secretIsProd = keys.clientSecret?.trim().startsWith(PROD_SECRET_PREFIX);
  if (kind === 'production' && (idIsTest || secretIsTest)) {
    return 'These are Sandbox (test) keys, not Production keys. Copy the keys from the Production section of the Cashfree dashboard, or save these under the Sandbox profile.';
  }
  if (kind === 'sandbox' && secretIsProd) {
    return 'This is a Production client secret, not a Sandbox (test) one. Copy the keys from the Sandbox section of the Cashfree dashboard, or save these under the Production profile.';
  }
  return null;
}
