import { describe, expect, it } from 'vitest';
import { upsert, withReply } from '../../renderer/src/features/order/useOrders.ts';
import { makeOrder } from '../fixtures/orders.ts';

describe('the session list', () => {
  it('puts a new open order on top and updates a listed one in place', () => {
    const a = makeOrder({ verificationId: 'a' });
    const b = makeOrder({ verificationId: 'b' });
    expect(upsert([a], b).map((o) => o.verificationId)).toEqual(['b', 'a']);
    expect(upsert([b, a], { ...a, state: 'success' })[1]!.state).toBe('success');
  });

  it('leaves out a final order it never listed: a refund update of an old order is history', () => {
    const a = makeOrder({ verificationId: 'a' });
    expect(upsert([a], makeOrder({ verificationId: 'old', state: 'success' }))).toEqual([a]);
    expect(upsert([a], makeOrder({ verificationId: 'x', state: 'create_failed' }))).toEqual([a]);
  });

  it("keeps what order.updated brought when the create's reply carries the same order", () => {
    const creating = makeOrder({ verificationId: 'a', state: 'creating', updatedAt: 100 });
    const created = makeOrder({ verificationId: 'a', state: 'created', updatedAt: 200 });
    const fromEvent = upsert(upsert([], creating), created);
    expect(withReply(fromEvent, { ...created })).toBe(fromEvent);
  });

  it('lists a reply that overtook its event, and never lets an older reply undo a later event', () => {
    const created = makeOrder({ verificationId: 'a', state: 'created', updatedAt: 200 });
    expect(withReply([], created)).toEqual([created]);
    const creating = [makeOrder({ verificationId: 'a', state: 'creating', updatedAt: 100 })];
    expect(withReply(creating, created)).toEqual([created]);
    const paid = [makeOrder({ verificationId: 'a', state: 'success', updatedAt: 300 })];
    expect(withReply(paid, created)).toBe(paid);
  });
});
