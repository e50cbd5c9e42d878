// The CLI as a user runs it: a child process on Node 24 against the simulator over a real socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../electron/simulator/server.ts';

const CLI = fileURLToPath(new URL('../electron/cli.ts', import.meta.url));
type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clientId: 'cli-id', clientSecret: 'cli-secret', quiet: true });
  env = { ...process.env, RPD_BASE_URL: sim.baseUrl, CASHFREE_CLIENT_ID: 'cli-id', CASHFREE_CLIENT_SECRET: 'cli-secret', RPD_DATA_DIR: mkdtempSync(join(tmpdir(), 'rpd-cli-')) };
});
afterAll(() => sim?.close());

function rpd(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...env, ...extraEnv } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('rpd CLI', () => {
  it('create --json prints exactly Cashfree\'s create answer', async () => {
    const r = await rpd(['create', '--name', 'John Doe', '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(Object.keys(answer)).toEqual(expect.arrayContaining(['verification_id', 'ref_id', 'valid_upto', 'upi_link', 'gpay', 'phonepe', 'paytm', 'bhim', 'qr_code']));
    expect(typeof answer.ref_id).toBe('number');
    expect(answer.verification_id).toMatch(/^[A-Za-z0-9._-]{1,50}$/);
  });

  it('status by verification id and by ref id, with a fixed id', async () => {
    const id = `cli_fixed_${Date.now()}`;
    const created = await rpd(['create', '--name', 'Asha Rao', '--verification-id', id, '--json']);
    expect(created.code).toBe(0);
    const refId = String(JSON.parse(created.stdout).ref_id);
    await sim.pay(id);
    const byId = await rpd(['status', '--verification-id', id, '--json']);
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.stdout)).toMatchObject({ verification_id: id, ref_id: refId, status: 'SUCCESS' });
    const byRef = await rpd(['status', '--ref-id', refId]);
    expect(byRef.code).toBe(0);
    expect(byRef.stdout).toContain('SUCCESS');
    expect(byRef.stdout).toContain(id);
  });

  it('refuses bad usage and invalid input with exit 2 before any call', { timeout: 60_000 }, async () => {
    const before = sim.orders().length;
    const cases = [[], ['create'], ['create', '--name', '   '], ['create', '--name', 'A<script>'], ['status'], ['status', '--verification-id', 'a', '--ref-id', '1'], ['create', '--name', 'Ok Name', '--verification-id', 'bad id!'], ['frobnicate'], ['create', '--name', 'X Y', '--bogus']];
    const answers = await Promise.all(cases.map((args) => rpd([...args, '--json'])));
    answers.forEach((r, i) => {
      expect(r.code, cases[i]!.join(' ')).toBe(2);
      expect(JSON.parse(r.stdout).error.code).toBe('invalid_input');
    });
    expect(sim.orders()).toHaveLength(before);
    const missingKeys = await rpd(['create', '--name', 'John Doe'], { CASHFREE_CLIENT_SECRET: '' });
    expect(missingKeys.code).toBe(2);
    expect(missingKeys.stderr).toMatch(/CASHFREE_CLIENT_SECRET/);
  });

  it('answers an API error with exit 1, one JSON error object, no stack trace, no secret', async () => {
    const r = await rpd(['create', '--name', 'John Doe', '--json'], { CASHFREE_CLIENT_SECRET: 'wrong-secret' });
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout);
    expect(body.error).toMatchObject({ code: 'auth_failed', httpStatus: 401 });
    expect(r.stdout + r.stderr).not.toContain('wrong-secret');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('keeps CLI orders in the shared history: list, search, filter, export', async () => {
    const created = JSON.parse((await rpd(['create', '--name', 'Kuldeep Yadav', '--json'])).stdout);
    await sim.pay(created.verification_id, { name_at_bank: 'KULDEEP YADAV' });
    expect((await rpd(['status', '--verification-id', created.verification_id])).code).toBe(0);

    const all = await rpd(['history', '--json']);
    expect(all.code).toBe(0);
    const rows = JSON.parse(all.stdout);
    expect(Array.isArray(rows)).toBe(true);
    expect(rows[0]).toMatchObject({ verificationId: created.verification_id, name: 'Kuldeep Yadav', profile: 'demo' });
    // The one verdict, as the app shows it: a payment with a good name match.
    expect(rows[0].verdict).toBe('verified');
    expect(rows.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['John Doe', 'Asha Rao', 'Kuldeep Yadav']));

    const found = JSON.parse((await rpd(['history', '--search', 'kul', '--json'])).stdout);
    expect(found.map((r: { name: string }) => r.name)).toEqual(['Kuldeep Yadav']);
    const limited = JSON.parse((await rpd(['history', '--limit', '1', '--json'])).stdout);
    expect(limited).toHaveLength(1);
    expect((await rpd(['history', '--status', 'bogus', '--json'])).code).toBe(2);

    const file = join(env.RPD_DATA_DIR!, 'out.csv');
    const exported = await rpd(['history', '--export', file, '--search', 'kuldeep']);
    expect(exported.code).toBe(0);
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Kuldeep Yadav');
    expect(lines[1]).toMatch(/••••\d{4}/);
    expect(lines[0]).toContain(',state,verdict,');
    expect(lines[1]).toContain(',success,verified,');
    // India time with its offset, as on screen.
    expect(lines[1]).toMatch(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30,/);
    // Nine CLI processes one after another: generous room on a busy machine.
  }, 60_000);

  it('history lines end with the verdict in the words the app uses, after the fields they had', async () => {
    const ids: Record<string, string> = {};
    for (const name of ['Varsha Menon', 'Tanvir Alam', 'Ishaan Dutta']) ids[name] = JSON.parse((await rpd(['create', '--name', name, '--json'])).stdout).verification_id;
    sim.pay(ids['Varsha Menon']!, { name_at_bank: 'ZUBIN MEHTA' });
    sim.pay(ids['Tanvir Alam']!, { name_at_bank: 'TANVIR ALAM', name_match: false });
    for (const name of ['Varsha Menon', 'Tanvir Alam']) expect((await rpd(['status', '--verification-id', ids[name]!])).code).toBe(0);

    const plain = await rpd(['history', '--limit', '3']);
    expect(plain.code).toBe(0);
    const lines = plain.stdout.trimEnd().split('\n');
    const time = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d IST';
    // Newest first: time, state, name, id, match result, masked account, verdict.
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${time}  created        Ishaan Dutta  ${ids['Ishaan Dutta']} {6}Waiting for payment$`));
    expect(lines[1]).toMatch(new RegExp(`^${time}  success        Tanvir Alam  ${ids['Tanvir Alam']}    •+\\d{4}  Paid: no name result$`));
    expect(lines[2]).toMatch(new RegExp(`^${time}  success        Varsha Menon  ${ids['Varsha Menon']}  NO_MATCH  •+\\d{4}  Paid: name does NOT match$`));

    // The --json rows keep their shape: the verdict as a code, the words only in the plain line.
    const rows = JSON.parse((await rpd(['history', '--limit', '3', '--json'])).stdout) as { verdict: string; name: string }[];
    expect(rows.map((r) => [r.name, r.verdict])).toEqual([
      ['Ishaan Dutta', 'waiting'],
      ['Tanvir Alam', 'paid_no_name'],
      ['Varsha Menon', 'name_mismatch'],
    ]);
  }, 60_000);

  it('a duplicate id is duplicate_id with exit 1, known from local history or told by Cashfree', async () => {
    const id = `cli_dup_${Date.now()}`;
    expect((await rpd(['create', '--name', 'Asha Rao', '--verification-id', id, '--json'])).code).toBe(0);
    const local = await rpd(['create', '--name', 'Asha Rao', '--verification-id', id, '--json']);
    expect(local.code).toBe(1);
    expect(JSON.parse(local.stdout)).toEqual({ error: { code: 'duplicate_id', message: expect.stringMatching(/already in this computer's history/), httpStatus: null } });
    const plain = await rpd(['create', '--name', 'Asha Rao', '--verification-id', id]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).not.toMatch(/Unexpected failure|internal/i);

    // Made elsewhere (another desk): only Cashfree knows it.
    const remote = await rpd(['create', '--name', 'Asha Rao', '--verification-id', id, '--json'], { RPD_DATA_DIR: mkdtempSync(join(tmpdir(), 'rpd-cli-other-')) });
    expect(remote.code).toBe(1);
    expect(JSON.parse(remote.stdout)).toEqual({ error: { code: 'duplicate_id', message: expect.stringContaining(id), httpStatus: 400 } });
  });

  it('names the IP Cashfree sees when it is not whitelisted', async () => {
    sim.setFaults({ create: { error: { name: 'ip_not_whitelisted', count: 1 } } });
    const r = await rpd(['create', '--name', 'Asha Rao']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/IP address \(127\.0\.0\.1\)/);
  });

  it('prints an unusable create answer as it came, with one sentence, and exits 0', async () => {
    sim.setFaults({ create: { answer: { name: 'no_upi_link', count: 2 } } });
    const json = await rpd(['create', '--name', 'Asha Rao', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const answer = JSON.parse(json.stdout);
    expect(answer).not.toHaveProperty('upi_link');
    expect(sim.orders().filter((o) => o.verification_id === answer.verification_id)).toHaveLength(1);
    const human = await rpd(['create', '--name', 'Asha Rao']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Cashfree created order \S+ but its answer has no upi_link/);
    expect(human.stdout).toContain('"verification_id"');
  });

  it('prints an unknown status value as it came, exit 0', async () => {
    const created = JSON.parse((await rpd(['create', '--name', 'Asha Rao', '--json'])).stdout);
    sim.setFaults({ status: { answer: { name: 'unknown_status', status: 'ON_HOLD', count: 1 } } });
    const r = await rpd(['status', '--verification-id', created.verification_id, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verification_id: created.verification_id, status: 'ON_HOLD' });
  });

  it('answers a network failure with exit 1 and a plain sentence', async () => {
    const r = await rpd(['status', '--verification-id', 'abc'], { RPD_BASE_URL: 'http://127.0.0.1:9/verification', RPD_TIMEOUT_MS: '2000' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .+/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
