// The client against the real simulator over real sockets on 127.0.0.1.
import type { Socket } from 'node:net';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../electron/simulator/server.ts';
import { CashfreeClient, type CashfreeClientConfig } from '../electron/core/cashfree/client.ts';
import { CashfreeError } from '../electron/core/cashfree/errors.ts';
import { createSafely } from '../electron/core/cashfree/recover.ts';
import { toOrderState, toRemitterResult } from '../electron/core/cashfree/schemas.ts';
import { createVerificationIdGenerator } from '../shared/ids.ts';
import { AppError } from '../shared/result.ts';
import { startConnectProxy, type TestProxy } from './cashfree-proxy.ts';

const ID = 'CF_TEST_CLIENT';
const SECRET = 'cfsk_test_5ecret_value_1234';
const nextId = createVerificationIdGenerator();

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function sim(opts: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  const s = await startSimulator({ seed: 7, clientId: ID, clientSecret: SECRET, ...opts });
  cleanups.push(() => s.close());
  return s;
}

/** A client whose waits are recorded instead of spent. */
function client(s: { baseUrl: string }, over: Partial<CashfreeClientConfig> = {}): { c: CashfreeClient; waits: number[] } {
  const waits: number[] = [];
  const c = new CashfreeClient({
    baseUrl: s.baseUrl,
    clientId: ID,
    clientSecret: SECRET,
    profileLabel: 'Sandbox',
    timeoutMs: 5_000,
    env: {},
    ...over,
    retry: {
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...over.retry,
    },
  });
  cleanups.push(() => c.close());
  return { c, waits };
}

async function expectCashfreeError(p: Promise<unknown>): Promise<CashfreeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CashfreeError);
    const err = e as CashfreeError;
    expect(err.message).not.toContain(SECRET);
    expect(JSON.stringify(err.toAppError())).not.toContain(SECRET);
    AppError.parse(err.toAppError());
    return err;
  }
  throw new Error('expected the call to fail');
}

describe('every endpoint', () => {
  it('creates, reads status by verification_id and ref_id through CREATED, SUCCESS', async () => {
    const s = await sim();
    const { c } = client(s);
    const verificationId = nextId();
    const before = Date.now();
    const created = await c.create({ verificationId, name: '  Rahul   Kumar ' });
    expect(created.verificationId).toBe(verificationId);
    expect(created.refId).toMatch(/^\d+$/);
    expect(created.validUpto).toBeGreaterThan(before);
    expect(created.validUpto).toBeLessThanOrEqual(before + 11 * 60_000);
    expect(created.links?.upi).toMatch(/^upi:\/\/pay\?/);
    expect(created.qrCode).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const open = await c.status({ verificationId });
    expect(open).toMatchObject({ status: 'CREATED', refId: created.refId, bankAccount: '', nameMatchScore: null });
    expect(toOrderState(open)).toBe('created');
    expect(toRemitterResult(open)).toBeNull();

    s.pay(verificationId);
    const paid = await c.status({ refId: created.refId! });
    expect(toOrderState(paid)).toBe('success');
    const result = toRemitterResult(paid);
    expect(result?.maskedAccount).toBe(`••••${paid.bankAccount.slice(-4)}`);
    expect(result?.nameMatchScore).toBe(paid.nameMatchScore);
    expect(typeof paid.nameMatchScore).toBe('number');
  });

  it('reads FAILURE and EXPIRED', async () => {
    const s = await sim();
    const { c } = client(s);
    const failing = nextId();
    const expiring = nextId();
    await c.create({ verificationId: failing, name: 'Asha Rao' });
    await c.create({ verificationId: expiring, name: 'Asha Rao' });
    s.fail(failing);
    s.expire(expiring);
    expect(toOrderState(await c.status({ verificationId: failing }))).toBe('failure');
    expect(toOrderState(await c.status({ verificationId: expiring }))).toBe('expired');
  });

  it('prewarm opens the one connection that create and status then reuse', async () => {
    const s = await sim();
    const { c } = client(s);
    let connects = 0;
    const onConnect = (): void => {
      connects += 1;
    };
    subscribe('undici:client:connected', onConnect);
    try {
      await c.prewarm();
      expect(connects).toBe(1);
      const verificationId = nextId();
      await c.create({ verificationId, name: 'Rahul Kumar' });
      await c.status({ verificationId });
      expect(connects).toBe(1);
    } finally {
      unsubscribe('undici:client:connected', onConnect);
    }
  });

  it('prewarm never rejects, even with nothing listening', async () => {
    const { c } = client({ baseUrl: 'http://127.0.0.1:1/verification' });
    await expect(c.prewarm()).resolves.toBeUndefined();
  });
});

describe('headers', () => {
  it('sends credentials, version, accept, user-agent, JSON content type on POST only, and a fresh signature', async () => {
    const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          req.method === 'POST'
            ? JSON.stringify({ verification_id: 'v1', ref_id: 5, valid_upto: '2030-01-01 10:00:00', upi_link: 'upi://pay?pa=a@b' })
            : JSON.stringify({ verification_id: 'v1', ref_id: '5', status: 'CREATED' }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => server.close(() => r())));
    const port = (server.address() as { port: number }).port;
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const { c } = client({ baseUrl: `http://127.0.0.1:${port}/verification/` }, { publicKeyPem: publicKey, appVersion: '1.2.3' });
    await c.create({ verificationId: 'v1', name: 'Ravi Kumar' });
    await c.status({ verificationId: 'v1' });

    const [post, get] = seen;
    expect(post?.method).toBe('POST');
    expect(post?.url).toBe('/verification/reverse-penny-drop');
    expect(JSON.parse(post!.body)).toEqual({ verification_id: 'v1', name: 'Ravi Kumar' });
    expect(get?.url).toBe('/verification/remitter/status?verification_id=v1');
    for (const r of [post!, get!]) {
      expect(r.headers['x-client-id']).toBe(ID);
      expect(r.headers['x-client-secret']).toBe(SECRET);
      expect(r.headers['x-api-version']).toBe('2023-12-18');
      expect(r.headers['accept']).toBe('application/json');
      expect(r.headers['user-agent']).toBe('RPD-Desk/1.2.3');
      const sig = String(r.headers['x-cf-signature']);
      const plain = privateDecrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
        Buffer.from(sig, 'base64'),
      ).toString();
      expect(plain).toMatch(new RegExp(`^${ID}\\.\\d{10}$`));
      expect(Math.abs(Number(plain.split('.')[1]) - Date.now() / 1000)).toBeLessThan(60);
    }
    expect(post?.headers['content-type']).toBe('application/json');
    expect(get?.headers['content-type']).toBeUndefined();
    expect(post?.headers['x-cf-signature']).not.toBe(get?.headers['x-cf-signature']);
  });

  it('reads the app version from package.json for the user-agent by default', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(String(req.headers['user-agent']));
      res.writeHead(400, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => server.close(() => r())));
    const { c } = client({ baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/verification` });
    await expectCashfreeError(c.status({ refId: '1' }));
    expect(seen[0]).toMatch(/^RPD-Desk\/\d+\.\d+\.\d+/);
  });
});

describe('signature against the simulator', () => {
  it('passes with the right key, is rejected without one or with another key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const s = await sim({ privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    const right = client(s, { publicKeyPem: s.publicKeyPem! }).c;
    const verificationId = nextId();
    await right.create({ verificationId, name: 'Rahul Kumar' });
    expect((await right.status({ verificationId })).status).toBe('CREATED');

    const unsigned = await expectCashfreeError(client(s).c.status({ verificationId }));
    expect(unsigned.code).toBe('signature_rejected');
    expect(unsigned.message).toMatch(/expects signed requests.*public key/);

    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const wrong = await expectCashfreeError(client(s, { publicKeyPem: otherKey }).c.create({ verificationId: nextId(), name: 'Rahul Kumar' }));
    expect(wrong.code).toBe('signature_rejected');
    expect(wrong.message).toMatch(/rejected the request signature/);
  });
});

describe('documented errors from the simulator', () => {
  it('wrong credentials -> auth_failed, naming the profile and not the secret', async () => {
    const s = await sim();
    const err = await expectCashfreeError(client(s, { clientSecret: 'cfsk_wrong_secret_999' }).c.create({ verificationId: nextId(), name: 'Rahul Kumar' }));
    expect(err.code).toBe('auth_failed');
    expect(err.httpStatus).toBe(401);
    expect(err.message).toBe('Cashfree rejected the client ID and secret of the Sandbox profile. Check them in Settings.');
    expect(err.message).not.toContain('cfsk_wrong_secret_999');
  });

  it.each([
    ['insufficient_balance', 'insufficient_balance', 422],
    ['rpd_not_enabled', 'rpd_not_enabled', 400],
    ['test_environment_secret', 'wrong_environment', 400],
    ['ip_not_whitelisted', 'ip_not_whitelisted', 403],
  ] as const)('account error %s -> %s', async (fault, code, httpStatus) => {
    const s = await sim();
    const { c } = client(s);
    s.setFaults({ create: { error: fault } });
    const err = await expectCashfreeError(c.create({ verificationId: nextId(), name: 'Rahul Kumar' }));
    expect(err).toMatchObject({ code, httpStatus, retryable: false, outcomeUnknown: false });
    if (code === 'ip_not_whitelisted') expect(err.message).toContain('127.0.0.1');
  });

  it('a verification_id used twice -> duplicate_id', async () => {
    const s = await sim();
    const { c } = client(s);
    const verificationId = nextId();
    await c.create({ verificationId, name: 'Rahul Kumar' });
    const err = await expectCashfreeError(c.create({ verificationId, name: 'Rahul Kumar' }));
    expect(err).toMatchObject({ code: 'duplicate_id', httpStatus: 400, cashfreeCode: 'invalid_verification_id' });
  });

  it('status of an unknown id or ref -> not_found, without retrying', async () => {
    const s = await sim();
    const { c, waits } = client(s);
    expect((await expectCashfreeError(c.status({ verificationId: 'never_made' }))).code).toBe('not_found');
    expect((await expectCashfreeError(c.status({ refId: '987654' }))).code).toBe('not_found');
    expect(waits).toEqual([]);
  });

  it('bad input is refused before any request', async () => {
    const { c } = client({ baseUrl: 'http://127.0.0.1:1/verification' });
    const badId = await expectCashfreeError(c.create({ verificationId: 'has space', name: 'Rahul Kumar' }));
    expect(badId.code).toBe('invalid_input');
    const badName = await expectCashfreeError(c.create({ verificationId: 'ok_id', name: 'R2D2' }));
    expect(badName.code).toBe('invalid_input');
    expect(badName.message).toContain('"2"');
    expect((await expectCashfreeError(c.create({ verificationId: 'x'.repeat(51), name: 'Rahul Kumar' }))).code).toBe('invalid_input');
  });

  it('refuses a configuration that would leak or cannot work', () => {
    const make = (over: Partial<CashfreeClientConfig>) => () =>
      new CashfreeClient({ baseUrl: 'https://sandbox.cashfree.com/verification', clientId: ID, clientSecret: SECRET, ...over });
    expect(make({ baseUrl: 'http://sandbox.cashfree.com/verification' })).toThrow(/https/);
    expect(make({ clientSecret: '' })).toThrow(/client ID and secret/);
    expect(make({ clientSecret: 'abc\r\nx-evil: 1' })).toThrow(/invisible/);
    expect(make({ publicKeyPem: '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----' })).toThrow(/public key/);
  });
});

describe('retries of status reads', () => {
  it('honours Retry-After on 429 and then answers', async () => {
    const s = await sim();
    const { c, waits } = client(s);
    const verificationId = nextId();
    await c.create({ verificationId, name: 'Rahul Kumar' });
    s.setFaults({ status: { rate_limit: { count: 2, retry_after_s: 3 } } });
    expect((await c.status({ verificationId })).status).toBe('CREATED');
    expect(waits).toEqual([3000, 3000]);
  });

  it('gives up with rate_limited when Cashfree asks for a longer wait than the budget', async () => {
    const s = await sim();
    const { c, waits } = client(s, { retry: { maxTotalWaitMs: 10_000 } });
    s.setFaults({ status: { rate_limit: { count: 5, retry_after_s: 30 } } });
    const err = await expectCashfreeError(c.status({ verificationId: 'any_id' }));
    expect(err).toMatchObject({ code: 'rate_limited', retryAfterMs: 30_000, retryable: true });
    expect(err.message).toContain('30 seconds');
    expect(waits).toEqual([]);
  });

  it('retries 5xx with capped exponential backoff and then answers', async () => {
    const s = await sim();
    const { c, waits } = client(s, { retry: { baseDelayMs: 100, maxDelayMs: 1000 } });
    const verificationId = nextId();
    await c.create({ verificationId, name: 'Rahul Kumar' });
    s.setFaults({ status: { status_5xx: { status: 502, count: 2 } } });
    expect((await c.status({ verificationId })).status).toBe('CREATED');
    // random 0.5 -> three quarters of each step: 100, 200
    expect(waits).toEqual([75, 150]);
  });

  it('stops after maxAttempts and reports cashfree_down', async () => {
    const s = await sim();
    const { c, waits } = client(s, { retry: { maxAttempts: 3, baseDelayMs: 100 } });
    s.setFaults({ status: { status_5xx: true } });
    const err = await expectCashfreeError(c.status({ verificationId: 'any_id' }));
    expect(err).toMatchObject({ code: 'cashfree_down', httpStatus: 500, retryable: true });
    expect(waits).toHaveLength(2);
  });

  it('a status read that hangs is abandoned after timeoutMs and asked again', async () => {
    const s = await sim();
    const { c, waits } = client(s, { timeoutMs: 300 });
    const verificationId = nextId();
    await c.create({ verificationId, name: 'Rahul Kumar' });
    s.setFaults({ status: { hang: 1 } });
    expect((await c.status({ verificationId })).status).toBe('CREATED');
    expect(waits).toHaveLength(1);
  });

  it('an unreadable status answer is malformed_answer, not a crash and not retried', async () => {
    const s = await sim();
    const { c, waits } = client(s);
    const verificationId = nextId();
    await c.create({ verificationId, name: 'Rahul Kumar' });
    s.setFaults({ status: { malformed: 1 } });
    const err = await expectCashfreeError(c.status({ verificationId }));
    expect(err.code).toBe('malformed_answer');
    expect(err.message).toMatch(/cannot read/);
    expect(waits).toEqual([]);
  });

  it('nothing listening -> network_down, never reached, retried then reported', async () => {
    const { c, waits } = client({ baseUrl: 'http://127.0.0.1:1/verification' }, { retry: { maxAttempts: 2 } });
    const err = await expectCashfreeError(c.status({ verificationId: 'any_id' }));
    expect(err).toMatchObject({ code: 'network_down', outcomeUnknown: false, retryable: true });
    expect(err.message).toMatch(/Could not connect to 127\.0\.0\.1:1/);
    expect(waits).toHaveLength(1);
  });
});

describe('creating safely', () => {
  it('a create is sent once, even when it fails with 5xx', async () => {
    const s = await sim();
    const { c } = client(s);
    s.setFaults({ create: { status_5xx: 2 } });
    const err = await expectCashfreeError(c.create({ verificationId: nextId(), name: 'Rahul Kumar' }));
    expect(err).toMatchObject({ code: 'cashfree_down', outcomeUnknown: true });
    expect(s.faults().create?.effects[0]?.remaining).toBe(1);
  });

  it('reset before Cashfree processed it -> status says unknown -> same id sent again -> created', async () => {
    const s = await sim();
    const { c, waits } = client(s);
    const verificationId = nextId();
    s.setFaults({ create: { reset: 1 } });
    const outcome = await createSafely(c, { verificationId, name: 'Rahul Kumar' });
    expect(outcome.kind).toBe('created');
    if (outcome.kind === 'created') expect(outcome.answer.verificationId).toBe(verificationId);
    expect(s.orders().filter((o) => o.verification_id === verificationId)).toHaveLength(1);
    expect(waits).toHaveLength(1);
  });

  it('5xx and hang before processing are also sent again with the same id', async () => {
    const s = await sim();
    const { c } = client(s, { timeoutMs: 300 });
    s.setFaults({ create: { status_5xx: 1 } });
    expect((await createSafely(c, { verificationId: nextId(), name: 'Rahul Kumar' })).kind).toBe('created');
    s.setFaults({ create: { hang: 1 } });
    expect((await createSafely(c, { verificationId: nextId(), name: 'Rahul Kumar' })).kind).toBe('created');
    expect(s.orders()).toHaveLength(2);
  });

  it('an answer cut short after Cashfree created the order -> answer_lost with its status', async () => {
    const s = await sim();
    const { c } = client(s);
    const verificationId = nextId();
    s.setFaults({ create: { malformed: 1 } });
    const plain = await expectCashfreeError(c.create({ verificationId, name: 'Rahul Kumar' }));
    expect(plain).toMatchObject({ code: 'malformed_answer', outcomeUnknown: true });

    const again = nextId();
    s.setFaults({ create: { malformed: 1 } });
    const outcome = await createSafely(c, { verificationId: again, name: 'Rahul Kumar' });
    expect(outcome.kind).toBe('answer_lost');
    if (outcome.kind === 'answer_lost') expect(outcome.status).toMatchObject({ verificationId: again, status: 'CREATED' });
  });

  it('a POST whose answer never comes, for an order Cashfree has -> answer_lost', async () => {
    const s = await sim();
    const { c } = client(s, { timeoutMs: 300 });
    const verificationId = nextId();
    // Cashfree has the order (made here directly), and the create the client sends never
    // gets an answer: from the client's side, exactly a create whose answer was lost.
    await client(s).c.create({ verificationId, name: 'Rahul Kumar' });
    s.setFaults({ create: { hang: 1 } });
    const outcome = await createSafely(c, { verificationId, name: 'Rahul Kumar' });
    expect(outcome.kind).toBe('answer_lost');
    if (outcome.kind === 'answer_lost') expect(outcome.status.verificationId).toBe(verificationId);
  });

  it('sends the same create at most maxCreates times', async () => {
    const s = await sim();
    const { c } = client(s);
    s.setFaults({ create: { reset: 5 } });
    const err = await expectCashfreeError(createSafely(c, { verificationId: nextId(), name: 'Rahul Kumar' }, { maxCreates: 3 }));
    expect(err).toMatchObject({ code: 'network_down', outcomeUnknown: true });
    expect(s.faults().create?.effects[0]?.remaining).toBe(2);
    expect(s.orders()).toHaveLength(0);
  });

  it('a 429 on create is waited out and sent again', async () => {
    const s = await sim();
    const { c, waits } = client(s);
    s.setFaults({ create: { rate_limit: { count: 1, retry_after_s: 2 } } });
    expect((await createSafely(c, { verificationId: nextId(), name: 'Rahul Kumar' })).kind).toBe('created');
    expect(waits).toEqual([2000]);
  });

  it('clear refusals are thrown at once, without asking status', async () => {
    const s = await sim();
    const { c, waits } = client(s);
    s.setFaults({ create: { error: 'insufficient_balance' }, status: { status_5xx: 1 } });
    const err = await expectCashfreeError(createSafely(c, { verificationId: nextId(), name: 'Rahul Kumar' }));
    expect(err.code).toBe('insufficient_balance');
    expect(s.faults().status?.effects[0]?.remaining).toBe(1); // status never asked
    expect(waits).toEqual([]);
  });

  it('when status cannot be asked either, the create failure is reported as of unknown outcome', async () => {
    const s = await sim();
    const { c } = client(s, { retry: { maxAttempts: 2 } });
    s.setFaults({ create: { reset: 1 }, status: { status_5xx: true } });
    const err = await expectCashfreeError(createSafely(c, { verificationId: nextId(), name: 'Rahul Kumar' }));
    expect(err).toMatchObject({ code: 'network_down', outcomeUnknown: true });
    expect(err.toAppError().details).toMatchObject({ outcomeUnknown: true });
  });
});

describe('answers for another order', () => {
  it('create: kept as an order Cashfree holds but unusable, its links dropped; status: refused as malformed', async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          req.method === 'POST'
            ? JSON.stringify({ verification_id: 'someone_else', ref_id: 5, valid_upto: '2030-01-01 10:00:00', upi_link: 'upi://pay?pa=a@b' })
            : JSON.stringify({ verification_id: 'someone_else', ref_id: '5', status: 'SUCCESS' }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => server.close(() => r())));
    const { c } = client({ baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/verification` });
    const created = await c.create({ verificationId: 'mine', name: 'Ravi Kumar' });
    expect(created.unusable).toMatch(/another order/);
    expect(created).toMatchObject({ links: null, qrCode: null, url: null });
    expect(created.wire).toMatchObject({ verification_id: 'someone_else' });
    expect((await expectCashfreeError(c.status({ verificationId: 'mine' }))).code).toBe('malformed_answer');
  });
});

describe('answers that never finish or never stop', () => {
  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server = createServer(handler);
    const sockets = new Set<Socket>();
    server.on('connection', (sock) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(async () => {
      for (const sock of sockets) sock.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    });
    return `http://127.0.0.1:${(server.address() as { port: number }).port}/verification`;
  }

  it('a body that stalls after the headers ends in timeout, within the whole-request limit', async () => {
    const baseUrl = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"verification_id":"v1",'); // and nothing more
    });
    const { c } = client({ baseUrl }, { timeoutMs: 300, retry: { maxAttempts: 1 } });
    const err = await expectCashfreeError(c.create({ verificationId: 'v1', name: 'Ravi Kumar' }));
    expect(err).toMatchObject({ code: 'timeout', outcomeUnknown: true });
  });

  it('an answer larger than maxResponseBytes is refused as malformed', async () => {
    const baseUrl = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ padding: 'x'.repeat(50_000) }));
    });
    const { c } = client({ baseUrl }, { maxResponseBytes: 10_000 });
    const err = await expectCashfreeError(c.status({ verificationId: 'v1' }));
    expect(err.code).toBe('malformed_answer');
    expect(err.message).toContain('larger than 10000 bytes');
  });

  it('decodes gzip, deflate and br answers, and holds the size limit for the decoded text', async () => {
    const status = JSON.stringify({ verification_id: 'v1', ref_id: '7', status: 'CREATED', added_on: '2026-11-25T16:55:00+05:30' });
    const encoders: Record<string, (b: Buffer) => Buffer> = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
    for (const [encoding, encode] of Object.entries(encoders)) {
      const baseUrl = await serve((_req, res) => {
        const body = encode(Buffer.from(status));
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': body.length });
        res.end(body);
      });
      const { c } = client({ baseUrl });
      expect((await c.status({ verificationId: 'v1' })).refId, encoding).toBe('7');
    }
    // 5 MB of spaces shrink to a few KB on the wire; decoded they are still too large.
    const bombUrl = await serve((_req, res) => {
      const body = gzipSync(Buffer.from(`${status}${' '.repeat(5_000_000)}`));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(body);
    });
    const bomb = await expectCashfreeError(client({ baseUrl: bombUrl }, { maxResponseBytes: 100_000 }).c.status({ verificationId: 'v1' }));
    expect(bomb).toMatchObject({ code: 'malformed_answer' });
    expect(bomb.message).toContain('larger than 100000 bytes');
  });
});

describe('proxies', () => {
  let proxy: TestProxy;

  it('tunnels through an explicit proxyUrl', async () => {
    const s = await sim();
    proxy = await startConnectProxy();
    cleanups.push(() => proxy.close());
    const { c } = client(s, { proxyUrl: proxy.url });
    expect(c.viaProxy).toBe(true);
    const verificationId = nextId();
    await c.create({ verificationId, name: 'Rahul Kumar' });
    expect((await c.status({ verificationId })).status).toBe('CREATED');
    expect(proxy.tunnels).toEqual([`127.0.0.1:${s.port}`]);
  });

  it('never sends a plain-http loopback call through HTTPS_PROXY / HTTP_PROXY, even without NO_PROXY', async () => {
    const s = await sim();
    proxy = await startConnectProxy();
    cleanups.push(() => proxy.close());
    for (const env of [{ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }, { http_proxy: proxy.url }, { HTTPS_PROXY: proxy.url, NO_PROXY: '' }]) {
      const direct = client(s, { env }).c;
      expect(direct.viaProxy).toBe(false);
      await direct.create({ verificationId: nextId(), name: 'Rahul Kumar' });
    }
    expect(proxy.tunnels).toEqual([]);
  });

  it('sends proxy credentials from the URL, and explains a 407 without showing the password', async () => {
    const s = await sim();
    proxy = await startConnectProxy({ user: 'agent', password: 'pr0xy-pass' });
    cleanups.push(() => proxy.close());
    const good = client(s, { proxyUrl: proxy.url.replace('http://', 'http://agent:pr0xy-pass@') }).c;
    await good.create({ verificationId: nextId(), name: 'Rahul Kumar' });
    expect(proxy.tunnels).toHaveLength(1);

    const bad = client(s, { proxyUrl: proxy.url.replace('http://', 'http://agent:wrong-pass@') }).c;
    const err = await expectCashfreeError(bad.create({ verificationId: nextId(), name: 'Rahul Kumar' }));
    expect(err).toMatchObject({ code: 'network_down', outcomeUnknown: false });
    expect(err.message).toMatch(/user name and password/);
    expect(err.message).not.toContain('wrong-pass');
    expect(proxy.refused).toBeGreaterThan(0);
  });
});
