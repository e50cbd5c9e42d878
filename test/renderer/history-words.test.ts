// The pure parts of the history view: day bounds for the date filter (India days), and how a
// refreshed first page is merged above the loaded rows.
import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart } from '../../renderer/src/features/history/words.ts';
import { mergeFirstPage, toHistoryRow } from '../../renderer/src/features/history/useHistoryList.ts';
import type { HistoryListState } from '../../renderer/src/features/history/useHistoryList.ts';
import { makeOrder } from './history-fake.ts';

describe('date filter bounds', () => {
  it('covers the whole day in India, both ends inclusive', () => {
    const start = dayStart('2026-03-09')!;
    const end = dayEnd('2026-03-09')!;
    expect(start).toBe(Date.parse('2026-03-09T00:00:00+05:30'));
    expect(end).toBe(Date.parse('2026-03-09T23:59:59.999+05:30'));
    expect(dayStart('2026-03-10')! - end).toBe(1);
  });

  it('ignores what is not a date', () => {
    expect(dayStart('')).toBeUndefined();
    expect(dayEnd('09/03/2026')).toBeUndefined();
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
