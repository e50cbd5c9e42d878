import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { connect } from 'node:net';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { startSimulator } from '../electron/simulator/server.ts';
import type { Simulator, SimulatorOptions } from '../electron/simulator/server.ts';
import { generateKeys, makeSignature } from '../electron/simulator/signature.ts';
import { defaultNameAtBank } from '../electron/simulator/orders.ts';
import { matchNames } from '../electron/simulator/nameMatch.ts';

const AUTH = { 'x-client-id': 'demo-id', 'x-client-secret': 'demo-secret', 'x-api-version': '2023-12-18' };
const T0 = Date.UTC(2026, 10, 25, 6, 30, 0); // 12:00:00 IST

type Json = Record<string, unknown>;

const running: Simulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({ seed: 42, ...options });
  running.push(sim);
  return sim;
}

/** A clock the test moves by hand. */
function manualClock(start = T0): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Json;
}

async function call(url: string, init: { method?: 'GET' | 'POST' | 'DELETE'; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const response = await request(url, { method: init.method ?? 'GET', headers: init.headers ?? {}, body: init.body });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, json: text === '' ? {} : (JSON.parse(text) as Json) };
}

function create(sim: Simulator, body: unknown, headers: Record<string, string> = AUTH): Promise<Answer> {
  return call(`${sim.baseUrl}/reverse-penny-drop`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function status(sim: Simulator, query: string, headers: Record<string, string> = AUTH): Promise<Answer> {
  return call(`${sim.baseUrl}/remitter/status${query}`, { headers });
}

function control(sim: Simulator, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Answer> {
  return call(`${sim.origin}/__sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function error(type: string, code: string, message: string): Json {
  return { type, code, message };
}

describe('create order', () => {
  it('answers with the documented fields, ref_id a number and links sharing the UPI parameters', async () => {
    const clock = manualClock();
    const sim = await start({ now: clock.now });
    const { status: code, json } = await create(sim, { verification_id: 'order_1', name: 'Rahul Kumar' });
    expect(code).toBe(200);
    expect(Object.keys(json).sort()).toEqual(
      ['verification_id', 'ref_id', 'valid_upto', 'upi_link', 'gpay', 'phonepe', 'paytm', 'bhim', 'qr_code', 'url'].sort(),
    );
    expect(json['verification_id']).toBe('order_1');
    expect(Number.isInteger(json['ref_id'])).toBe(true);
    expect(json['valid_upto']).toBe('2026-11-25 12:10:00'); // IST, ten minutes on
    const upiLink = String(json['upi_link']);
    // The parameters of every Cashfree example, tr and tid the ref_id.
    const ref = String(json['ref_id']);
    expect(upiLink).toMatch(new RegExp(`^upi://pay\\?pa=[^&]+&pn=[^&]+&tn=BAV&am=1\\.00&cu=INR&tr=${ref}&tid=${ref}$`));
    const params = upiLink.slice('upi://pay?'.length);
    expect(json['gpay']).toBe(`tez://upi/pay?${params}`);
    expect(json['phonepe']).toBe(`phonepe://pay?${params}`);
    expect(json['paytm']).toBe(`paytmmp://pay?${params}`);
    expect(json['bhim']).toBe(`bhim://upi://pay?${params}`);
    expect(String(json['url']).startsWith(sim.origin)).toBe(true);
  });

  it('sends a 256x256 PNG QR that decodes to the exact upi_link', async () => {
    const sim = await start();
    const { json } = await create(sim, { verification_id: 'qr-check', name: 'Anjali Mehta' });
    const png = PNG.sync.read(Buffer.from(String(json['qr_code']), 'base64'));
    expect([png.width, png.height]).toEqual([256, 256]);
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(json['upi_link']);
  });

  it('accepts any x-api-version or none, and no name', async () => {
    const sim = await start();
    const withoutVersion = { 'x-client-id': 'a', 'x-client-secret': 'b' };
    expect((await create(sim, { verification_id: 'v-none' }, withoutVersion)).status).toBe(200);
    expect((await create(sim, { verification_id: 'v-odd' }, { ...withoutVersion, 'x-api-version': '1999-01-01' })).status).toBe(200);
  });

  it.each([
    [{}, error('validation_error', 'verification_id_missing', 'verification_id is missing in the request')],
    [{ verification_id: '' }, error('validation_error', 'verification_id_missing', 'verification_id is missing in the request')],
    [
      { verification_id: 'has space' },
      error('validation_error', 'verification_id_value_invalid', 'verification_id : should contain only alphabets, numbers, period, hyphen and underscore'),
    ],
    [
      { verification_id: 'slash/no' },
      error('validation_error', 'verification_id_value_invalid', 'verification_id : should contain only alphabets, numbers, period, hyphen and underscore'),
    ],
    [{ verification_id: 'a'.repeat(51) }, error('validation_error', 'verification_id_length_exceeded', 'verification_id : should not exceed 50 characters')],
  ])('rejects body %j with 400', async (body, expected) => {
    const sim = await start();
    const answer = await create(sim, body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(expected);
  });

  it('accepts exactly 50 characters of letters, digits, dot, hyphen and underscore', async () => {
    const sim = await start();
    const id = `Ab9.-_${'x'.repeat(44)}`;
    expect(id).toHaveLength(50);
    expect((await create(sim, { verification_id: id })).status).toBe(200);
  });

  it('rejects a duplicate verification_id with 400, not 409', async () => {
    const sim = await start();
    expect((await create(sim, { verification_id: 'dup' })).status).toBe(200);
    const again = await create(sim, { verification_id: 'dup' });
    expect(again.status).toBe(400);
    expect(again.json).toEqual(error('validation_error', 'invalid_verification_id', 'verification_id already exists'));
  });

  it('rejects a body that is not a JSON object', async () => {
    const sim = await start();
    for (const body of ['{not json', '[1,2]', '"text"']) {
      const answer = await create(sim, body);
      expect(answer.status, body).toBe(400);
      expect(answer.json['type'], body).toBe('validation_error');
    }
  });

  it('tolerates extra fields such as redirect_url', async () => {
    const sim = await start();
    const answer = await create(sim, { verification_id: 'extra-1', name: 'Kavita Joshi', redirect_url: 'https://example.com/back' });
    expect(answer.status).toBe(200);
  });
});

describe('authentication', () => {
  it('answers the documented errors for missing and wrong credentials', async () => {
    const sim = await start({ clientId: 'CF_ID', clientSecret: 'cf_secret' });
    const body = { verification_id: 'auth-1' };
    const missingId = await create(sim, body, { 'x-client-secret': 'cf_secret' });
    expect(missingId.status).toBe(400);
    expect(missingId.json).toEqual(error('validation_error', 'x-client-id_missing', 'x-client-id is missing in the request'));
    const missingSecret = await create(sim, body, { 'x-client-id': 'CF_ID' });
    expect(missingSecret.status).toBe(400);
    expect(missingSecret.json['code']).toBe('x-client-secret_missing');
    const wrong = await create(sim, body, { 'x-client-id': 'CF_ID', 'x-client-secret': 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual(error('authentication_error', 'authentication_failed', 'Invalid clientId and clientSecret combination'));
    const wrongId = await status(sim, '?verification_id=auth-1', { 'x-client-id': 'OTHER', 'x-client-secret': 'cf_secret' });
    expect(wrongId.status).toBe(401);
    expect((await create(sim, body, { 'x-client-id': 'CF_ID', 'x-client-secret': 'cf_secret' })).status).toBe(200);
  });

  it('accepts any non-empty pair when none is configured, and never echoes secrets', async () => {
    const sim = await start();
    expect((await create(sim, { verification_id: 'any-1' }, { 'x-client-id': 'x', 'x-client-secret': 'y' })).status).toBe(200);
    const empty = await create(sim, { verification_id: 'any-2' }, { 'x-client-id': 'x', 'x-client-secret': '' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.json)).not.toContain('demo-secret');
  });
});

describe('signature (x-cf-signature)', () => {
  const keys = generateKeys();
  const clientId = 'CF_SIGNED';
  const headers = { 'x-client-id': clientId, 'x-client-secret': 's' };

  it('accepts a fresh signature and rejects missing, stale, future, wrong-key and wrong-client ones with 403', async () => {
    const clock = manualClock();
    const sim = await start({ privateKeyPem: keys.privateKeyPem, now: clock.now });
    expect(sim.publicKeyPem).toBe(keys.publicKeyPem);
    const signed = (signature: string): Record<string, string> => ({ ...headers, 'x-cf-signature': signature });

    const ok = await create(sim, { verification_id: 'sig-ok' }, signed(makeSignature(keys.publicKeyPem, clientId, clock.now())));
    expect(ok.status).toBe(200);
    const withinWindow = await status(sim, '?verification_id=sig-ok', signed(makeSignature(keys.publicKeyPem, clientId, clock.now() - 4 * 60_000)));
    expect(withinWindow.status).toBe(200);

    const cases: Array<[string, Record<string, string>]> = [
      ['missing', headers],
      ['stale', signed(makeSignature(keys.publicKeyPem, clientId, clock.now() - 6 * 60_000))],
      ['future', signed(makeSignature(keys.publicKeyPem, clientId, clock.now() + 6 * 60_000))],
      ['wrong key', signed(makeSignature(generateKeys().publicKeyPem, clientId, clock.now()))],
      ['other client', signed(makeSignature(keys.publicKeyPem, 'SOMEONE_ELSE', clock.now()))],
      ['garbage', signed('bm90IGEgc2lnbmF0dXJl')],
    ];
    for (const [label, sent] of cases) {
      const answer = await status(sim, '?verification_id=sig-ok', sent);
      expect(answer.status, label).toBe(403);
      expect(answer.json['type'], label).toBe('authentication_error');
      expect(answer.json['code'], label).toBe('signature_invalid');
    }
  });
});

describe('order status', () => {
  it('answers CREATED with exactly the documented fields, all strings', async () => {
    const clock = manualClock();
    const sim = await start({ now: clock.now });
    const created = await create(sim, { verification_id: 'st-1', name: 'Rahul Kumar' });
    const answer = await status(sim, '?verification_id=st-1');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      verification_id: 'st-1',
      ref_id: String(created.json['ref_id']),
      status: 'CREATED',
      added_on: '2026-11-25T12:00:00+05:30',
      processed_on: '2026-11-25T12:00:00+05:30',
      account_type: '',
    });
    const byRef = await status(sim, `?ref_id=${String(created.json['ref_id'])}`);
    expect(byRef.json).toEqual(answer.json);
  });

  it('answers SUCCESS with every field as a string and the name match of the paid name', async () => {
    const clock = manualClock();
    const sim = await start({ now: clock.now });
    await create(sim, { verification_id: 'st-2', name: 'Rahul Kumar' });
    clock.advance(95_000);
    const paid = await control(sim, 'POST', '/orders/st-2/pay', {
      name_at_bank: 'MR R KUMAR',
      bank_account: '026291800001191',
      ifsc: 'YESB0000262',
      upi: 'rahul@ybl',
    });
    expect(paid.status).toBe(200);
    clock.advance(5_000);
    const answer = await status(sim, '?verification_id=st-2');
    expect(Object.keys(answer.json)).toEqual([
      'bank_account', 'ifsc', 'upi', 'name_at_bank', 'verification_id', 'ref_id', 'utr', 'status', 'name_match_score',
      'name_match_result', 'added_on', 'processed_on', 'penny_collected_on', 'reversal_status', 'account_type',
    ]);
    for (const value of Object.values(answer.json)) expect(typeof value).toBe('string');
    expect(answer.json).toMatchObject({
      bank_account: '026291800001191',
      ifsc: 'YESB0000262',
      upi: 'rahul@ybl',
      name_at_bank: 'MR R KUMAR',
      status: 'SUCCESS',
      name_match_result: 'GOOD_PARTIAL_MATCH',
      penny_collected_on: '2026-11-25T12:01:35+05:30',
      processed_on: '2026-11-25T12:01:36+05:30',
      reversal_status: 'PENDING',
      account_type: 'SAVINGS',
    });
    expect(Number(answer.json['name_match_score'])).toBeGreaterThanOrEqual(80);
    expect(answer.json['utr']).toMatch(/^\d{12}$/);
  });

  it('leaves name_match_result and name_match_score empty when no name was sent', async () => {
    const sim = await start();
    await create(sim, { verification_id: 'st-noname' });
    sim.pay('st-noname');
    const answer = await status(sim, '?verification_id=st-noname');
    expect(answer.json['name_match_result']).toBe('');
    expect(answer.json['name_match_score']).toBe('');
    expect(answer.json['name_at_bank']).not.toBe('');
  });

  it('pays without a name result when asked (name_match: false): the answer Cashfree gives when no name was sent', async () => {
    const clock = manualClock();
    const sim = await start({ now: clock.now });
    // The same order twice, paid the same way: once as usual, once without a name result.
    for (const id of ['st-matched', 'st-unmatched']) await create(sim, { verification_id: id, name: 'Rahul Kumar' });
    const payer = { name_at_bank: 'RAHUL KUMAR', bank_account: '026291800001191', ifsc: 'YESB0000262', upi: 'rahul@ybl', utr: '7048123456', account_type: 'SAVINGS' };
    await control(sim, 'POST', '/orders/st-matched/pay', payer);
    const paid = await control(sim, 'POST', '/orders/st-unmatched/pay', { ...payer, name_match: false });
    expect(paid.status).toBe(200);
    const matched = (await status(sim, '?verification_id=st-matched')).json;
    const unmatched = (await status(sim, '?verification_id=st-unmatched')).json;
    // Field for field the SUCCESS answer of the facts file, every value a string; only the two name-match fields are empty.
    expect(Object.keys(unmatched)).toEqual(Object.keys(matched));
    for (const value of Object.values(unmatched)) expect(typeof value).toBe('string');
    expect(unmatched).toMatchObject({ status: 'SUCCESS', name_match_score: '', name_match_result: '', name_at_bank: 'RAHUL KUMAR', upi: 'rahul@ybl', utr: '7048123456' });
    expect(matched).toMatchObject({ name_match_score: '100', name_match_result: 'DIRECT_MATCH' });
    const rest = (json: Json): Json => Object.fromEntries(Object.entries(json).filter(([key]) => !['verification_id', 'ref_id', 'name_match_score', 'name_match_result'].includes(key)));
    expect(rest(unmatched)).toEqual(rest(matched));
    // The control answer is the status answer, and the option is a boolean.
    expect(paid.json).toEqual(unmatched);
    await create(sim, { verification_id: 'st-bad-option', name: 'Rahul Kumar' });
    expect((await control(sim, 'POST', '/orders/st-bad-option/pay', { name_match: 'no' })).status).toBe(400);
  });

  it.each([
    ['', error('validation_error', 'invalid_request', 'Please enter a valid verification_id / ref_id')],
    ['?verification_id=', error('validation_error', 'invalid_request', 'Please enter a valid verification_id / ref_id')],
    ['?verification_id=never-made', error('validation_error', 'invalid_request', 'Please enter a valid verification_id')],
    ['?ref_id=999999999', error('validation_error', 'invalid_request', 'Please enter a valid ref_id')],
    ['?ref_id=abc', error('validation_error', 'invalid_request', 'Please enter a valid ref_id')],
  ])('answers 400 for query %j', async (query, expected) => {
    const sim = await start();
    const answer = await status(sim, query);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(expected);
  });

  it('checks credentials on status too', async () => {
    const sim = await start({ clientId: 'id', clientSecret: 'secret' });
    expect((await status(sim, '?verification_id=x', {})).status).toBe(400);
    expect((await status(sim, '?verification_id=x', { 'x-client-id': 'id', 'x-client-secret': 'bad' })).status).toBe(401);
  });

  it('answers 404 for unknown paths and 405 for the wrong method', async () => {
    const sim = await start();
    expect((await call(`${sim.baseUrl}/nope`, { headers: AUTH })).status).toBe(404);
    const wrongMethod = await call(`${sim.baseUrl}/reverse-penny-drop`, { headers: AUTH });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json['type']).toBe('invalid_request');
  });
});

describe('lifecycle', () => {
  it('expires a link after 10 minutes, seen lazily on read, with name_match_score "0"', async () => {
    const clock = manualClock();
    const sim = await start({ now: clock.now });
    await create(sim, { verification_id: 'life-1', name: 'Priya Nair' });
    clock.advance(10 * 60_000 - 1);
    expect((await status(sim, '?verification_id=life-1')).json['status']).toBe('CREATED');
    clock.advance(1);
    const expired = await status(sim, '?verification_id=life-1');
    expect(expired.json).toEqual({
      verification_id: 'life-1',
      ref_id: expired.json['ref_id'],
      status: 'EXPIRED',
      name_match_score: '0',
      added_on: '2026-11-25T12:00:00+05:30',
      processed_on: '2026-11-25T12:10:00+05:30',
    });
    const lateProblem = await control(sim, 'POST', '/orders/life-1/pay');
    expect(lateProblem.status).toBe(409);
  });

  it('fails an order through the control API', async () => {
    const clock = manualClock();
    const sim = await start({ now: clock.now });
    await create(sim, { verification_id: 'life-2' });
    clock.advance(30_000);
    expect((await control(sim, 'POST', '/orders/life-2/fail')).status).toBe(200);
    const failed = await status(sim, '?verification_id=life-2');
    expect(failed.json).toMatchObject({ status: 'FAILURE', name_match_score: '0', processed_on: '2026-11-25T12:00:30+05:30' });
    expect(failed.json).not.toHaveProperty('account_type');
    expect(Object.keys(failed.json)).toHaveLength(6);
    expect((await control(sim, 'POST', '/orders/life-2/pay')).status).toBe(409);
    expect((await control(sim, 'POST', '/orders/ghost/pay')).status).toBe(404);
  });

  it('refuses control requests that a page of another origin makes through a browser', async () => {
    const sim = await start();
    await create(sim, { verification_id: 'csrf-1' });
    const foreign = await call(`${sim.origin}/__sim/orders/csrf-1/pay`, { method: 'POST', headers: { origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect((await status(sim, '?verification_id=csrf-1')).json).toMatchObject({ status: 'CREATED' });
    const own = await call(`${sim.origin}/__sim/orders/csrf-1/pay`, { method: 'POST', headers: { origin: sim.origin } });
    expect(own.status).toBe(200);
  });

  it('expires on demand', async () => {
    const sim = await start();
    await create(sim, { verification_id: 'life-3' });
    expect((await control(sim, 'POST', '/orders/life-3/expire')).json['status']).toBe('EXPIRED');
    expect((await status(sim, '?verification_id=life-3')).json['status']).toBe('EXPIRED');
  });

  it('moves the refund PENDING -> TRANSFER_INITIATED -> TRANSFER_SUCCESS over time', async () => {
    const clock = manualClock();
    const sim = await start({ now: clock.now, reversalInitiatedAfterMs: 10_000, reversalSuccessAfterMs: 40_000 });
    await create(sim, { verification_id: 'refund-1' });
    sim.pay('refund-1');
    const reversal = async (): Promise<unknown> => (await status(sim, '?verification_id=refund-1')).json['reversal_status'];
    expect(await reversal()).toBe('PENDING');
    clock.advance(10_000);
    expect(await reversal()).toBe('TRANSFER_INITIATED');
    clock.advance(30_000);
    expect(await reversal()).toBe('TRANSFER_SUCCESS');
  });

  it('can end the refund in FAILED, or force a refund status', async () => {
    const clock = manualClock();
    const sim = await start({ now: clock.now, reversalInitiatedAfterMs: 1_000, reversalSuccessAfterMs: 2_000 });
    await create(sim, { verification_id: 'refund-2' });
    await control(sim, 'POST', '/orders/refund-2/pay', { reversal_fails: true });
    clock.advance(2_000);
    expect((await status(sim, '?verification_id=refund-2')).json['reversal_status']).toBe('FAILED');
    await control(sim, 'POST', '/orders/refund-2/reversal', { status: 'TRANSFER_INITIATED' });
    expect((await status(sim, '?verification_id=refund-2')).json['reversal_status']).toBe('TRANSFER_INITIATED');
  });

  it('pays automatically after the configured delay, seen on read', async () => {
    const clock = manualClock();
    const sim = await start({ now: clock.now, autoPayAfterMs: 20_000 });
    await create(sim, { verification_id: 'auto-1', name: 'Sunita Devi' });
    clock.advance(19_999);
    expect((await status(sim, '?verification_id=auto-1')).json['status']).toBe('CREATED');
    clock.advance(1);
    const paid = await status(sim, '?verification_id=auto-1');
    expect(paid.json['status']).toBe('SUCCESS');
    expect(paid.json['penny_collected_on']).toBe('2026-11-25T12:00:20+05:30');

    expect((await control(sim, 'POST', '/auto', { pay_after_ms: null })).json).toEqual({ auto_pay_after_ms: null });
    await create(sim, { verification_id: 'auto-2' });
    clock.advance(60_000);
    expect((await status(sim, '?verification_id=auto-2')).json['status']).toBe('CREATED');
  });

  it('pays from a wallet handle when asked', async () => {
    const sim = await start();
    await create(sim, { verification_id: 'wallet-1', name: 'Neha Agarwal' });
    const paid = await control(sim, 'POST', '/orders/wallet-1/pay', { wallet: true });
    expect(String(paid.json['upi'])).toMatch(/^\d{10}@paytm$/);
    expect(paid.json['ifsc']).toBe('PYTM0123456');
  });
});

describe('determinism', () => {
  async function run(seed: number): Promise<Json[]> {
    const clock = manualClock();
    const sim = await start({ seed, now: clock.now });
    const answers: Json[] = [];
    for (const [id, name] of [['d1', 'Rahul Kumar'], ['d2', 'Priya Nair'], ['d3', 'Mohammed Irfan']] as const) {
      const created = await create(sim, { verification_id: id, name });
      sim.pay(id);
      answers.push({ ref_id: created.json['ref_id'], ...(await status(sim, `?verification_id=${id}`)).json });
    }
    return answers;
  }

  it('gives the same ref_ids, names at bank, accounts and UTRs for the same seed', async () => {
    const first = await run(7);
    const second = await run(7);
    expect(second).toEqual(first);
    const other = await run(8);
    expect(other.map((a) => a['ref_id'])).not.toEqual(first.map((a) => a['ref_id']));
    expect(other.map((a) => a['utr'])).not.toEqual(first.map((a) => a['utr']));
  });
});

describe('default name at bank', () => {
  const names = [
    'Rahul Kumar', 'Priya Nair', 'Mohammed Irfan', 'Sunita Devi', 'Anjali Mehta', 'Vikram Singh', 'Lakshmi Narayanan',
    'Gurpreet Kaur', 'Abdul Rahman', 'Neha Agarwal', 'Suresh Babu', 'Deepak Yadav', 'Pooja Verma', 'Amit Patel',
    'Shashi Tharoor', 'Kavita Joshi', 'Arjun Reddy', 'Meena Kumari', 'Rohit Sharma', 'Farhan Sheikh',
  ];

  it('is a pure function of seed and entered name', () => {
    for (const name of names) expect(defaultNameAtBank(9, name)).toBe(defaultNameAtBank(9, name));
    expect(names.map((name) => defaultNameAtBank(1, name))).not.toEqual(names.map((name) => defaultNameAtBank(2, name)));
  });

  it('mostly resembles the entered name, with a spread of match results', () => {
    const results = names.map((name) => matchNames(name, defaultNameAtBank(4, name)).result);
    const close = results.filter((result) => result === 'DIRECT_MATCH' || result === 'GOOD_PARTIAL_MATCH').length;
    expect(close).toBeGreaterThan(names.length / 2);
    expect(new Set(results).size).toBeGreaterThanOrEqual(3);
  });

  it('names someone when no name was entered', () => {
    expect(defaultNameAtBank(1, null)).toMatch(/^[A-Z][A-Z ]+$/);
  });
});

describe('faults', () => {
  it('answers 429 with rate-limit headers for the next N calls, then recovers', async () => {
    const sim = await start();
    sim.setFaults({ create: { rate_limit: { count: 2, retry_after_s: 3 } } });
    for (const id of ['rl-1', 'rl-2']) {
      const limited = await create(sim, { verification_id: id });
      expect(limited.status).toBe(429);
      expect(limited.json).toEqual(error('rate_limit_error', 'too_many_requests_per_operation', 'Too many requests'));
      expect(limited.headers['x-ratelimit-limit']).toBe('100');
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
      expect(limited.headers['x-ratelimit-reset']).toBe('3');
      expect(limited.headers['retry-after']).toBe('3');
    }
    expect((await create(sim, { verification_id: 'rl-1' })).status).toBe(200);
  });

  it('answers 500 and 502 with Cashfree error bodies, only on the faulted endpoint', async () => {
    const sim = await start();
    await control(sim, 'POST', '/faults', { status: { status_5xx: { status: 502, count: 1 } }, create: { status_5xx: 1 } });
    const failedCreate = await create(sim, { verification_id: 'f5' });
    expect(failedCreate.status).toBe(500);
    expect(failedCreate.json).toMatchObject({ type: 'internal_error', code: 'verification_failed', message: 'Unable to validate, please retry later', error: { refId: expect.any(String) } });
    expect((await create(sim, { verification_id: 'f5' })).status).toBe(200);
    const failedStatus = await status(sim, '?verification_id=f5');
    expect(failedStatus.status).toBe(502);
    expect(failedStatus.json).toEqual({ type: 'internal_error', code: 'verification_failed', message: 'verification attempt failed' });
    expect((await status(sim, '?verification_id=f5')).status).toBe(200);
  });

  it('resets the connection after reading the request', async () => {
    const sim = await start();
    sim.setFaults({ create: { reset: 1 } });
    await expect(create(sim, { verification_id: 'reset-1' })).rejects.toThrow();
    expect((await create(sim, { verification_id: 'reset-1' })).status).toBe(200);
  });

  it('sends truncated JSON when malformed, after doing the work', async () => {
    const sim = await start();
    sim.setFaults({ create: { malformed: true, times: 1 } });
    const response = await request(`${sim.baseUrl}/reverse-penny-drop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AUTH },
      body: JSON.stringify({ verification_id: 'mal-1' }),
    });
    expect(response.statusCode).toBe(200);
    const text = await response.body.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(text.startsWith('{"verification_id":"mal-1"')).toBe(true);
    expect((await create(sim, { verification_id: 'mal-1' })).status).toBe(400); // it was created
  });

  it('hangs without answering until the client gives up, and close() still finishes', async () => {
    const sim = await start();
    await control(sim, 'POST', '/faults', { status: { hang: true } });
    await expect(
      request(`${sim.baseUrl}/remitter/status?verification_id=x`, { headers: AUTH, headersTimeout: 300, bodyTimeout: 300 }),
    ).rejects.toThrow();
    // A raw socket left hanging must not keep close() waiting.
    const socket = connect(sim.port, '127.0.0.1');
    socket.on('error', () => undefined); // the server destroying it may surface as ECONNRESET
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`GET /verification/remitter/status?verification_id=x HTTP/1.1\r\nHost: 127.0.0.1\r\nx-client-id: a\r\nx-client-secret: b\r\n\r\n`);
    const closedByServer = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await sim.close();
    await closedByServer;
  });

  it('holds back only the endpoint with latency: a later status call overtakes a slow create', async () => {
    const sim = await start();
    sim.setFaults({ create: { latency_ms: 400, times: 1 } });
    const finished: string[] = [];
    const slow = create(sim, { verification_id: 'slow-1' }).then((answer) => finished.push(`create ${answer.status}`));
    const fast = status(sim, '?verification_id=slow-1').then((answer) => finished.push(`status ${answer.status}`));
    await Promise.all([slow, fast]);
    expect(finished).toEqual(['status 400', 'create 200']);
    expect(sim.faults().create).toBeNull(); // used up after one call
  });

  it('adds latency and injects account errors', async () => {
    const sim = await start();
    sim.setFaults({ create: { latency_ms: 30, error: 'insufficient_balance', count: 1 } });
    const empty = await create(sim, { verification_id: 'acct-1' });
    expect(empty.status).toBe(422);
    expect(empty.json).toEqual(error('validation_error', 'insufficient_balance', 'not enough balance in the verification wallet'));
    sim.setFaults({ all: { error: { name: 'ip_not_whitelisted', count: 1 } } });
    const ip = await status(sim, '?verification_id=acct-1');
    expect(ip.status).toBe(403);
    expect(ip.json['code']).toBe('ip_validation_failed');
    expect(String(ip.json['message'])).toContain('127.0.0.1');
    sim.setFaults({ create: { error: 'rpd_not_enabled' } });
    expect((await create(sim, { verification_id: 'acct-2' })).json['message']).toBe('Reverse Penny Drop is not enabled for this account');
    expect((await control(sim, 'DELETE', '/faults')).json).toEqual({ delay_ms: 0, create: null, status: null });
    expect((await create(sim, { verification_id: 'acct-2' })).status).toBe(200);
  });

  it('fails a probability of 5xx answers deterministically for a seed', async () => {
    const outcomes = async (): Promise<number[]> => {
      const sim = await start({ seed: 3 });
      sim.setFaults({ status: { status_5xx: 0.5 } });
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await status(sim, '?verification_id=none')).status);
      return codes;
    };
    const first = await outcomes();
    expect(first).toContain(500);
    expect(first).toContain(400);
    expect(await outcomes()).toEqual(first);
  });

  it('rejects unknown fault fields with 400', async () => {
    const sim = await start();
    const answer = await control(sim, 'POST', '/faults', { create: { explode: true } });
    expect(answer.status).toBe(400);
    expect(answer.json['error']).toBe('invalid_body');
  });
});

describe('control API', () => {
  it('lists orders, reports health and forgets orders on reset', async () => {
    const sim = await start({ autoPayAfterMs: 5_000 });
    await create(sim, { verification_id: 'c-1', name: 'Gurpreet Kaur' });
    const listed = await control(sim, 'GET', '/orders');
    const orders = listed.json['orders'] as Json[];
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ verification_id: 'c-1', name: 'Gurpreet Kaur', status: { status: 'CREATED' } });
    expect(sim.orders()).toEqual(orders);
    expect((await control(sim, 'GET', '/orders/c-1')).json['verification_id']).toBe('c-1');
    const health = await control(sim, 'GET', '/health');
    expect(health.json).toMatchObject({ status: 'ok', orders: 1, auto_pay_after_ms: 5_000, signature_required: false });
    await control(sim, 'POST', '/reset');
    expect(sim.orders()).toEqual([]);
  });

  it('serves a checkout page for the order url', async () => {
    const sim = await start();
    const created = await create(sim, { verification_id: 'page-1' });
    const response = await request(String(created.json['url']));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(await response.body.text()).toContain('page-1');
  });

  it('refuses calls that name another host (DNS rebinding), on every route', async () => {
    const sim = await start();
    const response = await request(`${sim.origin}/__sim/health`, { headers: { host: 'evil.example:80' } });
    expect(response.statusCode).toBe(403);
    await response.body.dump();
    await create(sim, { verification_id: 'rebind-1' });
    for (const path of ['/verification/remitter/status?verification_id=rebind-1', '/verification/reverse-penny-drop', '/elsewhere']) {
      const api = await request(`${sim.origin}${path}`, { method: path.endsWith('drop') ? 'POST' : 'GET', headers: { ...AUTH, host: `rebind.evil.example:${sim.port}`, 'content-type': 'application/json' }, body: path.endsWith('drop') ? '{"verification_id":"rebind-2"}' : undefined });
      expect(api.statusCode, path).toBe(403);
      expect(await api.body.json()).toMatchObject({ code: 'host_not_allowed' });
    }
    expect(sim.orders().map((o) => o.verification_id)).toEqual(['rebind-1']);
    const local = await request(`${sim.origin}/__sim/health`, { headers: { host: `localhost:${sim.port}` } });
    expect(local.statusCode).toBe(200);
    await local.body.dump();
  });

  it('rejects a bad pay body', async () => {
    const sim = await start();
    await create(sim, { verification_id: 'bad-pay' });
    expect((await control(sim, 'POST', '/orders/bad-pay/pay', { name_at_bank: 42 })).status).toBe(400);
  });
});

describe('network options', () => {
  it('enforces one merchant-wide budget per client id, shared by every caller and both endpoints', async () => {
    const clock = manualClock(T0 + 15_000); // 45 s before the clock minute ends
    const sim = await start({ now: clock.now, rateLimitPerMinute: 3 });
    const other = { ...AUTH, 'x-client-id': 'other-merchant' };
    // Two desks (two connections) of one merchant and both endpoints draw on the same budget.
    const answers = [await create(sim, { verification_id: 'desk-a' }), await status(sim, '?verification_id=desk-a'), await status(sim, '?verification_id=unknown')];
    expect(answers.map((a) => [a.status, a.headers['x-ratelimit-limit'], a.headers['x-ratelimit-remaining'], a.headers['x-ratelimit-reset']])).toEqual([
      [200, '3', '2', '45'],
      [200, '3', '1', '45'],
      [400, '3', '0', '45'],
    ]);
    expect(answers.every((a) => a.headers['retry-after'] === undefined)).toBe(true);
    const limited = await create(sim, { verification_id: 'desk-b' });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual(error('rate_limit_error', 'too_many_requests_per_operation', 'Too many requests'));
    expect(limited.headers).toMatchObject({ 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '45', 'retry-after': '45' });
    expect(sim.orders().map((o) => o.verification_id)).toEqual(['desk-a']); // a 429 is not processed
    // Another client id has a budget of its own.
    expect((await status(sim, '?verification_id=unknown', other)).headers['x-ratelimit-remaining']).toBe('2');
    clock.advance(45_000);
    const next = await status(sim, '?verification_id=desk-a');
    expect(next.status).toBe(200);
    expect(next.headers).toMatchObject({ 'x-ratelimit-remaining': '2', 'x-ratelimit-reset': '60' });
    expect(sim.rateCounts()).toEqual({ create: { allowed: 1, refused: 1 }, status: { allowed: 4, refused: 0 } });
  });

  it('puts the budget headers on fault answers too', async () => {
    const sim = await start({ rateLimitPerMinute: 100 });
    sim.setFaults({ status: { status_5xx: 1 } });
    const failed = await status(sim, '?verification_id=unknown');
    expect(failed.status).toBe(500);
    expect(failed.headers).toMatchObject({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '99' });
  });

  it('delays every API request by delay_ms and can be cleared', async () => {
    const sim = await start({ delayMs: 20 });
    expect(sim.faults().delay_ms).toBe(20);
    expect((await create(sim, { verification_id: 'delay-1' })).status).toBe(200);
    await control(sim, 'POST', '/faults', { delay_ms: 0 });
    expect(sim.faults().delay_ms).toBe(0);
  });
});

describe('answers as Cashfree words them', () => {
  it('accepts redirect_url and any x-api-version, or none', async () => {
    const sim = await start();
    const { 'x-api-version': _v, ...noVersion } = AUTH;
    for (const [i, headers] of [AUTH, { ...AUTH, 'x-api-version': '2024-12-01' }, { ...AUTH, 'x-api-version': '1999-01-01' }, noVersion].entries()) {
      const answer = await create(sim, { verification_id: `ver-${i}`, name: 'Asha Rao', redirect_url: 'https://merchant.example/back' }, headers);
      expect(answer.status).toBe(200);
    }
  });

  it('writes valid_upto in ISO 8601 when the control call or option asks for it', async () => {
    const clock = manualClock();
    const sim = await start({ now: clock.now });
    expect((await create(sim, { verification_id: 'vu-plain' })).json['valid_upto']).toBe('2026-11-25 12:10:00');
    expect((await control(sim, 'POST', '/valid-upto', { form: 'iso' })).json).toEqual({ valid_upto_form: 'iso' });
    expect((await create(sim, { verification_id: 'vu-iso' })).json['valid_upto']).toBe('2026-11-25T06:40:00.000Z');
    expect((await control(sim, 'GET', '/health')).json['valid_upto_form']).toBe('iso');
    expect((await control(sim, 'POST', '/valid-upto', { form: 'zulu' })).status).toBe(400);
    const iso = await start({ now: clock.now, validUptoForm: 'iso' });
    expect((await create(iso, { verification_id: 'vu-opt' })).json['valid_upto']).toBe('2026-11-25T06:40:00.000Z');
  });

  it('serves the IP-whitelisting text with the caller\'s IP followed by more text', async () => {
    const sim = await start();
    sim.setFaults({ create: { error: 'ip_not_whitelisted' } });
    const answer = await create(sim, { verification_id: 'ip-1' });
    expect(answer.status).toBe(403);
    expect(answer.json['message']).toMatch(/^IP not whitelisted your current ip is 127\.0\.0\.1\.For IP whitelisting assistance, visit /);
  });

  it('answers create with null, missing or empty optional fields, and unusable answers, when asked', async () => {
    const sim = await start();
    const optional = ['gpay', 'phonepe', 'paytm', 'bhim', 'qr_code', 'url'];
    sim.setFaults({ create: { answer: { name: 'null_optional', count: 1 } } });
    const nulls = (await create(sim, { verification_id: 'shape-1' })).json;
    for (const k of optional) expect(nulls[k], k).toBeNull();
    sim.setFaults({ create: { answer: 'missing_optional', count: 1 } });
    const missing = (await create(sim, { verification_id: 'shape-2' })).json;
    expect(Object.keys(missing).sort()).toEqual(['ref_id', 'upi_link', 'valid_upto', 'verification_id']);
    sim.setFaults({ create: { answer: 'empty_optional', count: 1 } });
    const empty = (await create(sim, { verification_id: 'shape-3' })).json;
    for (const k of optional) expect(empty[k], k).toBe('');
    sim.setFaults({ create: { answer: 'broken_valid_upto', count: 1 } });
    expect((await create(sim, { verification_id: 'shape-4' })).json['valid_upto']).toBe('20-12-2023 8:25 PM');
    sim.setFaults({ create: { answer: 'other_verification_id', count: 1 } });
    expect((await create(sim, { verification_id: 'shape-5' })).json['verification_id']).toBe('other_shape-5');
    for (const [shape, field] of [['no_upi_link', 'upi_link'], ['no_ref_id', 'ref_id'], ['no_verification_id', 'verification_id']] as const) {
      sim.setFaults({ create: { answer: shape, count: 1 } });
      expect((await create(sim, { verification_id: `shape-${shape}` })).json).not.toHaveProperty(field);
    }
    // Every one of them is an order the simulator holds.
    expect(sim.orders()).toHaveLength(8);
  });

  it('answers status with an unknown status value or a broken time, when asked', async () => {
    const sim = await start();
    await create(sim, { verification_id: 'odd-1', name: 'Asha Rao' });
    sim.setFaults({ status: { answer: { name: 'unknown_status', status: 'ON_HOLD', count: 1 } } });
    expect((await status(sim, '?verification_id=odd-1')).json['status']).toBe('ON_HOLD');
    expect((await status(sim, '?verification_id=odd-1')).json['status']).toBe('CREATED');
    sim.expire('odd-1');
    sim.setFaults({ status: { answer: 'broken_time', count: 1 } });
    const expired = (await status(sim, '?verification_id=odd-1')).json;
    expect(expired).toMatchObject({ status: 'EXPIRED', name_match_score: '0' });
    expect(expired['processed_on']).toMatch(/\+05:3$/);
  });
});
