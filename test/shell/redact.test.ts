import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../electron/core/log/redact.ts';

const PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
-----END PUBLIC KEY-----`;

describe('Redactor.redactString', () => {
  const r = new Redactor();

  it('masks header and field values that carry secrets', () => {
    const out = r.redactString(
      'x-client-secret: s3cr3tValue123 x-cf-signature=QUJDREVGR0hJSktMTU5PUA== Authorization: Bearer eyJhbGciOi.abc.def {"client_secret":"abcd1234"}',
    );
    expect(out).not.toContain('s3cr3tValue123');
    expect(out).not.toContain('QUJDREVGR0hJSktMTU5PUA==');
    expect(out).not.toContain('eyJhbGciOi');
    expect(out).not.toContain('abcd1234');
    expect(out).toContain(`x-client-secret: ${REDACTED}`);
    expect(out).toContain(`Authorization: ${REDACTED}`);
  });

  it('masks Cashfree secret keys wherever they appear', () => {
    const out = r.redactString('using key cfsk_ma_prod_0a1b2c3d4e5f6a7b8c9d_e1f2a3b4 for the call');
    expect(out).toBe(`using key cfsk_${REDACTED} for the call`);
  });

  it('removes PEM blocks', () => {
    const out = r.redactString(`key loaded:\n${PEM}\ndone`);
    expect(out).toBe('key loaded:\n[REDACTED PEM]\ndone');
  });

  it('keeps only the last 4 digits of account numbers (9-18 digits)', () => {
    expect(r.redactString('account 026291800001191 ifsc YESB0000262')).toBe('account XXXXXXXXXXX1191 ifsc YESB0000262');
    expect(r.redactString('{"bank_account":"123456789"}')).toBe('{"bank_account":"XXXXX6789"}');
    // Shorter numbers, versions and ids with letters are not account numbers.
    expect(r.redactString('ref 1234 v45.5.0 port 51234 id rpd_1732520000000_ab')).toBe('ref 1234 v45.5.0 port 51234 id rpd_1732520000000_ab');
    expect(r.redactString('1234567890123456789')).toBe('1234567890123456789');
  });

  it('masks UPI ids but not e-mail addresses', () => {
    expect(r.redactString('paid from success@upi and ravi.k-9@okhdfcbank')).toBe('paid from su***@upi and ra***@okhdfcbank');
    expect(r.redactString('write to support@example.com')).toBe('write to support@example.com');
  });

  it('masks secrets registered at run time, longest first', () => {
    const local = new Redactor();
    local.registerSecret('TESTabc');
    local.registerSecret('TESTabcLONGER');
    expect(local.redactString('got TESTabcLONGER and TESTabc back')).toBe(`got ${REDACTED} and ${REDACTED} back`);
    local.forgetSecret('TESTabc');
    expect(local.redactString('TESTabc')).toBe('TESTabc');
    local.registerSecret('ab'); // too short to mask safely: ignored
    expect(local.redactString('abc')).toBe('abc');
  });
});

describe('Redactor.redact (objects)', () => {
  it('returns a scrubbed deep copy and leaves the input untouched', () => {
    const r = new Redactor();
    const input = {
      headers: { 'x-client-id': 'CF123', 'x-client-secret': 'plainsecret', 'X-Cf-Signature': 'sig' },
      body: { verification_id: 'rpd_1', name_at_bank: 'RAVI KUMAR', bank_account: '026291800001191', upi: 'ravi@ybl' },
      nested: [{ password: 'hunter2' }, 'cfsk_ma_test_zzz'],
      count: 1732520000000,
    };
    const out = r.redact(input) as typeof input;
    expect(out.headers).toEqual({ 'x-client-id': 'CF123', 'x-client-secret': REDACTED, 'X-Cf-Signature': REDACTED });
    expect(out.body).toEqual({ verification_id: 'rpd_1', name_at_bank: REDACTED, bank_account: 'XXXXXXXXXXX1191', upi: 'ra***@ybl' });
    expect(out.nested).toEqual([{ password: REDACTED }, `cfsk_${REDACTED}`]);
    expect(out.count).toBe(1732520000000);
    expect(input.headers['x-client-secret']).toBe('plainsecret');
  });

  it('scrubs errors (message, stack, cause, extra fields), Maps, Headers and cycles', () => {
    const r = new Redactor();
    r.registerSecret('runtime-secret-xyz');
    const error = Object.assign(new Error('auth failed for runtime-secret-xyz'), {
      code: 'auth_failed',
      details: { authorization: 'Basic Zm9vOmJhcg==' },
    });
    error.cause = new Error('x-client-secret: runtime-secret-xyz');
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const out = r.redact([error, new Map([['token', 'tkn']]), new Headers({ 'x-client-secret': 'hdr' }), cyclic]) as unknown[];
    const copy = out[0] as Error & { code: string; details: unknown };
    expect(copy).toBeInstanceOf(Error);
    expect(copy.message).toBe(`auth failed for ${REDACTED}`);
    expect(copy.stack).not.toContain('runtime-secret-xyz');
    expect(String((copy.cause as Error).message)).not.toContain('runtime-secret-xyz');
    expect(copy.code).toBe('auth_failed');
    expect(copy.details).toEqual({ authorization: REDACTED });
    expect(out[1]).toEqual({ token: REDACTED });
    expect(out[2]).toEqual({ 'x-client-secret': REDACTED });
    expect(out[3]).toEqual({ name: 'loop', self: '[Circular]' });
  });
});
