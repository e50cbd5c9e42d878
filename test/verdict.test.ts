// The one verdict (shared/verdict.ts): a payment is not a verification.
import { describe, expect, it } from 'vitest';
import { orderVerdict, verdict } from '../shared/verdict.ts';
import { BANK_RESULT, makeOrder } from './fixtures/orders.ts';

const paid = { state: 'success', wallet: false, attention: false } as const;

describe('verdict', () => {
  it('is verified only for a bank account whose name matches directly or well', () => {
    expect(verdict({ ...paid, nameMatchResult: 'DIRECT_MATCH' })).toBe('verified');
    expect(verdict({ ...paid, nameMatchResult: 'GOOD_PARTIAL_MATCH' })).toBe('verified');
    expect(verdict({ ...paid, nameMatchResult: 'MODERATE_PARTIAL_MATCH' })).toBe('check_name');
    expect(verdict({ ...paid, nameMatchResult: 'POOR_PARTIAL_MATCH' })).toBe('check_name');
    expect(verdict({ ...paid, nameMatchResult: 'NO_MATCH' })).toBe('name_mismatch');
    expect(verdict({ ...paid, nameMatchResult: null })).toBe('paid_no_name');
  });

  it('calls a wallet payment a wallet even when the name matches', () => {
    expect(verdict({ ...paid, wallet: true, nameMatchResult: 'DIRECT_MATCH' })).toBe('wallet');
    const order = makeOrder({ state: 'success', result: { ...BANK_RESULT, upi: 'asha@paytm', ifsc: '', nameMatchResult: 'DIRECT_MATCH' } });
    expect(orderVerdict(order)).toBe('wallet');
  });

  it('names the states before and instead of a payment', () => {
    const none = { nameMatchResult: null, wallet: false, attention: false };
    expect(verdict({ ...none, state: 'creating' })).toBe('creating');
    expect(verdict({ ...none, state: 'created' })).toBe('waiting');
    expect(verdict({ ...none, state: 'created', attention: true })).toBe('needs_attention');
    expect(verdict({ ...none, state: 'failure' })).toBe('failed');
    expect(verdict({ ...none, state: 'expired' })).toBe('expired');
    expect(verdict({ ...none, state: 'create_failed' })).toBe('not_created');
  });
});
