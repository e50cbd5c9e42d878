import { describe, expect, it } from 'vitest';
import type { Order } from '../shared/domain.ts';
import { notificationFor } from '../shared/notify.ts';
import { BANK_RESULT, makeOrder } from './fixtures/orders.ts';

const order = (state: Order['state']): Order => makeOrder({ verificationId: 'rpd_1', state, links: null, validUpto: null });

describe('desktop notification decision', () => {
  it('notifies the step into a final state while the window is not focused', () => {
    expect(notificationFor({ previous: 'created', next: order('success'), windowFocused: false })).toEqual({
      title: 'Paid: no name result: Asha Kumari',
      body: 'RPD order rpd_1. Cashfree compared no name: check the name at bank yourself.',
    });
    const mismatch = makeOrder({ verificationId: 'rpd_2', state: 'success', result: { ...BANK_RESULT, nameMatchResult: 'NO_MATCH' } });
    expect(notificationFor({ previous: 'created', next: mismatch, windowFocused: false })?.title).toBe('Paid: name does NOT match: Asha Kumari');
    const verified = makeOrder({ verificationId: 'rpd_3', state: 'success', result: { ...BANK_RESULT, nameMatchResult: 'DIRECT_MATCH' } });
    expect(notificationFor({ previous: 'created', next: verified, windowFocused: false })?.title).toBe('Verified: name matches: Asha Kumari');
    expect(notificationFor({ previous: 'created', next: order('expired'), windowFocused: false })?.title).toBe('Expired: Asha Kumari');
    expect(notificationFor({ previous: null, next: order('failure'), windowFocused: false })?.title).toBe('Payment failed: Asha Kumari');
  });

  it('stays quiet when the agent is looking, for open orders, repeats and failed creates', () => {
    expect(notificationFor({ previous: 'created', next: order('success'), windowFocused: true })).toBeNull();
    expect(notificationFor({ previous: 'creating', next: order('created'), windowFocused: false })).toBeNull();
    expect(notificationFor({ previous: 'success', next: order('success'), windowFocused: false })).toBeNull();
    expect(notificationFor({ previous: 'creating', next: order('create_failed'), windowFocused: false })).toBeNull();
  });
});
