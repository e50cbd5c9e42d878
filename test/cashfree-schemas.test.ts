import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CreateAnswer,
  ErrorBody,
  parseCashfreeTime,
  parseScore,
  StatusAnswer,
  toOrderState,
  toRemitterResult,
  unusableCreate,
} from '../electron/core/cashfree/schemas.ts';
import { appLinksFromUpi } from '../shared/links.ts';
import { RemitterResult } from '../shared/domain.ts';
import { errorFromResponse } from '../electron/core/cashfree/errors.ts';

describe('ErrorBody', () => {
  const ctx = { operation: 'status' as const, host: 'api.cashfree.com', signed: false, viaProxy: false, timeoutMs: 1_000, secrets: [] };
  const meaning = (status: number, raw: unknown): string => {
    const body = ErrorBody.safeParse(raw);
    return errorFromResponse(status, body.success ? body.data : null, ctx).code;
  };

  it('keeps the fields it can read when another has an odd type', () => {
    expect(ErrorBody.parse({ type: 'authentication_error', code: 401, message: null })).toMatchObject({ type: 'authentication_error', code: undefined, message: undefined });
    expect(meaning(403, { code: 'ip_validation_failed', message: 42 })).toBe('ip_not_whitelisted');
  });

  it('takes what the top level lacks from the extra error object', () => {
    expect(meaning(403, { error: { type: 'authentication_error', code: 'ip_validation_failed', message: 'IP not whitelisted your current ip is 1.2.3.4' } })).toBe('ip_not_whitelisted');
    expect(meaning(400, { error: { code: 'invalid_request', message: 'Reverse Penny Drop is not enabled for this account' } })).toBe('rpd_not_enabled');
    // The top level wins where both speak.
    expect(ErrorBody.parse({ code: 'authentication_failed', error: { code: 'other', message: 'inner' } })).toMatchObject({ code: 'authentication_failed', message: 'inner' });
    expect(ErrorBody.parse({ message: 'x', error: 'a string' })).toMatchObject({ message: 'x', error: 'a string' });
  });
});

const createWire = {
  verification_id: 'test_verification_id',
  ref_id: 1234,
  valid_upto: '2023-12-20 20:25:16',
  upi_link: 'upi://pay?pa=cf@yesb&pn=Test&am=1.00&tr=1234&mam=1.00&cu=INR&mode=01&purpose=00',
  gpay: 'tez://upi/pay?pa=cf@yesb',
  phonepe: 'phonepe://pay?pa=cf@yesb',
  paytm: 'paytmmp://pay?pa=cf@yesb',
  bhim: 'bhim://upi://pay?pa=cf@yesb',
  qr_code: 'iVBORw0KGgo=',
};

const successWire = {
  bank_account: '026291800001191',
  ifsc: 'YESB0000262',
  upi: 'success@upi',
  name_at_bank: 'BHARATHTEST GKUMARUT',
  verification_id: 'test_verification_id',
  ref_id: '1234',
  utr: '7048123456',
  status: 'SUCCESS',
  name_match_score: '10',
  name_match_result: 'POOR_PARTIAL_MATCH',
  added_on: '2023-12-20T20:15:16+05:30',
  processed_on: '2023-12-20T20:17:02+05:30',
  penny_collected_on: '2023-12-20T20:17:01+05:30',
  reversal_status: 'PENDING',
  account_type: 'SAVINGS',
};

describe('parseCashfreeTime', () => {
  it('reads the zone-less form as India time', () => {
    expect(parseCashfreeTime('2023-12-20 20:25:16')).toBe(Date.parse('2023-12-20T20:25:16+05:30'));
  });
  it('reads ISO 8601 with a zone', () => {
    expect(parseCashfreeTime('2023-12-20T14:55:16Z')).toBe(Date.parse('2023-12-20T14:55:16Z'));
    expect(parseCashfreeTime('2023-12-20T20:25:16+05:30')).toBe(Date.parse('2023-12-20T14:55:16Z'));
    expect(parseCashfreeTime('2023-12-20T20:25:16.250+0530')).toBe(Date.parse('2023-12-20T14:55:16.250Z'));
  });
  it('rejects what is not a date', () => {
    for (const bad of ['', 'tomorrow', '2023-02-31 10:00:00', '2023-12-20', '2023-12-20 25:00:00', '1703084116']) {
      expect(parseCashfreeTime(bad)).toBeNull();
    }
  });
  it('agrees on both forms for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }), (t) => {
        const ms = Math.floor(t / 1000) * 1000;
        const ist = new Date(ms + 5.5 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
        expect(parseCashfreeTime(ist)).toBe(ms);
        expect(parseCashfreeTime(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });
});

describe('CreateAnswer', () => {
  it('normalises the documented answer', () => {
    const a = CreateAnswer.parse(createWire);
    expect(a).toEqual({
      verificationId: 'test_verification_id',
      refId: '1234',
      validUpto: Date.parse('2023-12-20T20:25:16+05:30'),
      links: {
        upi: createWire.upi_link,
        gpay: createWire.gpay,
        phonepe: createWire.phonepe,
        paytm: createWire.paytm,
        bhim: createWire.bhim,
      },
      qrCode: 'iVBORw0KGgo=',
      url: null,
    });
  });

  it('makes missing app links from upi_link', () => {
    const { gpay: _g, phonepe: _p, paytm: _t, bhim: _b, ...rest } = createWire;
    const a = CreateAnswer.parse(rest);
    expect(a.links?.gpay).toBe('tez://upi/pay?pa=cf@yesb&pn=Test&am=1.00&tr=1234&mam=1.00&cu=INR&mode=01&purpose=00');
    expect(a.links?.bhim.startsWith('bhim://upi://pay?pa=cf@yesb')).toBe(true);
    // null and empty app links are made the same way
    const nulled = CreateAnswer.parse({ ...createWire, gpay: null, phonepe: '', paytm: undefined, qr_code: null, url: '' });
    expect(nulled.links).toEqual({ ...appLinksFromUpi(createWire.upi_link), bhim: createWire.bhim });
    expect(nulled).toMatchObject({ qrCode: null, url: null });
  });

  it('tolerates extra fields, ref_id as number or string, both valid_upto forms', () => {
    const extra = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in createWire) && k !== '__proto__'),
      fc.jsonValue(),
      { maxKeys: 5 },
    );
    const refId = fc.oneof(fc.integer({ min: 1, max: 2 ** 40 }), fc.stringMatching(/^[1-9][0-9]{0,12}$/));
    const when = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }).map((t) => Math.floor(t / 1000) * 1000);
    fc.assert(
      fc.property(extra, refId, when, fc.boolean(), (more, ref, ms, istForm) => {
        const validUpto = istForm
          ? new Date(ms + 5.5 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
          : new Date(ms).toISOString();
        const a = CreateAnswer.parse({ ...more, ...createWire, ref_id: ref, valid_upto: validUpto });
        expect(a.refId).toBe(String(ref));
        expect(a.validUpto).toBe(ms);
      }),
    );
  });

  it('reads an answer lacking the fields the app uses, and says why it cannot be used', () => {
    const own = 'test_verification_id';
    expect(unusableCreate(CreateAnswer.parse(createWire), own)).toBeNull();
    expect(CreateAnswer.parse({ ...createWire, valid_upto: 'soon' }).validUpto).toBeNull();
    expect(unusableCreate(CreateAnswer.parse({ ...createWire, valid_upto: null }), own)).toBeNull();
    expect(unusableCreate(CreateAnswer.parse({ ...createWire, ref_id: null }), own)).toMatch(/ref_id/);
    const https = CreateAnswer.parse({ ...createWire, upi_link: 'https://evil.example' });
    expect(https.links).toBeNull();
    expect(unusableCreate(https, own)).toMatch(/upi_link/);
    const { verification_id: _v, ...noId } = createWire;
    expect(unusableCreate(CreateAnswer.parse(noId), own)).toMatch(/verification_id/);
    expect(unusableCreate(CreateAnswer.parse({ ...createWire, verification_id: 'someone_else' }), own)).toMatch(/another order/);
    expect(CreateAnswer.safeParse([createWire]).success).toBe(false);
  });
});

describe('StatusAnswer', () => {
  it('normalises a SUCCESS answer and maps it to the domain', () => {
    const s = StatusAnswer.parse({ ...successWire, something_new: { nested: true } });
    expect(s.refId).toBe('1234');
    expect(s.nameMatchScore).toBe(10);
    expect(toOrderState(s)).toBe('success');
    const r = toRemitterResult(s);
    expect(RemitterResult.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      nameAtBank: 'BHARATHTEST GKUMARUT',
      maskedAccount: '••••1191',
      nameMatchScore: 10,
      nameMatchResult: 'POOR_PARTIAL_MATCH',
      reversalStatus: 'PENDING',
    });
  });

  it('reads a CREATED answer with absent fields as empty strings and no payer', () => {
    const s = StatusAnswer.parse({
      verification_id: 'v1',
      ref_id: 99,
      status: 'CREATED',
      added_on: '2023-12-20T20:15:16+05:30',
      processed_on: '',
      account_type: '',
    });
    expect(s.bankAccount).toBe('');
    expect(s.nameMatchScore).toBeNull();
    expect(s.nameMatchResult).toBe('');
    expect(toOrderState(s)).toBe('created');
    expect(toRemitterResult(s)).toBeNull();
  });

  it('maps every status and reads null informational fields as empty', () => {
    for (const [status, state] of [
      ['CREATED', 'created'],
      ['SUCCESS', 'success'],
      ['FAILURE', 'failure'],
      ['EXPIRED', 'expired'],
    ] as const) {
      const s = StatusAnswer.parse({ ...successWire, status, utr: null });
      expect(toOrderState(s)).toBe(state);
      expect(s.utr).toBe('');
    }
  });

  it('tolerates extra fields and ref_id as number or string', () => {
    const extra = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in successWire) && k !== '__proto__'),
      fc.jsonValue(),
      { maxKeys: 5 },
    );
    const refId = fc.oneof(fc.integer({ min: 1, max: 2 ** 40 }), fc.stringMatching(/^[1-9][0-9]{0,12}$/));
    fc.assert(
      fc.property(extra, refId, (more, ref) => {
        const s = StatusAnswer.parse({ ...more, ...successWire, ref_id: ref });
        expect(s.refId).toBe(String(ref));
        expect(s.status).toBe('SUCCESS');
      }),
    );
  });

  it('reads a status outside the four as not final, kept as sent', () => {
    const s = StatusAnswer.parse({ ...successWire, status: 'PENDING' });
    expect(s.status).toBe('PENDING');
    expect(toOrderState(s)).toBeNull();
  });

  it('reads answers as Cashfree sends them: decimal and empty scores, no account_type, broken times', () => {
    const expired = StatusAnswer.parse({
      verification_id: 'v1',
      ref_id: '99',
      status: 'EXPIRED',
      name_match_score: '0',
      added_on: '2023-12-20T20:15:16+05:30',
      processed_on: '2023-12-20T20:25:16+05:3',
    });
    expect(toOrderState(expired)).toBe('expired');
    expect(expired.accountType).toBe('');
    expect(StatusAnswer.parse({ ...successWire, name_match_score: '90.00' }).nameMatchScore).toBe(90);
    expect(StatusAnswer.parse({ ...successWire, name_match_score: '' }).nameMatchScore).toBeNull();
    const broken = toRemitterResult(StatusAnswer.parse({ ...successWire, processed_on: '2023-12-20T20:17:02+05:3', penny_collected_on: 'soon' }));
    expect(broken).toMatchObject({ processedOn: '', pennyCollectedOn: '' });
    expect(RemitterResult.parse(broken)).toEqual(broken);
  });

  it('keeps unknown name match categories out of the domain enum', () => {
    const s = StatusAnswer.parse({ ...successWire, name_match_result: 'SOMETHING_NEW', reversal_status: '' });
    const r = toRemitterResult(s);
    expect(r?.nameMatchResult).toBeNull();
    expect(r?.reversalStatus).toBeNull();
  });
});

describe('parseScore', () => {
  it('reads 0..100 and nothing else', () => {
    expect(parseScore('0')).toBe(0);
    expect(parseScore('100')).toBe(100);
    expect(parseScore('87.6')).toBe(88);
    expect(parseScore('')).toBeNull();
    expect(parseScore('101')).toBeNull();
    expect(parseScore('-1')).toBeNull();
    expect(parseScore('n/a')).toBeNull();
  });
});
