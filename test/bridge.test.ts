// The HTTP bridge over a real socket, bound to the real handlers and the Demo simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startRuntime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import { startBridge, PREVIEW_CSP } from '../electron/bridge.ts';
import type { Bridge } from '../electron/bridge.ts';

let runtime: Runtime;
let bridge: Bridge;
let staticDir: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpd-bridge-'));
  staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>RPD Desk</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the static folder');
  runtime = await startRuntime({ dataDir: dir, transport: 'browser', settings: openPlainNodeSettings({ dir }) });
  bridge = await startBridge({ handlers: runtime.handlers, events: runtime.events, staticDir });
});
afterAll(async () => {
  await bridge?.close();
  await runtime?.close();
});

/** A raw request, so the Host and Origin headers are exactly what the test says. */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const call = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rpd-token': bridge.token, ...headers }, body: JSON.stringify(input) });

describe('bridge', () => {
  it('prints a loopback URL that carries the token in the fragment', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a channel call with a Result', async () => {
    const res = await call('app.info', null);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { profile: 'demo', demo: true, transport: 'browser' } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await call('app.info', null, { 'x-rpd-token': '' })).status).toBe(401);
    expect((await call('app.info', null, { 'x-rpd-token': bridge.token.slice(0, -1) + 'x' })).status).toBe(401);
    expect((await raw('/api/events', { headers: { 'x-rpd-token': 'nope' } })).status).toBe(401);
    // Not even the right token in the URL: URLs end up in logs and browser history.
    expect((await raw(`/api/events?token=${bridge.token}`)).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a cross-origin Origin', async () => {
    expect((await call('app.info', null, { host: `evil.example:${bridge.port}` })).status).toBe(421);
    expect((await call('app.info', null, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('app.info', null, { origin: bridge.origin })).status).toBe(200);
  });

  it('answers invalid input with a validation error, never a crash', async () => {
    const res = await call('order.create', { name: 42 });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const extra = await call('order.create', { name: 'Asha', evil: true });
    expect(JSON.parse(extra.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const notJson = await raw('/api/order.create', { method: 'POST', headers: { 'x-rpd-token': bridge.token }, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await call('no.such', {})).status).toBe(404);
  });

  it('answers a body over 1 MB with 413, not a reset, and keeps serving', async () => {
    const big = JSON.stringify({ json: 'x'.repeat(1024 * 1024 + 10) });
    const res = await call('settings.import', JSON.parse(big));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Streamed without a length: the same answer.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/app.info', method: 'POST', headers: { 'x-rpd-token': bridge.token, 'transfer-encoding': 'chunked' } }, (r) => {
        r.resume();
        r.on('end', () => resolve(r.statusCode ?? 0));
      });
      req.on('error', reject);
      for (let i = 0; i < 40; i++) req.write('x'.repeat(64 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
    expect((await call('app.info', null)).status).toBe(200);
  });

  it('serves the renderer with the CSP and nothing outside its folder', async () => {
    const index = await raw('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(PREVIEW_CSP);
    expect((await raw('/../secret.txt')).status).toBe(404);
    expect((await raw('/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('streams order updates as server-sent events', async () => {
    const events: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { 'x-rpd-token': bridge.token } }, (res) => {
        res.on('data', (c: Buffer) => {
          events.push(c.toString());
          if (events.join('').includes('event: order.updated')) {
            req.destroy();
            resolve();
          }
        });
      });
      req.on('error', (e) => (events.join('').includes('order.updated') ? resolve() : reject(e)));
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    const created = JSON.parse((await call('order.create', { name: 'Ravi Shankar' })).body);
    expect(created.ok).toBe(true);
    await done;
    expect(events.join('')).toContain(created.data.verificationId);
  });

  it('sends a page that reconnects the events it missed, and a reset when it no longer can', async () => {
    const first = await openStream();
    const lastRead = first.idAtConnect();
    first.close();
    const created = JSON.parse((await call('order.create', { name: 'Kavita Rao' })).body);
    expect(created.ok).toBe(true);

    const again = await openStream(lastRead);
    const missed = again.frames();
    expect(missed.map((f) => f.event)).toContain('order.updated');
    expect(missed.every((f) => f.id !== undefined)).toBe(true);
    expect(missed.map((f) => f.data).join('')).toContain(created.data.verificationId);
    // In order, and the connect frame says where the page now stands.
    const numbers = missed.map((f) => Number(f.id!.split('.')[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(again.idAtConnect()).toBe(missed.at(-1)!.id);
    again.close();

    const upToDate = await openStream(again.idAtConnect());
    expect(upToDate.frames()).toEqual([]);
    upToDate.close();

    // Another run's id, or one from before the last 1,000 events: the page must load again.
    for (const id of ['AAAAAAAA.1', `${lastRead.split('.')[0]}.999999`]) {
      expect((await raw('/api/events', { headers: { 'x-rpd-token': bridge.token, 'last-event-id': id } })).body).toBe('event: stream.reset\ndata: null\n\n');
    }
    for (let i = 0; i < 1000; i++) runtime.events.emit('order.checked', { verificationId: 'vrf_filler', checkedAt: i });
    expect((await raw('/api/events', { headers: { 'x-rpd-token': bridge.token, 'last-event-id': lastRead } })).body).toBe('event: stream.reset\ndata: null\n\n');
    // The last thousand are kept (the Demo order's own checks may add a few meanwhile).
    const latest = await openStream();
    const [run, n] = latest.idAtConnect().split('.');
    latest.close();
    const kept = await openStream(`${run}.${Number(n) - 990}`);
    expect(kept.frames().map((f) => Number(f.id!.split('.')[1])).slice(0, 990)).toEqual(Array.from({ length: 990 }, (_, i) => Number(n) - 989 + i));
    kept.close();
  });
});

/** An event stream read until its connect frame (the replay comes before it). */
async function openStream(lastEventId?: string): Promise<{ frames: () => { id?: string; event?: string; data?: string }[]; idAtConnect: () => string; close: () => void }> {
  let text = '';
  const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { 'x-rpd-token': bridge.token, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) } });
  await new Promise<void>((resolve, reject) => {
    req.on('response', (res) => {
      res.on('data', (c: Buffer) => {
        text += c.toString();
        if (text.includes(': connected\n\n')) resolve();
      });
      res.on('end', () => reject(new Error(`stream ended: ${text}`)));
    });
    req.on('error', reject);
    req.end();
  });
  const parsed = text
    .split('\n\n')
    .filter(Boolean)
    .map((frame) => Object.fromEntries(frame.split('\n').flatMap((line) => (/^(\w+): /.test(line) ? [[line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]] : []))) as { id?: string; event?: string; data?: string });
  const connect = parsed.pop()!;
  return { frames: () => parsed, idAtConnect: () => connect.id!, close: () => req.destroy() };
}
