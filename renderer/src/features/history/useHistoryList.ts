// The history list's data: the first page of a query, further pages by keyset cursor, and live
// updates from order.updated. Answers to an older query are dropped, so fast typing never
// shows results of a word the agent has already typed past.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Order } from '../../../../shared/domain.ts';
import { maskAccount } from '../../../../shared/mask.ts';
import { orderVerdict } from '../../../../shared/verdict.ts';
import type { HistoryQuery, HistoryRow } from '../../../../shared/history.ts';
import type { AppError } from '../../../../shared/result.ts';
import type { HistoryApi } from './api.ts';

/** Rows per request: a few screens, small enough to answer in a few milliseconds. */
export const PAGE_SIZE = 200;
/** Several order.updated events for new orders in a burst cost one refresh. */
const REFRESH_DELAY_MS = 80;

export interface HistoryListState {
  rows: HistoryRow[];
  nextCursor: string | null;
  /** 'loading' only before the first answer of a query; later answers replace rows in place. */
  status: 'loading' | 'ready' | 'error';
  error: AppError | null;
  loadingMore: boolean;
  moreError: AppError | null;
  /** The last time new orders were put above the loaded rows: the view keeps its scroll position. */
  prepended: { count: number; serial: number } | null;
  /** Counts the answers that replaced the whole list (a new query): the view scrolls back to the top. */
  resets: number;
}

const INITIAL: HistoryListState = { rows: [], nextCursor: null, status: 'loading', error: null, loadingMore: false, moreError: null, prepended: null, resets: 0 };

export function toHistoryRow(order: Order): HistoryRow {
  return {
    verificationId: order.verificationId,
    refId: order.refId,
    name: order.name,
    note: order.note,
    profile: order.profile,
    state: order.state,
    matchResult: order.result?.nameMatchResult ?? null,
    // As the store keeps it: made from the account number, not Cashfree's own masking.
    maskedAccount: order.result ? maskAccount(order.result.bankAccount) || null : null,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    validUpto: order.validUpto,
    answerLost: order.answerLost,
    replaces: order.replaces,
    verdict: orderVerdict(order),
  };
}

/**
 * New orders at the top of `current`: the first page's rows until one that is already listed.
 * When none of them is listed (many new orders, or an empty list) the first page replaces it all.
 * Listed rows the page holds in a newer state are brought up to date: an order.updated event may
 * have arrived while the row was not listed yet.
 */
export function mergeFirstPage(
  current: HistoryListState,
  page: { rows: HistoryRow[]; nextCursor: string | null },
): HistoryListState {
  const index = new Map(current.rows.map((r, i) => [r.verificationId, i]));
  const fresh: HistoryRow[] = [];
  for (const row of page.rows) {
    if (index.has(row.verificationId)) break;
    fresh.push(row);
  }
  const paged = new Map(page.rows.map((r) => [r.verificationId, r]));
  let changed = false;
  const rows = current.rows.map((r) => {
    const newer = paged.get(r.verificationId);
    if (!newer || newer.updatedAt <= r.updatedAt) return r;
    changed = true;
    return newer;
  });
  if (fresh.length === 0) return changed ? { ...current, rows } : current;
  const serial = (current.prepended?.serial ?? 0) + 1;
  if (fresh.length === page.rows.length && page.nextCursor !== null) {
    return { ...current, rows: page.rows, nextCursor: page.nextCursor, prepended: { count: page.rows.length, serial } };
  }
  return { ...current, rows: [...fresh, ...rows], prepended: { count: fresh.length, serial } };
}

export interface HistoryList extends HistoryListState {
  loadMore: () => void;
  reload: () => void;
}

export function useHistoryList(api: HistoryApi, query: HistoryQuery): HistoryList {
  const [state, setState] = useState<HistoryListState>(INITIAL);
  // The last rendered state, read to decide what to ask for; changes go through setState(fn).
  const stateRef = useRef(state);
  // Every new query (or reload) bumps the generation; answers from an older one are dropped.
  const generation = useRef(0);
  const moreInFlight = useRef<string | null>(null);
  const queryRef = useRef(query);
  const [reloads, setReloads] = useState(0);
  const queryKey = JSON.stringify(query);
  // Before the effects below read them.
  useLayoutEffect(() => {
    stateRef.current = state;
    queryRef.current = query;
  });

  useEffect(() => {
    const mine = ++generation.current;
    moreInFlight.current = null;
    void api['history.search']({ ...queryRef.current, limit: PAGE_SIZE }).then((r) => {
      if (generation.current !== mine) return;
      setState((prev) =>
        r.ok
          ? { ...INITIAL, rows: r.data.rows, nextCursor: r.data.nextCursor, status: 'ready', resets: prev.resets + 1 }
          : { ...INITIAL, status: 'error', error: r.error, resets: prev.resets + 1 },
      );
    });
  }, [api, queryKey, reloads]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    const cursor = s.nextCursor;
    if (s.status !== 'ready' || cursor === null || moreInFlight.current === cursor) return;
    const mine = generation.current;
    moreInFlight.current = cursor;
    setState((prev) => ({ ...prev, loadingMore: true, moreError: null }));
    void api['history.search']({ ...queryRef.current, limit: PAGE_SIZE, cursor }).then((r) => {
      if (generation.current !== mine) return;
      moreInFlight.current = null;
      setState((prev) => {
        if (!r.ok) return { ...prev, loadingMore: false, moreError: r.error };
        // A refresh may have replaced the rows meanwhile; this page then belongs to nothing.
        if (prev.nextCursor !== cursor) return { ...prev, loadingMore: false };
        return { ...prev, rows: [...prev.rows, ...r.data.rows], nextCursor: r.data.nextCursor, loadingMore: false };
      });
    });
  }, [api]);

  const reload = useCallback(() => {
    setState((s) => (s.status === 'error' ? { ...s, status: 'loading' } : s));
    setReloads((n) => n + 1);
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refreshTop = (): void => {
      timer = null;
      const mine = generation.current;
      void api['history.search']({ ...queryRef.current, limit: PAGE_SIZE }).then((r) => {
        if (generation.current !== mine || !r.ok) return;
        setState((prev) => (prev.status === 'ready' ? mergeFirstPage(prev, r.data) : prev));
      });
    };
    const off = api.on('order.updated', (order) => {
      if (stateRef.current.rows.some((r) => r.verificationId === order.verificationId)) {
        const row = toHistoryRow(order);
        setState((prev) => ({ ...prev, rows: prev.rows.map((r) => (r.verificationId === row.verificationId ? row : r)) }));
      } else if (timer === null) {
        // Not listed: a new order, or one outside the loaded pages. Ask again for the top.
        timer = setTimeout(refreshTop, REFRESH_DELAY_MS);
      }
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [api]);

  // Retention deleted old orders: the loaded pages may list some of them.
  useEffect(() => api.on('history.pruned', reload), [api, reload]);

  return { ...state, loadMore, reload };
}
