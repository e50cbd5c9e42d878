// The CLI as a child process against a small, strict Cashfree stand-in written from
// the facts file (../shared/cashfree-rpd.md) alone (not from the simulator): string ref_ids, ISO valid_upto, extra
// fields, missing app links, empty bodies, 404s, 429 with Retry-After, gzip, closed keep-alive,
// signatures. Each case checks the exit code, that stdout holds exactly one JSON value under
// --json, and that no stack trace or secret is printed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const CLI = fileURLToPath(new URL('../electron/cli.ts', import.meta.url));
const CLIENT_ID = 'standin-client';
const CLIENT_SECRET = 'standin-secret-7f3a9c';

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}
interface Answer {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON.stringify(body). */
  raw?: string;
  headers?: Record<string, string>;
  gzip?: boolean;
}
/** A case may take over a request; returning undefined falls through to the strict default. */
type Override = (req: Seen, n: number) => Answer | 'hang' | 'reset' | undefined;

interface Order {
  verification_id: string;
  ref_id: number;
  name?: string;
  status: 'CREATED' | 'SUCCESS' | 'FAILURE' | 'EXPIRED';
}

const seen: Seen[] = [];
const orders = new Map<string, Order>();
let nextRef = 4100;
let override: Override | null = null;
let publicKeyFile = '';
let privateKeyPem = '';
let requireSignature = false;
let server: Server;
const sockets = new Set<Socket>();
let base = '';
let dataDir = '';

const error = (status: number, type: string, code: string, message: string): Answer => ({ status, body: { type, code, message } });

/** The parameters of every Cashfree example: tn=BAV, tr and tid the ref_id. */
function upi(ref: number): string {
  return `upi://pay?pa=yespay.cpisprod01@yesbankltd&pn=Cashfree&tn=BAV&am=1.00&cu=INR&tr=${ref}&tid=${ref}`;
}

function strictDefault(req: Seen): Answer {
  const id = req.headers['x-client-id'];
  const secret = req.headers['x-client-secret'];
  if (!id) return error(400, 'validation_error', 'x-client-id_missing', 'x-client-id is missing in the request');
  if (id !== CLIENT_ID || secret !== CLIENT_SECRET) return error(401, 'authentication_error', 'authentication_failed', 'Invalid clientId and clientSecret combination');
  if (requireSignature) {
    const signature = String(req.headers['x-cf-signature'] ?? '');
    let plain: string;
    try {
      plain = privateDecrypt({ key: privateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(signature, 'base64')).toString();
    } catch {
      return error(403, 'authentication_error', 'signature_invalid', 'signature mismatch');
    }
    const [who, at] = [plain.slice(0, plain.lastIndexOf('.')), Number(plain.slice(plain.lastIndexOf('.') + 1))];
    if (who !== CLIENT_ID || Math.abs(at - Date.now() / 1000) > 300) return error(403, 'authentication_error', 'signature_invalid', 'signature mismatch');
  }
  if (req.method === 'POST' && req.path === '/verification/reverse-penny-drop') {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return error(400, 'validation_error', 'content_type_invalid', 'Content-Type must be application/json');
    let body: { verification_id?: unknown; name?: unknown };
    try {
      body = JSON.parse(req.body) as typeof body;
    } catch {
      return error(400, 'validation_error', 'request_invalid', 'body is not JSON');
    }
    const vid = body.verification_id;
    if (typeof vid !== 'string' || vid === '') return error(400, 'validation_error', 'verification_id_missing', 'verification_id is missing in the request');
    if (!/^[A-Za-z0-9._-]+$/.test(vid)) return error(400, 'validation_error', 'verification_id_value_invalid', 'verification_id : should contain only alphabets, numbers, period, hyphen and underscore');
    if (vid.length > 50) return error(400, 'validation_error', 'verification_id_length_exceeded', 'verification_id : should not exceed 50 characters');
    if (orders.has(vid)) return error(400, 'validation_error', 'invalid_verification_id', 'verification_id already exists');
    const ref = nextRef++;
    orders.set(vid, { verification_id: vid, ref_id: ref, status: 'CREATED', ...(typeof body.name === 'string' ? { name: body.name } : {}) });
    const link = upi(ref);
    return {
      status: 200,
      body: {
        verification_id: vid,
        ref_id: ref,
        valid_upto: '2026-11-25 17:05:00',
        upi_link: link,
        gpay: link.replace('upi://pay', 'tez://upi/pay'),
        phonepe: link.replace('upi://', 'phonepe://'),
        paytm: link.replace('upi://', 'paytmmp://'),
        bhim: `bhim://${link}`,
        qr_code: 'iVBORw0KGgo=',
      },
    };
  }
  if (req.method === 'GET' && req.path === '/verification/remitter/status') {
    const vid = req.query.get('verification_id');
    const ref = req.query.get('ref_id');
    const unknown = error(400, 'validation_error', 'invalid_request', 'Please enter a valid verification_id / ref_id');
    if (!vid && !ref) return unknown;
    const order = vid ? orders.get(vid) : [...orders.values()].find((o) => String(o.ref_id) === ref);
    if (!order) return unknown;
    const common = { verification_id: order.verification_id, ref_id: String(order.ref_id), status: order.status };
    if (order.status === 'CREATED') return { status: 200, body: { ...common, added_on: '2026-11-25T16:55:00+05:30', processed_on: '2026-11-25T16:55:00+05:30', account_type: '' } };
    // No account_type on these; Cashfree's own EXPIRED example has a broken time.
    if (order.status === 'EXPIRED') return { status: 200, body: { ...common, name_match_score: '0', added_on: '2026-11-25T16:55:00+05:30', processed_on: '2026-11-25T17:05:00+05:3' } };
    if (order.status === 'FAILURE') return { status: 200, body: { ...common, name_match_score: '0', added_on: '2026-11-25T16:55:00+05:30', processed_on: '2026-11-25T16:58:00+05:30' } };
    return {
      status: 200,
      body: {
        bank_account: '026291800001191',
        ifsc: 'YESB0000262',
        upi: 'success@upi',
        name_at_bank: 'BHARATHTEST GKUMARUT',
        ...common,
        utr: '7048123456',
        // "" when no name was sent.
        name_match_score: order.name ? '10' : '',
        name_match_result: order.name ? 'POOR_PARTIAL_MATCH' : '',
        added_on: '2026-11-25T16:55:00+05:30',
        processed_on: '2026-11-25T16:57:02+05:30',
        penny_collected_on: '2026-11-25T16:57:01+05:30',
        reversal_status: 'PENDING',
        account_type: 'SAVINGS',
      },
    };
  }
  return error(404, 'invalid_request', 'not_found', 'no such route');
}

function send(res: ServerResponse, answer: Answer): void {
  const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
  const payload = answer.gzip ? gzipSync(text) : Buffer.from(text);
  res.writeHead(answer.status, {
    ...(text !== '' ? { 'content-type': 'application/json' } : {}),
    ...(answer.gzip ? { 'content-encoding': 'gzip' } : {}),
    'content-length': String(payload.length),
    ...answer.headers,
  });
  res.end(payload);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rpd-standin-'));
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  publicKeyFile = join(dataDir, 'cashfree-public.pem');
  writeFileSync(publicKeyFile, pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const request: Seen = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(request);
      const taken = override?.(request, seen.length) ?? strictDefault(request);
      if (taken === 'hang') return;
      if (taken === 'reset') return void req.socket.destroy();
      send(res, taken);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/verification`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  orders.clear();
  nextRef = 4100;
  override = null;
  requireSignature = false;
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function rpd(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: {
        PATH: process.env.PATH,
        RPD_BASE_URL: base,
        CASHFREE_CLIENT_ID: CLIENT_ID,
        CASHFREE_CLIENT_SECRET: CLIENT_SECRET,
        RPD_DATA_DIR: dataDir,
        RPD_TIMEOUT_MS: '3000',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Exactly one JSON value on stdout, no stack trace, no secret anywhere. */
function oneJson(r: Run): Record<string, unknown> {
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout + r.stderr).not.toContain(CLIENT_SECRET);
  const lines = r.stdout.trim().split('\n');
  expect(lines, r.stdout + r.stderr).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

function expectError(r: Run, exit: number, code: string, httpStatus: number | null): void {
  expect(r.code, r.stdout + r.stderr).toBe(exit);
  expect(oneJson(r)).toEqual({ error: { code, message: expect.any(String), httpStatus } });
}

describe('rpd CLI against a strict Cashfree stand-in', () => {
  it('sends the documented request and prints Cashfree\'s answer exactly, extra fields and all', async () => {
    override = (req) => {
      if (req.method !== 'POST') return undefined;
      const answer = strictDefault(req);
      const body = answer.body as Record<string, unknown>;
      // A string ref_id, an ISO valid_upto, no app links, no QR, and fields the doc does not list.
      return {
        status: 200,
        body: {
          verification_id: body.verification_id,
          ref_id: String(body.ref_id),
          valid_upto: '2026-11-25T17:05:00+05:30',
          upi_link: body.upi_link,
          url: 'https://payments.cashfree.com/rpd/abc',
          extra: { nested: true },
          flow: 'upi',
        },
      };
    };
    const r = await rpd(['create', '--name', 'John Doe', '--verification-id', 'standin_1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const printed = oneJson(r);
    expect(printed).toEqual({
      verification_id: 'standin_1',
      ref_id: '4100',
      valid_upto: '2026-11-25T17:05:00+05:30',
      upi_link: upi(4100),
      url: 'https://payments.cashfree.com/rpd/abc',
      extra: { nested: true },
      flow: 'upi',
    });
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req).toMatchObject({ method: 'POST', path: '/verification/reverse-penny-drop' });
    expect(JSON.parse(req!.body)).toEqual({ verification_id: 'standin_1', name: 'John Doe' });
    expect(req!.headers).toMatchObject({ 'x-client-id': CLIENT_ID, 'x-client-secret': CLIENT_SECRET, 'content-type': 'application/json' });
    expect(req!.headers['x-cf-signature']).toBeUndefined();
  });

  it('prints a short human summary of a create, times in India time whichever form valid_upto takes', async () => {
    const r = await rpd(['create', '--name', 'Asha Rao']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Asha Rao');
    expect(r.stdout).toContain('2026-11-25 17:05:00 IST');
    expect(r.stdout).toContain(upi(4100));
    const generated = JSON.parse(seen[0]!.body) as { verification_id: string };
    expect(r.stdout).toContain(generated.verification_id);
  });

  it('sends CASHFREE_API_VERSION and a fresh x-cf-signature the stand-in can decrypt', async () => {
    requireSignature = true;
    const created = await rpd(['create', '--name', 'Priya Nair', '--verification-id', 'signed_1', '--json'], { CASHFREE_PUBLIC_KEY: publicKeyFile, CASHFREE_API_VERSION: '2024-12-01' });
    expect(created.code, created.stdout + created.stderr).toBe(0);
    expect(seen[0]!.headers['x-api-version']).toBe('2024-12-01');
    const unsigned = await rpd(['status', '--verification-id', 'signed_1', '--json']);
    expectError(unsigned, 1, 'signature_rejected', 403);
  });

  it('status: all-string answers, by verification id and by ref id, printed as sent', async () => {
    orders.set('paid_1', { verification_id: 'paid_1', ref_id: 9001, name: 'Bharath', status: 'SUCCESS' });
    const byId = await rpd(['status', '--verification-id', 'paid_1', '--json']);
    expect(byId.code, byId.stderr).toBe(0);
    expect(oneJson(byId)).toMatchObject({ verification_id: 'paid_1', ref_id: '9001', status: 'SUCCESS', name_match_score: '10', bank_account: '026291800001191' });
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/verification/remitter/status' });
    expect([...seen[0]!.query.keys()]).toEqual(['verification_id']);
    const byRef = await rpd(['status', '--ref-id', '9001']);
    expect(byRef.code, byRef.stderr).toBe(0);
    expect([...seen[1]!.query.entries()]).toEqual([['ref_id', '9001']]);
    expect(byRef.stdout).toContain('paid_1 (ref 9001): SUCCESS');
    expect(byRef.stdout).toContain('BHARATHTEST GKUMARUT');
    // The full account number is for the history's encrypted store, not the terminal.
    expect(byRef.stdout).not.toContain('026291800001191');
  });

  it('status answers as Cashfree sends them are printed as they came, exit 0', async () => {
    orders.set('gone_1', { verification_id: 'gone_1', ref_id: 9002, name: 'Asha', status: 'EXPIRED' });
    const expired = await rpd(['status', '--verification-id', 'gone_1', '--json']);
    expect(expired.code, expired.stderr).toBe(0);
    const printed = oneJson(expired);
    expect(printed).toMatchObject({ status: 'EXPIRED', processed_on: '2026-11-25T17:05:00+05:3' });
    expect(printed).not.toHaveProperty('account_type');
    orders.set('fail_1', { verification_id: 'fail_1', ref_id: 9003, status: 'FAILURE' });
    expect((await rpd(['status', '--verification-id', 'fail_1'])).stdout).toContain('fail_1 (ref 9003): FAILURE');
    orders.set('odd_1', { verification_id: 'odd_1', ref_id: 9004, status: 'SUCCESS' });
    override = (req) => {
      const answer = strictDefault(req);
      const body = answer.body as Record<string, unknown>;
      return req.query.get('verification_id') === 'odd_1' ? { status: 200, body: { ...body, status: 'ON_HOLD', name_match_score: '90.00' } } : answer;
    };
    const odd = await rpd(['status', '--verification-id', 'odd_1', '--json']);
    expect(odd.code, odd.stderr).toBe(0);
    expect(oneJson(odd)).toMatchObject({ status: 'ON_HOLD', name_match_score: '90.00' });
  });

  it('a 200 create answer with null or empty optional fields is an order: printed, exit 0, never sent twice', async () => {
    override = (req) => {
      if (req.method !== 'POST') return undefined;
      const body = strictDefault(req).body as Record<string, unknown>;
      return { status: 200, body: { ...body, gpay: null, phonepe: '', paytm: null, bhim: null, qr_code: null, url: null, valid_upto: '25/11/2026 17:05' } };
    };
    const r = await rpd(['create', '--name', 'John Doe', '--verification-id', 'nulls_1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(upi(4100));
    expect(r.stdout).toMatch(/assumed/);
    expect(seen.map((s) => s.method)).toEqual(['POST']);
  });

  it('an unusable 200 (no upi_link) is still an order Cashfree holds: printed as it came, exit 0, no replacement', async () => {
    override = (req) => {
      if (req.method !== 'POST') return undefined;
      const { upi_link: _u, ...rest } = strictDefault(req).body as Record<string, unknown>;
      return { status: 200, body: rest };
    };
    const r = await rpd(['create', '--name', 'John Doe', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(oneJson(r)).not.toHaveProperty('upi_link');
    expect(seen.map((s) => s.method)).toEqual(['POST']);
  });

  it('a duplicate id told by Cashfree is duplicate_id, exit 1', async () => {
    orders.set('taken_1', { verification_id: 'taken_1', ref_id: 1, status: 'CREATED' });
    expectError(await rpd(['create', '--name', 'John Doe', '--verification-id', 'taken_1', '--json']), 1, 'duplicate_id', 400);
    expect(seen).toHaveLength(1);
  });

  it('names the IP from the whitelisting text, with the text that follows it', async () => {
    override = () => error(403, 'authentication_error', 'ip_validation_failed', 'IP not whitelisted your current ip is 106.51.91.104.For IP whitelisting assistance, visit https://www.cashfree.com');
    const r = await rpd(['create', '--name', 'John Doe']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(106.51.91.104)');
  });

  it('an unknown id is exit 1, whether the stand-in says 400 or 404', async () => {
    expectError(await rpd(['status', '--verification-id', 'nobody', '--json']), 1, 'not_found', 400);
    override = () => error(404, 'invalid_request', 'verification_not_found', 'verification not found');
    expectError(await rpd(['status', '--verification-id', 'nobody', '--json']), 1, 'not_found', 404);
  });

  it('an error body with an extra error object still gives its plain meaning, without the secret', async () => {
    override = () => ({
      status: 401,
      body: { type: 'authentication_error', code: 'authentication_failed', message: 'Invalid clientId and clientSecret combination', error: { code: 'authentication_failed', help: 'docs' } },
    });
    const r = await rpd(['create', '--name', 'John Doe', '--json']);
    expectError(r, 1, 'auth_failed', 401);
    // Refused cleanly: exactly one request.
    expect(seen).toHaveLength(1);
  });

  it('a 400 validation error from the server is an API error (exit 1), not bad usage', async () => {
    override = (req) => (req.method === 'POST' ? error(400, 'validation_error', 'name_value_invalid', 'name : should contain only alphabets') : undefined);
    expectError(await rpd(['create', '--name', "D'Souza", '--verification-id', 'v400', '--json']), 1, 'invalid_input', 400);
  });

  it('waits out a 429 with Retry-After on status, then answers', async () => {
    orders.set('busy_1', { verification_id: 'busy_1', ref_id: 77, status: 'CREATED' });
    override = (_req, n) =>
      n === 1 ? { ...error(429, 'rate_limit_error', 'too_many_requests_per_ip', 'Too many requests'), headers: { 'retry-after': '1', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' } } : undefined;
    const r = await rpd(['status', '--verification-id', 'busy_1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(oneJson(r)).toMatchObject({ status: 'CREATED' });
    expect(seen).toHaveLength(2);
  });

  it('gives up at once on a Retry-After longer than it may wait, and on repeated 5xx', async () => {
    override = () => ({ ...error(429, 'rate_limit_error', 'too_many_requests_per_operation', 'Too many requests'), headers: { 'retry-after': '3600' } });
    expectError(await rpd(['status', '--verification-id', 'x1', '--json']), 1, 'rate_limited', 429);
    expect(seen).toHaveLength(1);
    override = () => error(502, 'internal_error', 'verification_failed', 'verification attempt failed');
    expectError(await rpd(['status', '--verification-id', 'x1', '--json']), 1, 'cashfree_down', 502);
  });

  it('a create whose 200 answer is empty: asks status, reports the order as created but lost, and stops', async () => {
    override = (req) => {
      if (req.method !== 'POST') return undefined;
      strictDefault(req); // the order is made...
      return { status: 200, raw: '' }; // ...but its answer is empty
    };
    const fixed = await rpd(['create', '--name', 'John Doe', '--verification-id', 'lost_1', '--json']);
    expectError(fixed, 1, 'answer_lost', null);
    expect(seen.map((s) => s.method)).toEqual(['POST', 'GET']);

    // Without a fixed id the CLI makes one replacement order, and does not loop when that is lost too.
    seen.length = 0;
    const generated = await rpd(['create', '--name', 'John Doe', '--json']);
    expect(generated.code).toBe(1);
    expect(oneJson(generated)).toMatchObject({ error: { code: 'answer_lost' } });
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(2);
  });

  it('a 5xx on create is checked by status and sent again only when Cashfree does not have the order', async () => {
    override = (req, n) =>
      req.method === 'POST' && n === 1 ? { status: 500, body: { type: 'internal_error', code: 'verification_failed', message: 'Unable to validate, please retry later', error: { refId: '4099' } } } : undefined;
    const r = await rpd(['create', '--name', 'John Doe', '--verification-id', 'retry_1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(oneJson(r)).toMatchObject({ verification_id: 'retry_1', ref_id: 4100 });
    expect(seen.map((s) => s.method)).toEqual(['POST', 'GET', 'POST']);
  });

  it('reads gzip-encoded answers', async () => {
    override = (req) => ({ ...strictDefault(req), gzip: true });
    const r = await rpd(['create', '--name', 'John Doe', '--verification-id', 'gz_1', '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(oneJson(r)).toMatchObject({ verification_id: 'gz_1', ref_id: 4100 });
    const s = await rpd(['status', '--verification-id', 'gz_1', '--json']);
    expect(s.code, s.stdout + s.stderr).toBe(0);
    expect(oneJson(s)).toMatchObject({ status: 'CREATED' });
  });

  it('works when the server closes every connection after answering', async () => {
    override = (req, n) => {
      const answer = req.method === 'POST' && n === 1 ? error(503, 'api_error', 'api_error', 'busy') : strictDefault(req);
      return { ...answer, headers: { connection: 'close' } };
    };
    const r = await rpd(['create', '--name', 'John Doe', '--verification-id', 'close_1', '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(oneJson(r)).toMatchObject({ verification_id: 'close_1' });
  });

  it('reaches the stand-in through localhost as well as 127.0.0.1', async () => {
    const r = await rpd(['create', '--name', 'John Doe', '--json'], { RPD_BASE_URL: base.replace('127.0.0.1', 'localhost') });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it('a server that never answers is a timeout, exit 1', async () => {
    override = () => 'hang';
    expectError(await rpd(['status', '--verification-id', 'slow_1', '--json'], { RPD_TIMEOUT_MS: '300' }), 1, 'timeout', null);
  });

  it('a connection reset on status is a network error, exit 1', async () => {
    override = () => 'reset';
    expectError(await rpd(['status', '--verification-id', 'rst_1', '--json']), 1, 'network_down', null);
  });

  it('refuses bad usage with exit 2 before any request reaches the server', async () => {
    const cases = [
      ['create', '--name', 'John Doe', '--verification-id', 'x'.repeat(51)],
      ['create', '--name', 'J0hn'],
      ['status', '--ref-id', 'abc'],
      ['status'],
      ['history', '--limit', '0'],
    ];
    for (const args of cases) expectError(await rpd([...args, '--json']), 2, 'invalid_input', null);
    expectError(await rpd(['create', '--name', 'John Doe', '--json'], { RPD_TIMEOUT_MS: 'soon' }), 2, 'invalid_input', null);
    expectError(await rpd(['create', '--name', 'John Doe', '--json'], { CASHFREE_PUBLIC_KEY: join(dataDir, 'missing.pem') }), 2, 'invalid_input', null);
    expect(seen).toHaveLength(0);
  });
});
