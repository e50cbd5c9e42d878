// The whole core over real parts: runtime + SQLite history + client + simulator on loopback.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HISTORY_FILE, startRuntime } from '../electron/core/runtime.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { startSimulator } from '../electron/simulator/server.ts';
import type { Simulator } from '../electron/simulator/server.ts';
import type { Order } from '../shared/domain.ts';
import { order } from './history-fixtures.ts';

let sim: Simulator;
let dir: string;
const open: Runtime[] = [];

async function runtime(track = false, timeoutMs = 1_500, retentionIdleMs?: number): Promise<Runtime> {
  const rt = await startRuntime({
    dataDir: dir,
    transport: 'cli',
    ...(retentionIdleMs !== undefined ? { retentionIdleMs } : {}),
    settings: openPlainNodeSettings({ dir }),
    fixed: { profile: 'sandbox', connection: { baseUrl: sim.baseUrl, clientId: 'id', clientSecret: 'secret', timeoutMs } },
    track,
  });
  open.push(rt);
  return rt;
}

beforeEach(async () => {
  sim = await startSimulator({ port: 0, clientId: 'id', clientSecret: 'secret', quiet: true });
  dir = mkdtempSync(join(tmpdir(), 'rpd-runtime-'));
});
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.close();
  await sim.close();
});

function until(rt: Runtime, check: (o: Order) => boolean): Promise<Order> {
  return new Promise((resolve) => {
    const off = rt.events.on('order.updated', (o) => {
      if (check(o)) {
        off();
        resolve(o);
      }
    });
  });
}

describe('runtime', () => {
  it('keeps the Demo links whole: the embedded simulator\'s secret is nothing an answer could contain', async () => {
    const rt = await startRuntime({ dataDir: dir, transport: 'browser', settings: openPlainNodeSettings({ dir }), track: false });
    open.push(rt);
    const order = await rt.orders.create({ name: 'Demo Person' });
    expect(order.profile).toBe('demo');
    expect(order.links?.upi).toMatch(/^upi:\/\/pay\?pa=rpd\.demo@simulator&/);
    expect(order.links?.upi).not.toContain('redacted');
  });

  it('writes the order before the call and records every step in history', async () => {
    const rt = await runtime();
    const seen: string[] = [];
    rt.events.on('order.updated', (o) => seen.push(o.state));
    const order = await rt.orders.create({ name: 'Farhan Sheikh', note: 'ticket 4411' });
    expect(seen).toEqual(['creating', 'created']);
    expect(rt.history.get(order.verificationId)).toMatchObject({ state: 'created', note: 'ticket 4411', links: order.links });
    sim.pay(order.verificationId);
    expect((await rt.orders.refresh(order.verificationId)).state).toBe('success');
    expect(rt.history.get(order.verificationId)?.result?.maskedAccount).toMatch(/^••••\d{4}$/);
  });

  it('recovers a create whose answer never came: asked by status, sent again, kept once', async () => {
    const rt = await runtime(false, 800);
    sim.setFaults({ create: { hang: 1 } });
    const order = await rt.orders.create({ name: 'Lakshmi Narayanan' });
    expect(order.state).toBe('created');
    expect(order.links?.upi).toMatch(/^upi:/);
    expect(rt.history.count()).toBe(1);
    expect(sim.orders().filter((o) => o.verification_id === order.verificationId)).toHaveLength(1);
  });

  it('keeps an order whose answer was lost, still tracked, and makes a fresh one linked to it', async () => {
    const rt = await runtime();
    sim.setFaults({ create: { malformed: 1 } });
    const fresh = await rt.orders.create({ name: 'Gurpreet Kaur' });
    expect(fresh.state).toBe('created');
    expect(fresh.replaces).not.toBeNull();
    const lost = rt.history.get(fresh.replaces!);
    expect(lost).toMatchObject({ answerLost: true, state: 'created', links: null });
    expect(rt.history.count()).toBe(2);
    expect(rt.history.listOpen().map((o) => o.verificationId).sort()).toEqual([fresh.verificationId, lost!.verificationId].sort());
  });

  it('refuses an invalid name before anything is written or sent', async () => {
    const rt = await runtime();
    const r = await rt.handlers['order.create']({ name: 'DROP TABLE;' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(rt.history.count()).toBe(0);
    expect(sim.orders()).toHaveLength(0);
  });

  it('resumes open orders at start: paid ones verified, lapsed ones closed', async () => {
    const first = await runtime();
    const paid = await first.orders.create({ name: 'Anil Kapoor' });
    const lapsed = await first.orders.create({ name: 'Sunita Rao' });
    await first.close();
    open.splice(open.indexOf(first), 1);
    sim.pay(paid.verificationId);
    sim.expire(lapsed.verificationId);

    const second = await runtime(true);
    const done = new Map<string, Order>();
    await new Promise<void>((resolve) => {
      second.events.on('order.updated', (o) => {
        done.set(o.verificationId, o);
        if (done.size === 2) resolve();
      });
    });
    expect(done.get(paid.verificationId)?.state).toBe('success');
    expect(done.get(lapsed.verificationId)?.state).toBe('expired');
    expect(second.history.listOpen()).toHaveLength(0);
  });

  it('retention after start, in idle time, removes old orders from the file itself, not only from lists', async () => {
    const first = await runtime();
    // One order from before the 180-day default, one made now.
    const old = order({ verificationId: 'vrf_retention_old', name: 'Quixotica Oldname', createdAt: Date.now() - 400 * 86_400_000 });
    first.history.insert(old);
    const kept = await first.orders.create({ name: 'Keptina Newname' });
    await first.close();
    open.splice(open.indexOf(first), 1);
    const file = join(dir, HISTORY_FILE);
    const bytes = async (): Promise<string> =>
      Buffer.concat(await Promise.all([file, `${file}-wal`].map((f) => readFile(f).catch(() => Buffer.alloc(0))))).toString('latin1').toLowerCase();
    expect(await bytes()).toContain('quixotica');

    const second = await runtime(false, 1_500, 100);
    const pruned: unknown[] = [];
    second.events.on('history.pruned', (e) => pruned.push(e));
    // Not on the start path: the first page is there before retention has done anything.
    expect(second.history.get(old.verificationId)).not.toBeNull();
    const page = await second.handlers['history.search']({});
    expect(page.ok && page.data.rows).toHaveLength(2);
    for (let i = 0; i < 100 && second.history.get(old.verificationId) !== null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(second.history.get(old.verificationId)).toBeNull();
    expect(second.history.get(kept.verificationId)).not.toBeNull();
    // The window hears of it, to drop the deleted rows from what it shows.
    await vi.waitFor(() => expect(pruned).toEqual([{ deleted: 1 }]));
    // The app's connection keeps working on the file the worker compacted.
    await second.orders.create({ name: 'Laterina Newname' });
    expect(second.history.count()).toBe(2);
    await second.close();
    open.splice(open.indexOf(second), 1);
    const after = await bytes();
    expect(after).not.toContain('quixotica');
    expect(after).toContain('keptina');
    expect(after).toContain('laterina');
  });

  it('stops following orders deleted from history while they were open', async () => {
    const rt = await runtime(true);
    await rt.orders.create({ name: 'Sunita Devi' });
    await rt.orders.create({ name: 'Mohammed Irfan' });
    expect(rt.tracker.watching).toBe(2);
    const deleted = await rt.handlers['history.deleteAll']({ confirm: true });
    expect(deleted).toMatchObject({ ok: true, data: { deleted: 2 } });
    // Each is dropped at its next poll, which finds no order on this computer.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (rt.tracker.watching === 0) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    });
    expect(rt.tracker.watching).toBe(0);
  });

  it('tracks a new order until the bank confirms', async () => {
    const rt = await runtime(true);
    const r = await rt.handlers['order.create']({ name: 'Priya Menon' });
    if (!r.ok) throw new Error(r.error.message);
    const verified = until(rt, (o) => o.verificationId === r.data.verificationId && o.state === 'success');
    sim.pay(r.data.verificationId, { name_at_bank: 'PRIYA MENON' });
    expect((await verified).result).toMatchObject({ nameAtBank: 'PRIYA MENON', nameMatchResult: 'DIRECT_MATCH' });
  });
});
