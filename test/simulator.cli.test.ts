import { afterEach, describe, expect, it } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { startSimulator } from '../electron/simulator/server.ts';
import { generateKeys, makeSignature } from '../electron/simulator/signature.ts';

const CLI = fileURLToPath(new URL('../electron/simulator/cli.ts', import.meta.url));
const LISTENING = /^Cashfree RPD simulator listening on (http:\/\/127\.0\.0\.1:(\d+))\/verification \(control: http:\/\/127\.0\.0\.1:\d+\/__sim\)$/;

const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rpd-sim-'));
  dirs.push(dir);
  return dir;
}

/** Runs the CLI with this Node (24, type stripping) and resolves with its first stdout line. */
function launch(args: string[]): { child: ChildProcessWithoutNullStreams; firstLine: Promise<string>; exit: Promise<{ code: number | null; stderr: string; stdout: string }> } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
    });
    child.once('exit', () => reject(new Error(`exited before listening: ${stderr}`)));
  });
  const exit = new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    child.once('exit', (code) => resolve({ code, stderr, stdout }));
  });
  firstLine.catch(() => undefined);
  return { child, firstLine, exit };
}

describe('simulator CLI', () => {
  it('--valid-upto-iso writes valid_upto in ISO 8601', async () => {
    const { child, firstLine, exit } = launch(['--port', '0', '--valid-upto-iso']);
    const origin = LISTENING.exec(await firstLine)?.[1] ?? '';
    expect(await (await request(`${origin}/__sim/health`)).body.json()).toMatchObject({ valid_upto_form: 'iso' });
    const created = await request(`${origin}/verification/reverse-penny-drop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-client-id': 'a', 'x-client-secret': 'b' },
      body: JSON.stringify({ verification_id: 'cli-iso' }),
    });
    expect(((await created.body.json()) as { valid_upto: string }).valid_upto).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    child.kill('SIGTERM');
    expect((await exit).code).toBe(0);
  });

  it('prints one line naming the port, serves the API and exits cleanly on SIGTERM', async () => {
    const { child, firstLine, exit } = launch(['--port', '0', '--seed', '5', '--client-id', 'cli-id', '--client-secret', 'cli-secret']);
    const line = await firstLine;
    const match = LISTENING.exec(line);
    expect(match).not.toBeNull();
    const origin = match?.[1] ?? '';
    const health = await request(`${origin}/__sim/health`);
    expect(await health.body.json()).toMatchObject({ status: 'ok', credentials_configured: true });
    const created = await request(`${origin}/verification/reverse-penny-drop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-client-id': 'cli-id', 'x-client-secret': 'cli-secret' },
      body: JSON.stringify({ verification_id: 'cli-1' }),
    });
    expect(created.statusCode).toBe(200);
    await created.body.dump();
    child.kill('SIGTERM');
    const ended = await exit;
    expect(ended.code).toBe(0);
    expect(ended.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('--rate-limit-per-minute shares one budget among every caller with the same client id', async () => {
    const { child, firstLine } = launch(['--port', '0', '--rate-limit-per-minute', '2']);
    const origin = LISTENING.exec(await firstLine)?.[1] ?? '';
    const headers = { 'x-client-id': 'team', 'x-client-secret': 'team-secret' };
    const codes: [number, unknown, unknown][] = [];
    // Each call on its own connection, as separate desks would make them.
    for (let i = 0; i < 3; i++) {
      const dispatcher = new Agent();
      const r = await request(`${origin}/verification/remitter/status?verification_id=x${i}`, { headers, dispatcher });
      await r.body.dump();
      codes.push([r.statusCode, r.headers['x-ratelimit-remaining'], r.headers['retry-after'] !== undefined]);
      await dispatcher.close();
    }
    expect(codes).toEqual([
      [400, '1', false],
      [400, '0', false],
      [429, '0', true],
    ]);
    child.kill('SIGTERM');
  });

  it.each([
    [['--port', 'abc'], '--port'],
    [['--port', '70000'], '--port'],
    [['--bogus'], 'bogus'],
    [['--seed', '-1'], '--seed'],
    [['--client-id', ''], '--client-id'],
    [['--rate-limit-per-minute', '0'], '--rate-limit-per-minute'],
  ])('exits 2 with a usage error for %j', async (args, mention) => {
    const { exit } = launch(args);
    const ended = await exit;
    expect(ended.code).toBe(2);
    expect(ended.stderr).toContain(mention);
    expect(ended.stderr).toContain('Usage:');
  });

  it('generates a key pair when --public-key names a missing file, and requires the signature', async () => {
    const path = join(tempDir(), 'cashfree_public_key.pem');
    const { firstLine, exit, child } = launch(['--port', '0', '--public-key', path]);
    const origin = LISTENING.exec(await firstLine)?.[1] ?? '';
    const publicKeyPem = readFileSync(path, 'utf8');
    expect(publicKeyPem).toContain('-----BEGIN PUBLIC KEY-----');
    const headers = { 'x-client-id': 'id', 'x-client-secret': 'secret' };
    const unsigned = await request(`${origin}/verification/remitter/status?verification_id=x`, { headers });
    expect(unsigned.statusCode).toBe(403);
    await unsigned.body.dump();
    const signed = await request(`${origin}/verification/remitter/status?verification_id=x`, {
      headers: { ...headers, 'x-cf-signature': makeSignature(publicKeyPem, 'id') },
    });
    expect(signed.statusCode).toBe(400); // past the signature check: unknown id
    await signed.body.dump();
    child.kill('SIGINT');
    const ended = await exit;
    expect(ended.code).toBe(0);
    expect(ended.stderr).toContain(path);
  });

  it('uses a private key given as --public-key, and with a public-only key still refuses unsigned calls', async () => {
    const dir = tempDir();
    const keys = generateKeys();
    const privatePath = join(dir, 'private.pem');
    const publicPath = join(dir, 'public.pem');
    writeFileSync(privatePath, keys.privateKeyPem);
    writeFileSync(publicPath, keys.publicKeyPem);

    const withPrivate = launch(['--port', '0', '--public-key', privatePath]);
    expect(LISTENING.test(await withPrivate.firstLine)).toBe(true);
    withPrivate.child.kill('SIGTERM');
    await withPrivate.exit;

    // The client's own key pair, public half only: the simulator cannot decrypt, but still
    // demands a signature of the right form.
    const publicOnly = launch(['--port', '0', '--public-key', publicPath]);
    const origin = LISTENING.exec(await publicOnly.firstLine)?.[1] ?? '';
    const headers = { 'x-client-id': 'id', 'x-client-secret': 'secret' };
    const statusWith = async (extra: Record<string, string>): Promise<number> => {
      const answer = await request(`${origin}/verification/remitter/status?verification_id=x`, { headers: { ...headers, ...extra } });
      await answer.body.dump();
      return answer.statusCode;
    };
    expect(await statusWith({})).toBe(403);
    expect(await statusWith({ 'x-cf-signature': 'bm90IGEgc2lnbmF0dXJl' })).toBe(403);
    expect(await statusWith({ 'x-cf-signature': makeSignature(keys.publicKeyPem, 'id') })).toBe(400); // past the check: unknown id
    publicOnly.child.kill('SIGTERM');
    const ended = await publicOnly.exit;
    expect(ended.code).toBe(0);
    expect(ended.stderr).toContain('--private-key');

    const notAKey = join(dir, 'not-a-key.pem');
    writeFileSync(notAKey, 'hello');
    const refused = await launch(['--port', '0', '--public-key', notAKey]).exit;
    expect(refused.code).toBe(2);

    const both = launch(['--port', '0', '--public-key', publicPath, '--private-key', privatePath]);
    expect(LISTENING.test(await both.firstLine)).toBe(true);
    both.child.kill('SIGTERM');
    expect((await both.exit).code).toBe(0);
  });
});

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('HTTPS mode', () => {
  it.skipIf(!hasOpenssl)('serves the API over TLS with the given key and certificate', async () => {
    const dir = tempDir();
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    ], { stdio: 'ignore' });
    expect(existsSync(certPath)).toBe(true);
    const cert = readFileSync(certPath, 'utf8');
    const sim = await startSimulator({ tls: { key: readFileSync(keyPath, 'utf8'), cert } });
    const dispatcher = new Agent({ connect: { ca: cert } });
    try {
      expect(sim.baseUrl.startsWith('https://127.0.0.1:')).toBe(true);
      const response = await request(`${sim.baseUrl}/reverse-penny-drop`, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/json', 'x-client-id': 'a', 'x-client-secret': 'b' },
        body: JSON.stringify({ verification_id: 'tls-1' }),
      });
      expect(response.statusCode).toBe(200);
      expect(await response.body.json()).toMatchObject({ verification_id: 'tls-1' });
    } finally {
      await dispatcher.close();
      await sim.close();
    }
  });
});
