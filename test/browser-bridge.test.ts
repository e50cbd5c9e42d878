// The browser bridge below the browser: the real native-messaging host (runHost over in-memory
// stdio) against the app's real socket server over the real runtime, SQLite history and the Demo
// simulator. What the browser itself adds is covered in test/e2e/extension.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startRuntime } from '../electron/core/runtime.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { startBridgeSocket } from '../electron/browser-bridge/server.ts';
import type { BridgeSocket } from '../electron/browser-bridge/server.ts';
import { approvalStore } from '../electron/browser-bridge/approval.ts';
import { bridgeEndpoint } from '../electron/browser-bridge/endpoint.ts';
import { FrameReader, FrameTooLarge, encodeFrame } from '../electron/browser-bridge/frames.ts';
import { runHost } from '../electron/browser-bridge/host.ts';
import { APP_NOT_RUNNING, EXTENSION_ORIGIN, cleanSelection } from '../shared/browser-bridge.ts';
import type { BrowserReply } from '../shared/browser-bridge.ts';
import { validateName } from '../shared/names.ts';
import { ticketText } from '../shared/words.ts';

let dir: string;
let runtime: Runtime;
let socket: BridgeSocket | null;
let asked: number;
let answer: boolean;

async function startApp(): Promise<void> {
  const settings = openPlainNodeSettings({ dir });
  runtime = await startRuntime({ dataDir: dir, transport: 'browser', settings, track: true });
  socket = await startBridgeSocket({
    dataDir: dir,
    services: {
      handlers: runtime.handlers,
      events: runtime.events,
      preferences: () => settings.getPreferences(),
      approval: approvalStore(dir),
      askApproval: async () => (asked++, answer),
    },
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rpd-bridge-'));
  asked = 0;
  answer = true;
  await startApp();
});
afterEach(async () => {
  await socket?.close();
  await runtime.close();
});

/** A host process as the browser starts it, with stdin and stdout in memory. */
function host(origin = EXTENSION_ORIGIN) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const reader = new FrameReader();
  const frames: BrowserReply[] = [];
  const waiters: (() => void)[] = [];
  stdout.on('data', (c: Buffer) => {
    frames.push(...(reader.push(c) as BrowserReply[]));
    for (const w of waiters.splice(0)) w();
  });
  const exit = runHost({ argv: ['host.js', origin], env: { RPD_DATA_DIR: dir }, stdin, stdout, log: () => {} });
  const send = (message: unknown): void => void stdin.write(encodeFrame(message));
  const next = async (match: (r: BrowserReply) => boolean): Promise<BrowserReply> => {
    for (;;) {
      const found = frames.find(match);
      if (found) return found;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return { send, next, frames, exit, close: () => stdin.end() };
}

const byId = (id: number) => (r: BrowserReply) => 'id' in r && r.id === id;

describe('browser bridge: host and app socket', () => {
  it('asks the agent once, then creates the order through the app handlers with the ticket as note', async () => {
    const h = host();
    h.send({ id: 1, kind: 'create', name: '  Asha   Rao ', origin: 'https://acme.freshdesk.com', ticket: 'Ticket #48213' });
    const created = await h.next(byId(1));
    expect(created).toMatchObject({ id: 1, ok: true, order: { name: 'Asha Rao', state: 'created', verdict: 'waiting', status: '… Waiting for payment', final: false } });
    const order = 'order' in created ? created.order : null;
    expect(order?.message).toContain('Hello Asha Rao, please pay Rs 1');
    const stored = runtime.orders.get(order!.verificationId)!;
    expect(order?.message).toContain(stored.pageUrl ?? stored.links!.upi);
    expect(stored.note).toBe('Ticket #48213 (https://acme.freshdesk.com)');
    expect(runtime.history.search({}).rows.map((r) => r.verificationId)).toContain(stored.verificationId);
    h.send({ id: 2, kind: 'create', name: 'Vikram Seth', origin: 'https://acme.freshdesk.com' });
    await h.next(byId(2));
    expect(asked).toBe(1);
    expect(approvalStore(dir).get()).toBe(true);
    h.close();
    expect(await h.exit).toBe(0);
  });

  it('pushes the verdict when the bank answers, then gives the masked result text of Copy result', async () => {
    const h = host();
    h.send({ id: 1, kind: 'create', name: 'Asha Rao', origin: 'http://127.0.0.1:8080' });
    const created = await h.next(byId(1));
    const id = 'order' in created ? created.order.verificationId : '';
    await runtime.handlers['demo.pay']({ verificationId: id, nameAtBank: 'Asha Rao' });
    await runtime.handlers['order.recheck']({ verificationId: id });
    const update = await h.next((r) => 'kind' in r && r.order.final);
    expect(update).toMatchObject({ kind: 'update', order: { verificationId: id, verdict: 'verified', status: '✓ Verified: name matches', message: null, final: true } });
    h.send({ id: 2, kind: 'result', verificationId: id });
    const result = await h.next(byId(2));
    const order = runtime.orders.get(id)!;
    expect(result).toEqual({ id: 2, ok: true, text: ticketText(order) });
    expect('text' in result && result.text).not.toContain(order.result!.bankAccount);
    h.close();
  });

  it('refuses a name with the app rule and reason, and creates nothing', async () => {
    const h = host();
    const before = runtime.history.count();
    h.send({ id: 3, kind: 'create', name: 'R2D2', origin: 'https://acme.freshdesk.com' });
    const check = validateName('R2D2');
    expect(await h.next(byId(3))).toEqual({ id: 3, ok: false, error: { code: 'invalid_input', message: check.ok ? '' : check.reason } });
    expect(runtime.history.count()).toBe(before);
    h.close();
  });

  it('refuses everything when the agent does not allow the extension, and remembers it', async () => {
    answer = false;
    const h = host();
    h.send({ id: 1, kind: 'create', name: 'Asha Rao', origin: 'https://acme.freshdesk.com' });
    expect(await h.next(byId(1))).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    h.send({ id: 2, kind: 'create', name: 'Asha Rao', origin: 'https://acme.freshdesk.com' });
    await h.next(byId(2));
    expect(asked).toBe(1);
    expect(runtime.history.count()).toBe(0);
    h.close();
  });

  it('answers malformed and unknown requests without reaching the handlers', async () => {
    const h = host();
    h.send({ id: 4, kind: 'settings', what: 'secrets' });
    h.send({ id: 5, kind: 'create', name: 'Asha Rao', origin: 'javascript:alert(1)' });
    h.send({ id: 6, kind: 'follow', verificationId: 'no-such-order' });
    expect(await h.next(byId(4))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await h.next(byId(5))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await h.next(byId(6))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(runtime.history.count()).toBe(0);
    h.close();
  });

  it('refuses a caller that is not the extension', async () => {
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/', 'http://127.0.0.1/']) {
      const h = host(origin);
      expect(await h.exit).toBe(1);
      expect(h.frames).toEqual([{ id: null, ok: false, error: { code: 'forbidden', message: 'This program answers only the RPD Desk extension.' } }]);
    }
  });

  it('says the app is not running, and reaches it once it is', async () => {
    await socket!.close();
    socket = null;
    const h = host();
    h.send({ id: 1, kind: 'follow', verificationId: 'x' });
    expect(await h.next(byId(1))).toEqual({ id: 1, ok: false, error: APP_NOT_RUNNING });
    await runtime.close();
    await startApp();
    h.send({ id: 2, kind: 'create', name: 'Asha Rao', origin: 'https://acme.freshdesk.com' });
    expect(await h.next(byId(2))).toMatchObject({ ok: true });
    h.close();
  });

  it('listens on a socket only this user may open, and replaces a stale one but not a live one', async () => {
    const path = bridgeEndpoint(dir);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await expect(startBridgeSocket({ dataDir: dir, services: null as never })).rejects.toThrow('Another RPD Desk already serves');
    await socket!.close();
    // A crashed run's socket file: nobody answers on it.
    const stale = createServer();
    await new Promise<void>((r) => stale.listen(path, r));
    stale.close();
    socket = await startBridgeSocket({ dataDir: dir, services: { handlers: runtime.handlers, events: runtime.events, preferences: () => ({}) as never, approval: approvalStore(dir), askApproval: null } });
    expect(statSync(path).isSocket()).toBe(true);
  });
});

describe('frames and selections', () => {
  it('reads native-messaging frames split anywhere and refuses oversized ones', () => {
    const bytes = Buffer.concat([encodeFrame({ a: 'नमस्ते' }), encodeFrame([1, 2])]);
    const reader = new FrameReader();
    const out: unknown[] = [];
    for (const byte of bytes) out.push(...reader.push(Buffer.from([byte])));
    expect(out).toEqual([{ a: 'नमस्ते' }, [1, 2]]);
    const big = Buffer.alloc(4);
    big.writeUInt32LE(10 * 1024 * 1024);
    expect(() => new FrameReader().push(big)).toThrow(FrameTooLarge);
  });

  it('cleans a hand-dragged selection down to the name', () => {
    expect(cleanSelection('Customer: Asha Rao')).toBe('Asha Rao');
    expect(cleanSelection('Ticket #123\nCustomer: Asha Rao\n')).toBe('Asha Rao');
    expect(cleanSelection('  Vikram Seth ')).toBe('Vikram Seth');
  });

  it('names a per-data-folder pipe on Windows', () => {
    const a = bridgeEndpoint('C:\\Users\\asha\\AppData\\Roaming\\RPD Desk', 'win32');
    expect(a).toMatch(/^\\\\\.\\pipe\\rpd-desk-bridge-[0-9a-f]{24}$/);
    expect(bridgeEndpoint('C:\\Users\\ravi\\AppData\\Roaming\\RPD Desk', 'win32')).not.toBe(a);
    expect(bridgeEndpoint('/home/asha/.config/RPD Desk', 'linux')).toBe('/home/asha/.config/RPD Desk/browser-bridge.sock');
  });
});
