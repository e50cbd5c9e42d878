// Everything a server says is redacted: a real server on 127.0.0.1 echoes the client secret it
// receives into every field Cashfree's answers have (code, type, message, the extra error object,
// an unknown status, an extra field of a successful answer). The secret must then appear nowhere:
// not in the window's answers, the event stream, diagnostics, the log, history.db, nor the CLI's
// output (plain and --json), while the answer's own personal data still reaches --json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime } from '../electron/core/runtime.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { runRpd } from './fixtures/cli.ts';
import { redactor } from '../electron/core/log/redact.ts';
import { answering } from './fixtures/answers.ts';

// No cfsk_ prefix: only a secret registered with the redactor can be recognised.
const SECRET = 'Zq9EchoedSecret7731abcXY';
const CLIENT_ID = 'TEST_echo_client';
const ACCOUNT = '026291800001191';

let server: Server;
let baseUrl: string;

/** Answers like Cashfree, but with whatever secret it was sent written into every string it can. */
function echoingServer(): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const secret = String(req.headers['x-client-secret'] ?? '');
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method === 'POST') {
        const { verification_id: id, name } = JSON.parse(body) as { verification_id: string; name: string };
        if (name.startsWith('Fail')) {
          return json(400, { type: `type_${secret}`, code: `code_${secret}`, message: `bad ${secret}`, error: { detail: secret, refId: secret } });
        }
        return json(200, {
          verification_id: id,
          ref_id: 7,
          valid_upto: '2099-01-01 10:00:00',
          upi_link: 'upi://pay?pa=cf.test@yesbank&pn=Cashfree&tn=BAV&am=1.00&cu=INR&tr=7&tid=7',
          echo: `x-client-secret: ${secret}`,
          note: secret,
        });
      }
      const id = new URL(req.url ?? '/', 'http://x').searchParams.get('verification_id') ?? 'v';
      if (id.startsWith('fail')) return json(500, { code: `api_${secret}`, type: secret, error: { secret } });
      return json(200, {
        verification_id: id,
        ref_id: '7',
        status: 'SUCCESS',
        bank_account: ACCOUNT,
        ifsc: 'YESB0000262',
        name_at_bank: `ASHA RAO ${secret}`,
        name_match_result: 'DIRECT_MATCH',
        added_on: '2026-01-01T10:00:00+05:30',
        echoed: secret,
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/verification`)));
}

beforeAll(async () => {
  baseUrl = await echoingServer();
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Every file below dir, as text. */
const filesOf = (dir: string): string =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');

describe('the app (runtime and handlers, as the window and the preview use them)', () => {
  let rt: Runtime;
  let dir: string;
  const events: string[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rpd-echo-'));
    const settings = openPlainNodeSettings({ dir });
    rt = await startRuntime({ dataDir: dir, transport: 'browser', settings, log: { error: (...args) => logged.push(args.join(' ')) } });
    rt.events.on('order.updated', (o) => events.push(JSON.stringify(o)));
    rt.events.on('settings.changed', (o) => events.push(JSON.stringify(o)));
    expect((await rt.handlers['settings.setBaseUrl']({ kind: 'sandbox', url: baseUrl })).ok).toBe(true);
    expect((await rt.handlers['settings.saveCredentials']({ kind: 'sandbox', clientId: CLIENT_ID, clientSecret: SECRET, allowWeak: true })).ok).toBe(true);
    expect(await rt.handlers['settings.setProfile']({ kind: 'sandbox' })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await rt?.close();
  });

  it('keeps the secret out of answers, events, diagnostics, the log and history.db', async () => {
    const answers: string[] = [];
    const failed = await rt.handlers['order.create']({ name: 'Fail Kumar' });
    answers.push(JSON.stringify(failed));
    expect(failed.ok).toBe(false);
    const created = await rt.handlers['order.create']({ name: 'Asha Rao' });
    answers.push(JSON.stringify(created));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const checked = await rt.handlers['order.recheck']({ verificationId: created.data.verificationId });
    answers.push(JSON.stringify(checked));
    expect(checked).toMatchObject({ ok: true, data: { state: 'success' } });
    answers.push(JSON.stringify(await rt.handlers['history.search']({})));
    answers.push(JSON.stringify(await rt.handlers['app.diagnostics'](undefined)));
    answers.push(JSON.stringify(await rt.handlers['order.get']({ verificationId: created.data.verificationId })));
    await rt.close();
    const everything = [...answers, ...events, ...logged, filesOf(dir)].join('\n');
    expect(answers.join('\n')).toContain('code_');
    expect(everything).not.toContain(SECRET);
  });
});

describe('registration with the redactor', () => {
  it('a runtime (preview, CLI) knows the saved secrets from its start, before any call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rpd-echo-start-'));
    const secret = `StartSecret${Date.now()}Qx`;
    const settings = openPlainNodeSettings({ dir });
    expect((await answering(settings).saveCredentials('production', { clientId: 'CF_prod_start_1', clientSecret: secret, allowWeak: true })).ok).toBe(true);
    expect(redactor.redactString(`said ${secret}`)).toContain(secret);
    const rt = await startRuntime({ dataDir: dir, transport: 'browser', settings });
    try {
      expect(redactor.redactString(`said ${secret}`)).not.toContain(secret);
    } finally {
      await rt.close();
    }
  });
});

const rpd = (args: string[], dir: string) =>
  runRpd(args, { ...process.env, RPD_BASE_URL: baseUrl, CASHFREE_CLIENT_ID: CLIENT_ID, CASHFREE_CLIENT_SECRET: SECRET, RPD_DATA_DIR: dir });

describe('the CLI end to end', () => {
  it('prints no secret for a refused call, a failing status, or a successful --json answer, and stores none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rpd-echo-cli-'));
    const runs = [
      await rpd(['create', '--name', 'Fail Kumar'], dir),
      await rpd(['create', '--name', 'Fail Kumar', '--json'], dir),
      await rpd(['status', '--verification-id', 'fail_1', '--json'], dir),
    ];
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1]);
    const created = await rpd(['create', '--name', 'Asha Rao', '--json'], dir);
    expect(created.code).toBe(0);
    const status = await rpd(['status', '--verification-id', JSON.parse(created.stdout).verification_id, '--json'], dir);
    expect(status.code).toBe(0);
    // The answer's own data is the point of --json: it stays; only the secret goes.
    expect(JSON.parse(status.stdout)).toMatchObject({ bank_account: ACCOUNT, name_at_bank: expect.stringMatching(/^ASHA RAO \[redacted\]$/i), status: 'SUCCESS' });
    const printed = [...runs, created, status].map((r) => r.stdout + r.stderr).join('\n');
    // The server's words still reach the agent, with the secret taken out.
    expect(printed).toContain('bad [redacted]');
    expect(printed).not.toContain(SECRET);
    expect(filesOf(dir)).not.toContain(SECRET);
  });
});
