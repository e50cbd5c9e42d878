// Cashfree's real answers, end to end: the runtime (order service, history, real client) against
// the real simulator over real sockets, the simulator asked for each odd answer shape.
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { appLinksFromUpi } from '../shared/links.ts';
import type { Order } from '../shared/domain.ts';
import type { Result } from '../shared/result.ts';
import { CoreError } from '../electron/core/error.ts';
import { freshPerTest, historyRows } from './torture/helpers.ts';

const fresh = freshPerTest();
const TEN_MINUTES = 10 * 60_000;

function created(r: Result<Order>): Order {
  if (!r.ok) throw new Error(`create failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

function qrText(base64: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('a 200 create answer is a created order', () => {
  it('fills pageUrl from Cashfree\'s url', async () => {
    const rt = await fresh.runtime();
    const order = created(await rt.handlers['order.create']({ name: 'Asha Rao' }));
    expect(order.pageUrl).toBe(`${fresh.sim.origin}/__sim/checkout/${order.verificationId}`);
    expect(order.validUptoAssumed).toBe(false);
  });

  it.each(['null_optional', 'missing_optional', 'empty_optional'] as const)(
    '%s: links rebuilt from upi_link, QR drawn from it, no page link, and no second order',
    async (shape) => {
      const rt = await fresh.runtime();
      fresh.sim.setFaults({ create: { answer: shape } });
      const order = created(await rt.handlers['order.create']({ name: 'Asha Rao' }));
      expect(order.state).toBe('created');
      expect(order.links).toEqual(appLinksFromUpi(order.links!.upi));
      expect(order.links!.upi).toBe(fresh.sim.orders()[0]!.upi_link);
      expect(order.pageUrl).toBeNull();
      expect(order.lastError).toBeNull();
      expect(order.answerLost).toBe(false);
      expect(qrText(order.qrCode!)).toBe(order.links!.upi);
      expect(fresh.sim.orders()).toHaveLength(1);
      expect(historyRows(rt)).toHaveLength(1);
    },
  );

  it('an unreadable valid_upto becomes creation + 10 minutes, and the order says so', async () => {
    const rt = await fresh.runtime();
    fresh.sim.setFaults({ create: { answer: 'broken_valid_upto' } });
    const order = created(await rt.handlers['order.create']({ name: 'Asha Rao' }));
    expect(order).toMatchObject({ state: 'created', validUptoAssumed: true, validUpto: order.createdAt + TEN_MINUTES });
    expect(order.links?.upi).toMatch(/^upi:/);
    expect(fresh.sim.orders()).toHaveLength(1);
  });

  it('reads valid_upto in ISO form as well as India time', async () => {
    const rt = await fresh.runtime();
    const plain = created(await rt.handlers['order.create']({ name: 'Asha Rao' }));
    fresh.sim.setValidUptoForm('iso');
    const iso = created(await rt.handlers['order.create']({ name: 'Asha Rao' }));
    for (const o of [plain, iso]) {
      expect(o.validUptoAssumed).toBe(false);
      // The simulator writes whole seconds.
      expect(Math.abs(o.validUpto! - (o.createdAt + TEN_MINUTES))).toBeLessThan(2_000);
    }
  });

  it.each([
    ['no_upi_link', /upi_link/],
    ['no_ref_id', /ref_id/],
    ['no_verification_id', /verification_id/],
    ['other_verification_id', /another order/],
  ] as const)('%s: an unusable answer is kept and followed, never replaced, and the agent is told', async (shape, says) => {
    const rt = await fresh.runtime();
    fresh.sim.setFaults({ create: { answer: shape, count: 1 } });
    const order = created(await rt.handlers['order.create']({ name: 'Asha Rao' }));
    expect(order).toMatchObject({ state: 'created', links: null, qrCode: null, pageUrl: null, answerLost: false });
    expect(order.lastError?.code).toBe('unusable_answer');
    expect(order.lastError?.message).toMatch(says);
    expect(order.lastError?.message.split('. ')).toHaveLength(1);
    // One order at Cashfree, one row here: nothing made behind the agent's back.
    expect(fresh.sim.orders()).toHaveLength(1);
    expect(historyRows(rt)).toHaveLength(1);
    // Followed by its id: the status answer brings its ref_id and its result.
    fresh.sim.pay(order.verificationId);
    const after = await rt.orders.refresh(order.verificationId);
    expect(after.state).toBe('success');
    expect(after.refId).toBe(String(fresh.sim.orders()[0]!.ref_id));
  });
});

describe('status answers as Cashfree sends them', () => {
  it('a status outside the four is not final: kept as cashfreeStatus until a documented one comes', async () => {
    const rt = await fresh.runtime();
    const order = created(await rt.handlers['order.create']({ name: 'Asha Rao' }));
    fresh.sim.setFaults({ status: { answer: { name: 'unknown_status', status: 'ON_HOLD', count: 2 } } });
    const odd = await rt.orders.refresh(order.verificationId);
    expect(odd).toMatchObject({ state: 'created', cashfreeStatus: 'ON_HOLD', lastError: null });
    expect(rt.history.get(order.verificationId)?.cashfreeStatus).toBe('ON_HOLD');
    expect((await rt.orders.refresh(order.verificationId)).cashfreeStatus).toBe('ON_HOLD');
    const back = await rt.orders.refresh(order.verificationId);
    expect(back).toMatchObject({ state: 'created', cashfreeStatus: null });
  });

  it('a time that does not parse is unknown, never fatal', async () => {
    const rt = await fresh.runtime();
    const order = created(await rt.handlers['order.create']({ name: 'Asha Rao' }));
    fresh.sim.pay(order.verificationId);
    fresh.sim.setFaults({ status: { answer: 'broken_time', count: 1 } });
    const paid = await rt.orders.refresh(order.verificationId);
    expect(paid.state).toBe('success');
    expect(paid.result?.processedOn).toBe('');
    expect(paid.result?.pennyCollectedOn).not.toBe('');
  });

  it('FAILURE and EXPIRED without account_type are final', async () => {
    const rt = await fresh.runtime();
    const failing = created(await rt.handlers['order.create']({ name: 'Asha Rao' }));
    const expiring = created(await rt.handlers['order.create']({ name: 'Asha Rao' }));
    fresh.sim.fail(failing.verificationId);
    fresh.sim.expire(expiring.verificationId);
    expect((await rt.orders.refresh(failing.verificationId)).state).toBe('failure');
    expect((await rt.orders.refresh(expiring.verificationId)).state).toBe('expired');
  });
});

describe('duplicate ids', () => {
  it('an id in this computer\'s history is duplicate_id, with a plain message, and nothing is sent', async () => {
    const rt = await fresh.runtime();
    await rt.orders.create({ name: 'Asha Rao', verificationId: 'dup_local_1' });
    const err = await rt.orders.create({ name: 'Asha Rao', verificationId: 'dup_local_1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect(err).toMatchObject({ code: 'duplicate_id', message: expect.stringMatching(/already in this computer's history/) });
    expect(fresh.sim.orders()).toHaveLength(1);
  });

  it('Cashfree\'s 400 for an id it already has is duplicate_id too', async () => {
    const rt = await fresh.runtime();
    const made = await request(`${fresh.sim.baseUrl}/reverse-penny-drop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-client-id': 'torture_id', 'x-client-secret': 'torture_secret' },
      body: JSON.stringify({ verification_id: 'dup_remote_1' }),
    });
    expect(made.statusCode).toBe(200);
    await made.body.dump();
    const err = await rt.orders.create({ name: 'Asha Rao', verificationId: 'dup_remote_1' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'duplicate_id', httpStatus: 400 });
  });

  it('an id whose create never reached Cashfree can be used again', async () => {
    const rt = await fresh.runtime();
    fresh.sim.setFaults({ create: { error: { name: 'insufficient_balance', count: 1 } } });
    await expect(rt.orders.create({ name: 'Asha Rao', verificationId: 'again_1' })).rejects.toMatchObject({ code: 'insufficient_balance' });
    expect(rt.history.get('again_1')?.state).toBe('create_failed');
    const second = await rt.orders.create({ name: 'Ravi Kumar', verificationId: 'again_1' });
    expect(second).toMatchObject({ state: 'created', name: 'Ravi Kumar', lastError: null });
    expect(historyRows(rt)).toHaveLength(1);
  });
});

describe('re-checking an order while its create call is out', () => {
  it('never marks it create_failed', async () => {
    const rt = await fresh.runtime({ timeoutMs: 5_000 });
    fresh.sim.setFaults({ create: { latency_ms: 400, times: 1 } });
    const creating = rt.handlers['order.create']({ name: 'Asha Rao' });
    let id: string | undefined;
    for (let i = 0; i < 50 && id === undefined; i++) {
      await new Promise((r) => setTimeout(r, 10));
      id = rt.history.listOpen()[0]?.verificationId;
    }
    expect(id).toBeDefined();
    const rechecked = await rt.handlers['order.recheck']({ verificationId: id! });
    expect(rechecked.ok && rechecked.data.state).toBe('creating');
    const order = created(await creating);
    expect(order).toMatchObject({ verificationId: id, state: 'created' });
    expect(order.links?.upi).toMatch(/^upi:/);
    expect(order.qrCode).not.toBeNull();
  });
});
