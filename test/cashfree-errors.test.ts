// The documented Cashfree error answers (shared/cashfree-rpd.md) and what each becomes.
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/result.ts';
import { CashfreeError, errorFromNetwork, errorFromResponse, redact, type ErrorContext } from '../electron/core/cashfree/errors.ts';

const SECRET = 'cfsk_ma_test_7f3e2d1c0b9a8877';
const ctx = (over: Partial<ErrorContext> = {}): ErrorContext => ({
  operation: 'create',
  profileLabel: 'Sandbox',
  host: 'sandbox.cashfree.com',
  signed: false,
  viaProxy: false,
  timeoutMs: 20_000,
  verificationId: 'rpd_abc',
  secrets: [SECRET],
  ...over,
});

const documented: Array<[number, string, string, string, string, Partial<ErrorContext>?]> = [
  [400, 'validation_error', 'verification_id_missing', 'verification_id is missing in the request', 'invalid_input'],
  [400, 'validation_error', 'verification_id_value_invalid', 'verification_id : should contain only alphabets, numbers, period, hyphen and underscore', 'invalid_input'],
  [400, 'validation_error', 'verification_id_length_exceeded', 'verification_id : should not exceed 50 characters', 'invalid_input'],
  [400, 'validation_error', 'invalid_verification_id', 'verification_id already exists', 'duplicate_id'],
  [400, 'validation_error', 'x-client-id_missing', 'x-client-id is missing in the request', 'auth_failed'],
  [400, 'validation_error', 'x-client-secret_value_invalid', 'Client secret belongs to test environment', 'wrong_environment'],
  [400, 'validation_error', 'x-client-secret_value_invalid', 'Client secret belongs to production environment', 'wrong_environment'],
  [400, 'invalid_request', 'invalid_request', 'Reverse Penny Drop is not enabled for this account', 'rpd_not_enabled'],
  [400, 'invalid_request', 'invalid_request', 'Please provide verification_id or ref_id', 'invalid_input', { operation: 'status' }],
  [400, 'validation_error', 'invalid_request', 'Please enter a valid verification_id', 'not_found', { operation: 'status' }],
  [400, 'validation_error', 'invalid_request', 'Please enter a valid verification_id / ref_id', 'not_found', { operation: 'status' }],
  [400, 'validation_error', 'invalid_request', 'Please enter a valid ref_id', 'not_found', { operation: 'status' }],
  [401, 'authentication_error', 'authentication_failed', 'Invalid clientId and clientSecret combination', 'auth_failed'],
  [403, 'authentication_error', 'ip_validation_failed', 'IP not whitelisted your current ip is 106.51.91.104.For IP whitelisting assistance, visit the dashboard', 'ip_not_whitelisted'],
  [403, 'authentication_error', 'signature_invalid', 'Signature mismatch', 'signature_rejected', { signed: true }],
  [403, 'authentication_error', 'signature_invalid', 'x-cf-signature is missing in the request', 'signature_rejected'],
  [422, 'validation_error', 'insufficient_balance', 'not enough balance in the verification wallet', 'insufficient_balance'],
  [429, 'rate_limit_error', 'too_many_requests_per_operation', 'Too many requests', 'rate_limited'],
  [429, 'rate_limit_error', 'too_many_requests_per_ip', 'Too many requests', 'rate_limited'],
  [500, 'internal_error', 'verification_failed', 'Unable to validate, please retry later', 'cashfree_down'],
  [500, 'internal_error', 'api_error', 'Something went wrong', 'cashfree_down'],
  [502, 'internal_error', 'verification_failed', 'verification attempt failed', 'cashfree_down'],
  [418, 'weird_error', 'teapot', 'I am a teapot', 'unknown'],
];

describe('errorFromResponse', () => {
  it.each(documented)('%i %s %s -> %s', (status, type, code, message, expected, over) => {
    const err = errorFromResponse(status, { type, code, message }, ctx(over));
    expect(err).toBeInstanceOf(CashfreeError);
    expect(err.code).toBe(expected);
    expect(err.httpStatus).toBe(status);
    expect(err.cashfreeCode).toBe(code);
    expect(err.message.length).toBeGreaterThan(20);
    expect(err.message).not.toContain(SECRET);
    const app = AppError.parse(err.toAppError());
    expect(app.code).toBe(expected);
    expect(app.retryable).toBe(['rate_limited', 'cashfree_down'].includes(expected));
  });

  it('speaks to the agent about the profile and what to do', () => {
    const auth = errorFromResponse(401, { type: 'authentication_error', code: 'authentication_failed', message: 'x' }, ctx());
    expect(auth.message).toBe('Cashfree rejected the client ID and secret of the Sandbox profile. Check them in Settings.');
    const ip = errorFromResponse(403, { code: 'ip_validation_failed', message: 'IP not whitelisted your current ip is 1.2.3.4' }, ctx());
    expect(ip.message).toContain('(1.2.3.4)');
    const env = errorFromResponse(400, { code: 'x-client-secret_value_invalid', message: 'Client secret belongs to test environment' }, ctx({ profileLabel: 'Production' }));
    expect(env.message).toMatch(/test \(Sandbox\) environment, but this profile talks to Production/);
    const unknown = errorFromResponse(418, { code: 'teapot', message: 'I am a teapot' }, ctx());
    expect(unknown.message).toContain('I am a teapot');
  });

  it('finds the IP wherever it stands in the 403 text, so the agent can ask for exactly that one', () => {
    for (const [text, ip] of [
      ['IP not whitelisted your current ip is 106.51.91.104.For IP whitelisting assistance, visit https://www.cashfree.com', '106.51.91.104'],
      ['IP not whitelisted your current ip is 203.0.113.7', '203.0.113.7'],
      ['your current ip is 2001:db8::7.For help visit https://x.example', '2001:db8::7'],
      ['IP not whitelisted, version 1.2.3 of the rules', null],
    ] as const) {
      const err = errorFromResponse(403, { code: 'ip_validation_failed', message: text }, ctx());
      expect(err.code).toBe('ip_not_whitelisted');
      if (ip) expect(err.message).toContain(`(${ip})`);
      else expect(err.message).not.toMatch(/\(\d/);
    }
  });

  it('maps by HTTP status and code, never by type', () => {
    for (const type of ['validation_error', 'invalid_request', 'rate_limit_error', 'api_error', undefined]) {
      expect(errorFromResponse(400, { type, code: 'invalid_verification_id', message: 'verification_id already exists' }, ctx()).code).toBe('duplicate_id');
      expect(errorFromResponse(400, { type, code: 'verification_id_missing', message: 'verification_id is missing in the request' }, ctx()).code).toBe('invalid_input');
      expect(errorFromResponse(502, { type, code: 'verification_failed', message: 'verification attempt failed' }, ctx()).code).toBe('cashfree_down');
    }
    expect(errorFromResponse(400, { type: 'rate_limit_error', code: 'odd', message: 'x' }, ctx()).code).not.toBe('rate_limited');
  });

  it('marks a 5xx on create as possibly carried out, but not a 4xx', () => {
    expect(errorFromResponse(502, null, ctx()).outcomeUnknown).toBe(true);
    expect(errorFromResponse(500, null, ctx({ operation: 'status' })).outcomeUnknown).toBe(false);
    expect(errorFromResponse(401, null, ctx()).outcomeUnknown).toBe(false);
  });

  it('maps answers without a Cashfree body by HTTP status (gateway pages)', () => {
    expect(errorFromResponse(503, null, ctx()).code).toBe('cashfree_down');
    expect(errorFromResponse(429, null, ctx(), 3000).retryAfterMs).toBe(3000);
    expect(errorFromResponse(401, null, ctx()).code).toBe('auth_failed');
    expect(errorFromResponse(404, null, ctx({ operation: 'status' })).code).toBe('not_found');
  });

  it('never repeats the secret, even when the server echoes it', () => {
    const err = errorFromResponse(400, { code: 'odd', message: `bad secret ${SECRET} given` }, ctx());
    expect(err.message).not.toContain(SECRET);
    expect(JSON.stringify(err.toAppError())).not.toContain(SECRET);
  });
});

describe('errorFromNetwork', () => {
  const withCode = (code: string, message = code): Error => Object.assign(new Error(message), { code });

  it('refused, unresolved and connect timeouts never reached Cashfree', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']) {
      const err = errorFromNetwork(withCode(code), ctx(), false);
      expect(err.code).toBe('network_down');
      expect(err.outcomeUnknown).toBe(false);
      expect(err.retryable).toBe(true);
    }
    const happyEyeballs = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'all failed');
    expect(errorFromNetwork(happyEyeballs, ctx(), false).outcomeUnknown).toBe(false);
  });

  it('a broken connection or a timeout may have been carried out', () => {
    const reset = errorFromNetwork(withCode('UND_ERR_SOCKET', 'other side closed'), ctx(), false);
    expect(reset).toMatchObject({ code: 'network_down', outcomeUnknown: true });
    const timeout = errorFromNetwork(new Error('aborted'), ctx(), true);
    expect(timeout).toMatchObject({ code: 'timeout', outcomeUnknown: true, retryable: true });
    expect(timeout.message).toContain('20 seconds');
  });

  it('explains TLS interception and proxy authentication', () => {
    const tls = errorFromNetwork(withCode('SELF_SIGNED_CERT_IN_CHAIN'), ctx(), false);
    expect(tls.message).toMatch(/proxy/);
    expect(tls.retryable).toBe(false);
    const proxy = errorFromNetwork(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), ctx({ viaProxy: true }), false);
    expect(proxy.message).toMatch(/user name and password/);
  });
});

describe('redact', () => {
  it('removes secrets and URL credentials', () => {
    expect(redact(`x ${SECRET} y`, [SECRET])).toBe('x [redacted] y');
    expect(redact('via http://bob:hunter2@proxy:8080 failed', [])).toBe('via http://[redacted]@proxy:8080 failed');
  });
});
