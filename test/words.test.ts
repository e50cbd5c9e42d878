import { describe, expect, it } from 'vitest';
import type { Order } from '../shared/domain.ts';
import { NAME_MATCH_RESULTS, REVERSAL_STATUSES } from '../shared/domain.ts';
import { VERDICTS } from '../shared/verdict.ts';
import { BANK_RESULT, makeOrder } from './fixtures/orders.ts';
import { NAME_MATCH_WORDS, REVERSAL_WORDS, STATE_WORDS, VERDICT_WORDS, maskUpi, nameMatchWords, reversalWords, ticketText } from '../shared/words.ts';

const paid = (over: Partial<Order['result'] & object> = {}, order: Partial<Order> = {}): Order =>
  makeOrder({
    verificationId: 'rpd_7',
    state: 'success',
    createdAt: Date.parse('2026-11-25T14:00:00+05:30'),
    result: { ...BANK_RESULT, nameMatchScore: 92, nameMatchResult: 'GOOD_PARTIAL_MATCH', reversalStatus: 'TRANSFER_INITIATED', ...over },
    ...order,
  });

describe('the one vocabulary', () => {
  it('headlines each verdict in its own words, with a tone and an icon, so colour is never alone', () => {
    expect(VERDICT_WORDS.verified).toMatchObject({ label: 'Verified: name matches', tone: 'good' });
    expect(VERDICT_WORDS.check_name).toMatchObject({ label: 'Paid: check the name', tone: 'warn' });
    expect(VERDICT_WORDS.name_mismatch).toMatchObject({ label: 'Paid: name does NOT match', tone: 'bad' });
    expect(VERDICT_WORDS.wallet).toMatchObject({ label: 'Paid from a wallet: ask for a bank account', tone: 'bad' });
    const labels = VERDICTS.map((v) => VERDICT_WORDS[v].label);
    expect(new Set(labels).size).toBe(VERDICTS.length);
    for (const v of VERDICTS) expect(VERDICT_WORDS[v].icon).not.toBe('');
    // Only a matching name is "verified": no other word says so.
    expect(labels.filter((l) => /verified/i.test(l))).toEqual(['Verified: name matches']);
    expect(Object.values(STATE_WORDS).some((w) => /verified/i.test(w))).toBe(false);
  });

  it('names every match result and refund state once, in one style', () => {
    expect(NAME_MATCH_RESULTS.map((r) => nameMatchWords(r).label)).toEqual(['Direct match', 'Good partial match', 'Moderate partial match', 'Poor partial match', 'No match']);
    for (const r of NAME_MATCH_RESULTS) expect(NAME_MATCH_WORDS[r].reason).toMatch(/\.$/);
    expect(REVERSAL_STATUSES.map((s) => REVERSAL_WORDS[s])).toEqual([
      'Refund of ₹1 pending',
      'Refund of ₹1 on its way',
      '₹1 refunded to the customer',
      'Refund of ₹1 failed: raise it with Cashfree',
    ]);
    expect(reversalWords(null)).toMatch(/No refund information/);
  });

  it('masks UPI ids', () => {
    expect(maskUpi('asha93@ybl')).toBe('as***@ybl');
    expect(maskUpi('a@ybl')).toBe('a***@ybl');
  });
});

describe('ticket text', () => {
  it('says "unknown" for a time Cashfree sent broken or not at all, never an empty line', () => {
    const text = ticketText(paid({ pennyCollectedOn: '', processedOn: '2023-12-20T20:17:02+05:3' }));
    expect(text).toContain('Paid at: unknown');
  });

  it('says the verdict first, masked by default, times in IST', () => {
    const lines = ticketText(paid({}, { note: 'loan 4471', replaces: 'rpd_6' })).split('\n');
    expect(lines).toEqual([
      'RPD rpd_7: Verified: name matches',
      'Customer name entered: Asha Kumari',
      'Profile: Demo',
      'Created: 25 Nov 2026, 14:00:00 IST',
      'Cashfree reference: 1',
      'Name at bank: ASHA KUMARI',
      'Name match: Good partial match (92/100)',
      'Account: ••••1191',
      'IFSC: YESB0000262',
      'UPI id: as***@ybl',
      'UTR: 7048123456',
      'Paid at: 25 Nov 2026, 14:04:58 IST',
      'Refund: Refund of ₹1 on its way',
      'Note: loan 4471',
      'Replaces: rpd_6',
    ]);
    const full = ticketText(paid(), { unmasked: true });
    expect(full).toContain('Account: 026291800001191');
    expect(full).toContain('UPI id: asha93@ybl');
  });

  it('never says "Verified" for a name that does not match or a wallet', () => {
    expect(ticketText(paid({ nameMatchResult: 'NO_MATCH' })).split('\n')[0]).toBe('RPD rpd_7: Paid: name does NOT match');
    const wallet = ticketText(paid({ upi: '98765@paytm', ifsc: 'PYTM0123456' }));
    expect(wallet.split('\n')[0]).toBe('RPD rpd_7: Paid from a wallet: ask for a bank account');
    expect(wallet).toMatch(/^Wallet: yes: IFSC PYTM0123456 belongs to a wallet issuer$/m);
  });

  it('leaves out what an order without a result does not have', () => {
    const text = ticketText(makeOrder({ verificationId: 'rpd_8', refId: null }));
    expect(text.split('\n')[0]).toBe('RPD rpd_8: Waiting for payment');
    expect(text).not.toMatch(/Account|Cashfree reference|Note/);
  });
});
