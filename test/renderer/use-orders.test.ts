import { describe, expect, it } from 'vitest';
import { upsert } from '../../renderer/src/features/order/useOrders.ts';
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
});
