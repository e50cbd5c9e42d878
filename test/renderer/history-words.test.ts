// The pure parts of the history view: day bounds for the date filter, the ticket text, and how
// a refreshed first page is merged above the loaded rows.
import { describe, expect, it } from 'vitest';
import { bankTime, dayEnd, dayStart, ticketText } from '../../renderer/src/features/history/words.ts';
import { mergeFirstPage, toHistoryRow } from '../../renderer/src/features/history/useHistoryList.ts';
import type { HistoryListState } from '../../renderer/src/features/history/useHistoryList.ts';
import { makeOrder } from './history-fake.ts';

describe('date filter bounds', () => {
  it('covers the whole local day, both ends inclusive', () => {
    const start = dayStart('2026-03-09')!;
    const end = dayEnd('2026-03-09')!;
    expect(new Date(start)).toEqual(new Date(2026, 2, 9, 0, 0, 0, 0));
    expect(new Date(end)).toEqual(new Date(2026, 2, 9, 23, 59, 59, 999));
    expect(dayStart('2026-03-10')! - end).toBe(1);
  });

  it('ignores what is not a date', () => {
    expect(dayStart('')).toBeUndefined();
    expect(dayEnd('09/03/2026')).toBeUndefined();
  });
});

describe('ticket text', () => {
  it('holds the result with the account masked, or in full when asked', () => {
    const order = makeOrder(3, { note: 'loan 4471', replaces: 'vrf_old' });
    const masked = ticketText(order, { fullAccount: false });
    expect(masked.split('\n')).toEqual([
      'Reverse penny drop: vrf_3',
      'Customer name entered: Deepak Singh 3',
      'Status: Failed',
      'Profile: Production',
      expect.stringMatching(/^Created: /),
      'Cashfree reference: 7003',
      'Name at bank: DEEPAK SINGH 3',
      'Account: ••••0003',
      'IFSC: HDFC0001234',
      'UPI id: customer3@okhdfcbank',
      'UTR: 433000000003',
      'Name match: Poor partial match (score 87)',
      expect.stringMatching(/^Paid at: /),
      'Refund: ₹1 refunded to the customer',
      'Note: loan 4471',
      'Replaces: vrf_old',
    ]);
    expect(ticketText(order, { fullAccount: true })).toContain('Account: 502100000100003');
  });

  it('leaves out what an order without a result does not have', () => {
    const text = ticketText(makeOrder(5, { state: 'created', result: null, refId: null }), { fullAccount: false });
    expect(text).toContain('Status: Waiting for payment');
    expect(text).not.toMatch(/Account|Cashfree reference|Note/);
  });

  it('shows bank times as dates when they parse, as given otherwise', () => {
    expect(bankTime('2026-01-15 09:31:02')).toMatch(/2026/);
    expect(bankTime('yesterday')).toBe('yesterday');
    expect(bankTime('')).toBe('');
  });
});

describe('merging a refreshed first page', () => {
  const state = (ids: number[], nextCursor: string | null = 'c'): HistoryListState => ({
    rows: ids.map((i) => toHistoryRow(makeOrder(i))),
    nextCursor,
    status: 'ready',
    error: null,
    loadingMore: false,
    moreError: null,
    prepended: null,
    resets: 1,
  });
  const page = (ids: number[], nextCursor: string | null) => ({ rows: ids.map((i) => toHistoryRow(makeOrder(i))), nextCursor });
  const ids = (s: HistoryListState) => s.rows.map((r) => r.verificationId);

  it('puts the new orders above and keeps the loaded ones and the cursor', () => {
    const next = mergeFirstPage(state([5, 6, 7]), page([3, 4, 5, 6], 'x'));
    expect(ids(next)).toEqual(['vrf_3', 'vrf_4', 'vrf_5', 'vrf_6', 'vrf_7']);
    expect(next.nextCursor).toBe('c');
    expect(next.prepended).toEqual({ count: 2, serial: 1 });
  });

  it('changes nothing when nothing is new', () => {
    const before = state([5, 6, 7]);
    expect(mergeFirstPage(before, page([5, 6], 'x'))).toBe(before);
  });

  it('brings a listed row up to date when the page holds it in a newer state', () => {
    const before = state([5, 6, 7]);
    const newer = { ...toHistoryRow(makeOrder(5)), state: 'created' as const, updatedAt: before.rows[0]!.updatedAt + 1 };
    const next = mergeFirstPage(before, { rows: [newer, toHistoryRow(makeOrder(6))], nextCursor: 'x' });
    expect(ids(next)).toEqual(['vrf_5', 'vrf_6', 'vrf_7']);
    expect(next.rows[0]).toEqual(newer);
    const older = { ...newer, updatedAt: newer.updatedAt - 10, state: 'creating' as const };
    expect(mergeFirstPage(next, { rows: [older], nextCursor: 'x' }).rows[0]).toEqual(newer);
  });

  it('starts again from the first page when more arrived than a page holds', () => {
    const next = mergeFirstPage(state([5, 6, 7]), page([1, 2], 'p2'));
    expect(ids(next)).toEqual(['vrf_1', 'vrf_2']);
    expect(next.nextCursor).toBe('p2');
  });

  it('fills an empty list', () => {
    const next = mergeFirstPage(state([], null), page([1], null));
    expect(ids(next)).toEqual(['vrf_1']);
    expect(next.prepended?.count).toBe(1);
  });
});
