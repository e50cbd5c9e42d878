// "Test connection" answers mapped to plain words, and obvious wrong-environment keys refused.
import { describe, expect, test } from 'vitest';
import { checkEnvironmentMismatch, makeProbeVerificationId, mapProbeResult } from '../electron/core/settings/probe.ts';
import type { ProbeCode } from '../electron/core/settings/probe.ts';
import type { ProfileKind } from '../shared/domain.ts';
import { PRODUCTION_KEYS, SANDBOX_KEYS } from './settings-fixtures.ts';

const body = (code: string, message: string, type = 'authentication_error') => ({ type, code, message });

type Row = {
  name: string;
  profile: ProfileKind;
  status: number;
  body: unknown;
  signed?: boolean;
  ok: boolean;
  code: ProbeCode;
  says: RegExp;
};

const HTTP_TABLE: Row[] = [
  { name: '401 wrong id/secret', profile: 'production', status: 401, body: body('authentication_failed', 'Invalid clientId and clientSecret combination'), ok: false, code: 'auth_failed', says: /did not accept the client id and client secret.*Production/ },
  { name: '403 IP not whitelisted, with the IP', profile: 'production', status: 403, body: body('ip_validation_failed', 'IP not whitelisted your current ip is 203.0.113.7'), ok: false, code: 'ip_not_whitelisted', says: /IP address \(Cashfree sees it as 203\.0\.113\.7\) is not whitelisted for Production/ },
  { name: '403 IP not whitelisted, the IP followed by more text', profile: 'production', status: 403, body: body('ip_validation_failed', 'IP not whitelisted your current ip is 106.51.91.104.For IP whitelisting assistance, visit https://www.cashfree.com'), ok: false, code: 'ip_not_whitelisted', says: /Cashfree sees it as 106\.51\.91\.104\)/ },
  { name: '403 signature rejected', profile: 'production', status: 403, body: body('signature_invalid', 'Signature mismatch'), signed: true, ok: false, code: 'signature_rejected', says: /rejected the request signature/ },
  { name: '403 without a hint, signed', profile: 'production', status: 403, body: 'Forbidden', signed: true, ok: false, code: 'signature_rejected', says: /request was signed/ },
  { name: '403 without a hint, unsigned', profile: 'sandbox', status: 403, body: {}, ok: false, code: 'ip_not_whitelisted', says: /No public key is set.*Sandbox/ },
  { name: '400 for the probe id: keys work', profile: 'sandbox', status: 400, body: body('invalid_request', 'verification_id does not exist', 'invalid_request'), ok: true, code: 'ok', says: /keys work/ },
  { name: '404 for the probe id: keys work', profile: 'production', status: 404, body: body('verification_not_found', 'not found', 'invalid_request'), ok: true, code: 'ok', says: /Connected to Cashfree Production/ },
  { name: 'test secret against Production', profile: 'production', status: 400, body: body('x-client-secret_value_invalid', 'Client secret belongs to test environment', 'validation_error'), ok: false, code: 'wrong_environment', says: /Sandbox \(test\) keys, but they were sent to Production/ },
  { name: 'production secret against Sandbox', profile: 'sandbox', status: 400, body: body('x-client-secret_value_invalid', 'Client secret belongs to production environment', 'validation_error'), ok: false, code: 'wrong_environment', says: /Production keys, but they were sent to Sandbox/ },
  { name: '400 other client-secret problem', profile: 'sandbox', status: 400, body: body('x-client-secret_value_invalid', 'x-client-secret is invalid', 'validation_error'), ok: false, code: 'auth_failed', says: /client id or client secret/ },
  { name: 'RPD not enabled', profile: 'production', status: 400, body: body('invalid_request', 'Reverse Penny Drop is not enabled for this account', 'invalid_request'), ok: false, code: 'rpd_not_enabled', says: /not enabled/ },
  { name: '429', profile: 'sandbox', status: 429, body: body('too_many_requests_per_ip', 'Too many requests', 'rate_limit_error'), ok: false, code: 'rate_limited', says: /Wait a minute/ },
  { name: '502', profile: 'production', status: 502, body: body('verification_failed', 'upstream', 'api_error'), ok: false, code: 'cashfree_down', says: /error 502/ },
  { name: '407 from a proxy', profile: 'production', status: 407, body: 'Proxy Authentication Required', ok: false, code: 'network_down', says: /proxy/ },
  { name: '418 unexpected', profile: 'production', status: 418, body: null, ok: false, code: 'unknown', says: /unexpected error 418/ },
];

describe('mapProbeResult: HTTP answers', () => {
  test.each(HTTP_TABLE)('$name', (row) => {
    const outcome = mapProbeResult({ kind: 'http', profile: row.profile, status: row.status, body: row.body, ...(row.signed ? { signed: true } : {}) });
    expect(outcome.ok).toBe(row.ok);
    expect(outcome.code).toBe(row.code);
    expect(outcome.message).toMatch(row.says);
  });
});

const NETWORK_TABLE: { errorCode: string | undefined; code: ProbeCode; says: RegExp }[] = [
  { errorCode: 'ENOTFOUND', code: 'network_down', says: /Cannot find api\.cashfree\.com/ },
  { errorCode: 'EAI_AGAIN', code: 'network_down', says: /Cannot find api\.cashfree\.com/ },
  { errorCode: 'ECONNREFUSED', code: 'network_down', says: /api\.cashfree\.com refused the connection/ },
  { errorCode: 'UND_ERR_CONNECT_TIMEOUT', code: 'timeout', says: /api\.cashfree\.com did not answer in time/ },
  { errorCode: 'ETIMEDOUT', code: 'timeout', says: /did not answer in time/ },
  { errorCode: 'ECONNRESET', code: 'network_down', says: /connection to api\.cashfree\.com was cut/ },
  { errorCode: 'SELF_SIGNED_CERT_IN_CHAIN', code: 'network_down', says: /could not be verified.*api\.cashfree\.com/ },
  { errorCode: 'CERT_HAS_EXPIRED', code: 'network_down', says: /could not be verified/ },
  { errorCode: undefined, code: 'network_down', says: /Could not connect to api\.cashfree\.com/ },
];

describe('mapProbeResult: network errors name the host', () => {
  test.each(NETWORK_TABLE)('$errorCode', (row) => {
    const outcome = mapProbeResult({ kind: 'network', profile: 'production', host: 'api.cashfree.com', ...(row.errorCode ? { errorCode: row.errorCode } : {}) });
    expect(outcome.ok).toBe(false);
    expect(outcome.code).toBe(row.code);
    expect(outcome.message).toMatch(row.says);
  });
});

describe('probe id', () => {
  test('fits Cashfree verification_id rules and differs every time', () => {
    const a = makeProbeVerificationId();
    const b = makeProbeVerificationId();
    expect(a).toMatch(/^[A-Za-z0-9._-]{1,50}$/);
    expect(a).not.toBe(b);
  });
});

describe('checkEnvironmentMismatch', () => {
  test('matching keys pass', () => {
    expect(checkEnvironmentMismatch('sandbox', SANDBOX_KEYS)).toBeNull();
    expect(checkEnvironmentMismatch('production', PRODUCTION_KEYS)).toBeNull();
    expect(checkEnvironmentMismatch('production', {})).toBeNull();
  });
  test('test keys for Production are refused, by id or by secret alone', () => {
    expect(checkEnvironmentMismatch('production', SANDBOX_KEYS)).toMatch(/Sandbox \(test\) keys, not Production keys/);
    expect(checkEnvironmentMismatch('production', { clientId: SANDBOX_KEYS.clientId })).toMatch(/Sandbox/);
    expect(checkEnvironmentMismatch('production', { clientSecret: SANDBOX_KEYS.clientSecret })).toMatch(/Sandbox/);
  });
  test('a production secret for Sandbox is refused', () => {
    expect(checkEnvironmentMismatch('sandbox', { clientSecret: PRODUCTION_KEYS.clientSecret })).toMatch(/Production client secret, not a Sandbox/);
  });
  test('the sentence never quotes the keys', () => {
    const sentence = checkEnvironmentMismatch('production', SANDBOX_KEYS) ?? '';
    expect(sentence).not.toContain(SANDBOX_KEYS.clientId);
    expect(sentence).not.toContain(SANDBOX_KEYS.clientSecret);
  });
});
