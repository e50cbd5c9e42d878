// The channels the renderer added for all-day use, through the real handlers, the real Demo
// simulator and real QR encoding; desktop ports are plain recording functions.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { startRuntime } from '../electron/core/runtime.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import type { PlatformPorts } from '../electron/core/desk/ports.ts';
import type { Order } from '../shared/domain.ts';

let runtime: Runtime | null = null;
afterEach(async () => {
  await runtime?.close();
  runtime = null;
});

async function demo(platform?: Partial<PlatformPorts>): Promise<Runtime> {
  const dir = mkdtempSync(join(tmpdir(), 'rpd-ui-'));
  runtime = await startRuntime({ dataDir: dir, transport: 'browser', settings: openPlainNodeSettings({ dir }), platform });
  return runtime;
}

async function created(r: Runtime, name = 'Asha Kumari'): Promise<Order> {
  const res = await r.handlers['order.create']({ name });
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

function decode(png: Uint8Array): string | null {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

describe('UI channels', () => {
  it('qr.save hands the save port a PNG that scans to the order link, named after the customer', async () => {
    const saved: { name: string; data: Uint8Array | string }[] = [];
    const r = await demo({ saveFile: async (name, data) => (saved.push({ name, data }), `/tmp/${name}`) });
    const order = await created(r);
    expect(await r.handlers['qr.save']({ verificationId: order.verificationId })).toEqual({ ok: true, data: { saved: true } });
    expect(saved[0]?.name).toBe(`upi-qr-Asha-Kumari-${order.verificationId}.png`);
    const image = PNG.sync.read(Buffer.from(saved[0]!.data as Uint8Array));
    expect(image.width).toBe(image.height);
    // Quiet zone: the first four modules (12 px each) of the top row are white.
    expect([...image.data.subarray(0, 4 * 48 * 4)].every((v) => v === 255)).toBe(true);
    expect(decode(saved[0]!.data as Uint8Array)).toBe(order.links?.upi);
  });

  it('qr.copy puts the same image on the clipboard port; without ports the channels say so', async () => {
    const copied: Uint8Array[] = [];
    const r = await demo({ copyImage: async (png) => void copied.push(png) });
    const order = await created(r);
    expect((await r.handlers['qr.copy']({ verificationId: order.verificationId })).ok).toBe(true);
    expect(decode(copied[0]!)).toBe(order.links?.upi);
    const save = await r.handlers['qr.save']({ verificationId: order.verificationId });
    expect(save.ok ? null : save.error.code).toBe('unavailable');
    const present = await r.handlers['window.present']({ verificationId: order.verificationId });
    expect(present.ok ? null : present.error.code).toBe('unavailable');
  });

  it('window.present and notify.show reach their ports; present refuses an unknown order', async () => {
    const presented: string[] = [];
    const notes: string[] = [];
    const r = await demo({ present: async (id) => void presented.push(id), notify: async (title, body) => void notes.push(`${title} / ${body}`) });
    const order = await created(r);
    expect((await r.handlers['window.present']({ verificationId: order.verificationId })).ok).toBe(true);
    expect(presented).toEqual([order.verificationId]);
    const unknown = await r.handlers['window.present']({ verificationId: 'rpd_nope' });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
    expect((await r.handlers['notify.show']({ title: 'Verified: Asha', body: 'done' })).ok).toBe(true);
    expect(notes).toEqual(['Verified: Asha / done']);
  });

  it('demo.expire expires the order at the simulator, and the QR is no longer offered', async () => {
    const r = await demo({ saveFile: async () => '/tmp/saved.png' });
    const order = await created(r);
    expect(await r.handlers['demo.expire']({ verificationId: order.verificationId })).toEqual({ ok: true, data: null });
    const rechecked = await r.handlers['order.recheck']({ verificationId: order.verificationId });
    expect(rechecked.ok && rechecked.data.state).toBe('expired');
    const save = await r.handlers['qr.save']({ verificationId: order.verificationId });
    expect(save.ok).toBe(false);
  });

  it('demo.fault arms a simulator fault the next create runs into, refuses a bad plan, and clears', async () => {
    const r = await demo();
    const bad = await r.handlers['demo.fault']({ faults: { create: { nonsense: true } } });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    expect((await r.handlers['demo.fault']({ faults: { create: { error: 'insufficient_balance', count: 1 } } })).ok).toBe(true);
    const refused = await r.handlers['order.create']({ name: 'Ravi Shankar' });
    // The exact code is the Cashfree client's mapping; here only that the fault reached it.
    expect(refused.ok).toBe(false);
    expect((await r.handlers['demo.fault']({ faults: { create: { status_5xx: true } } })).ok).toBe(true);
    expect((await r.handlers['demo.fault']({ faults: null })).ok).toBe(true);
    expect((await r.handlers['order.create']({ name: 'Ravi Shankar' })).ok).toBe(true);
  });
});
