// "Test connection": the probe's answer read from the error the real client built (one
// translator, so the precise TLS / DNS / refused sentence reaches the agent), and obvious
// wrong-environment keys refused.
import { describe, expect, test } from 'vitest';
import { checkEnvironmentMismatch, makeProbeVerificationId, toProbeOutcome } from '../electron/core/settings/probe.ts';
import { errorFromNetwork, errorFromResponse, type ErrorContext } from '../electron/core/cashfree/errors.ts';
import { coreError } from '../electron/core/error.ts';
import type { ProbeOutcome } from '../shared/contract.ts';
import type { ProfileKind } from '../shared/domain.ts';
import { PRODUCTION_KEYS, SANDBOX_KEYS } from './settings-fixtures.ts';

const body = (code: string, message: string, type = 'authentication_error') => ({ type, code, message });
const LABELS = { demo: 'Demo', sandbox: 'Sandbox', production: 'Production' } as const;
const ctx = (profile: ProfileKind, signed = false): ErrorContext => ({
  operation: 'status',
  profileLabel: LABELS[profile],
  host: 'api.cashfree.com',
  signed,
  viaProxy: false,
  timeoutMs: 20_000,
  verificationId: 'rpd_probe_x',
  secrets: [],
});

type Row = {
  name: string;
  profile: ProfileKind;
  status: number;
  body: ReturnType<typeof body> | null;
  signed?: boolean;
  ok: boolean;
  code: ProbeOutcome['code'];
  says: RegExp;
};

const HTTP_TABLE: Row[] = [
  { name: '401 wrong id/secret', profile: 'production', status: 401, body: body('authentication_failed', 'Invalid clientId and clientSecret combination'), ok: false, code: 'auth_failed', says: /rejected the client ID and secret of the Production profile/ },
  { name: '403 IP not whitelisted, with the IP', profile: 'production', status: 403, body: body('ip_validation_failed', 'IP not whitelisted your current ip is 203.0.113.7'), ok: false, code: 'ip_not_whitelisted', says: /IP address \(203\.0\.113\.7\) for the Production profile: it is not whitelisted/ },
  { name: '403 IP not whitelisted, the IP followed by more text', profile: 'production', status: 403, body: body('ip_validation_failed', 'IP not whitelisted your current ip is 106.51.91.104.For IP whitelisting assistance, visit https://www.cashfree.com'), ok: false, code: 'ip_not_whitelisted', says: /IP address \(106\.51\.91\.104\)/ },
  { name: '403 signature rejected', profile: 'production', status: 403, body: body('signature_invalid', 'Signature mismatch'), signed: true, ok: false, code: 'signature_rejected', says: /rejected the request signature/ },
  { name: '403 without a hint, signed', profile: 'production', status: 403, body: null, signed: true, ok: false, code: 'signature_rejected', says: /request was signed/ },
  { name: '403 without a hint, unsigned', profile: 'sandbox', status: 403, body: null, ok: false, code: 'ip_not_whitelisted', says: /No public key is set.*Sandbox/ },
  { name: '400 for the probe id: keys work', profile: 'sandbox', status: 400, body: body('invalid_request', 'verification_id does not exist', 'invalid_request'), ok: true, code: 'ok', says: /keys work/ },
  { name: '400 asking for an id: keys work', profile: 'sandbox', status: 400, body: body('invalid_request', 'Please provide verification_id or ref_id', 'invalid_request'), ok: true, code: 'ok', says: /keys work/ },
  { name: '404 for the probe id: keys work', profile: 'production', status: 404, body: body('verification_not_found', 'not found', 'invalid_request'), ok: true, code: 'ok', says: /Connected to Cashfree Production/ },
  { name: 'test secret against Production', profile: 'production', status: 400, body: body('x-client-secret_value_invalid', 'Client secret belongs to test environment', 'validation_error'), ok: false, code: 'wrong_environment', says: /test \(Sandbox\) environment, but this profile talks to Production/ },
  { name: 'production secret against Sandbox', profile: 'sandbox', status: 400, body: body('x-client-secret_value_invalid', 'Client secret belongs to production environment', 'validation_error'), ok: false, code: 'wrong_environment', says: /Production environment, but this profile talks to Sandbox/ },
  { name: '400 client id missing', profile: 'sandbox', status: 400, body: body('x-client-id_missing', 'x-client-id is missing in the request', 'validation_error'), ok: false, code: 'auth_failed', says: /did not receive a client ID/ },
  { name: 'RPD not enabled', profile: 'production', status: 400, body: body('invalid_request', 'Reverse Penny Drop is not enabled for this account', 'invalid_request'), ok: false, code: 'rpd_not_enabled', says: /not enabled/ },
  { name: '422 no balance', profile: 'production', status: 422, body: body('insufficient_balance', 'not enough balance', 'validation_error'), ok: false, code: 'insufficient_balance', says: /does not have enough balance/ },
  { name: '429', profile: 'sandbox', status: 429, body: body('too_many_requests_per_ip', 'Too many requests', 'rate_limit_error'), ok: false, code: 'rate_limited', says: /Wait a minute/ },
  { name: '502', profile: 'production', status: 502, body: body('verification_failed', 'upstream', 'api_error'), ok: false, code: 'cashfree_down', says: /HTTP 502/ },
  { name: '418 unexpected', profile: 'production', status: 418, body: null, ok: false, code: 'unknown', says: /HTTP 418/ },
];

describe('toProbeOutcome: HTTP answers', () => {
  test.each(HTTP_TABLE)('$name', (row) => {
    const err = errorFromResponse(row.status, row.body, ctx(row.profile, row.signed));
    const outcome = toProbeOutcome(row.profile, err, row.signed ?? false);
    expect(outcome.ok).toBe(row.ok);
    expect(outcome.code).toBe(row.code);
    expect(outcome.message).toMatch(row.says);
  });
});

const net = (code: string): Error => Object.assign(new Error(`connect ${code}`), { code });

const NETWORK_TABLE: { name: string; err: Error; timedOut?: boolean; code: ProbeOutcome['code']; says: RegExp }[] = [
  { name: 'ENOTFOUND', err: net('ENOTFOUND'), code: 'network_down', says: /Could not connect to api\.cashfree\.com \(ENOTFOUND\)/ },
  { name: 'ECONNREFUSED', err: net('ECONNREFUSED'), code: 'network_down', says: /Could not connect to api\.cashfree\.com \(ECONNREFUSED\)/ },
  { name: 'connect timeout', err: net('UND_ERR_CONNECT_TIMEOUT'), code: 'network_down', says: /Could not connect to api\.cashfree\.com \(UND_ERR_CONNECT_TIMEOUT\)/ },
  { name: 'whole-request timeout', err: new Error('aborted'), timedOut: true, code: 'timeout', says: /did not answer within 20 seconds/ },
  { name: 'ECONNRESET', err: net('ECONNRESET'), code: 'network_down', says: /connection to api\.cashfree\.com broke/ },
  { name: 'self-signed certificate', err: net('SELF_SIGNED_CERT_IN_CHAIN'), code: 'network_down', says: /secure connection to api\.cashfree\.com could not be verified \(SELF_SIGNED_CERT_IN_CHAIN\)/ },
  { name: 'expired certificate', err: net('CERT_HAS_EXPIRED'), code: 'network_down', says: /could not be verified \(CERT_HAS_EXPIRED\)/ },
  { name: 'proxy login', err: new Error('Proxy response (407) !== 200 when HTTP Tunneling'), code: 'network_down', says: /proxy asks for a user name and password/ },
];

describe("toProbeOutcome: network failures keep the client's precise sentence", () => {
  test.each(NETWORK_TABLE)('$name', (row) => {
    const err = errorFromNetwork(row.err, ctx('production'), row.timedOut ?? false);
    const outcome = toProbeOutcome('production', err, false);
    expect(outcome).toEqual({ ok: false, code: row.code, message: err.message });
    expect(outcome.message).toMatch(row.says);
  });
});

describe('toProbeOutcome: refused before any call', () => {
  test('missing keys say so', () => {
    const err = coreError('not_configured', 'No Sandbox keys are saved yet. Enter the client id and client secret in Settings.');
    expect(toProbeOutcome('sandbox', err, false)).toEqual({ ok: false, code: 'not_configured', message: err.message });
  });
  test('a call that answers is a working connection', () => {
    expect(toProbeOutcome('sandbox', null, false)).toEqual({ ok: true, code: 'ok', message: 'Connected to Cashfree Sandbox: the keys work.' });
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
