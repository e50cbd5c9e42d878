// An in-memory stand-in for main behind the history view's channels: it filters and pages like
// the history store (prefix words, newest first, keyset cursor), records every call, can hold
// answers back so a test decides their order, and pushes order.updated and history.pruned events.
import type { ChannelInput, ChannelOutput, EventName, EventPayload } from '../../shared/contract.ts';
import type { NameMatchResult, Order, OrderState, ProfileKind } from '../../shared/domain.ts';
import type { HistoryQuery, HistoryRow } from '../../shared/history.ts';
import type { AppError, Result } from '../../shared/result.ts';
import type { HistoryApi } from '../../renderer/src/features/history/api.ts';
import { toHistoryRow } from '../../renderer/src/features/history/useHistoryList.ts';

export const NOW = new Date(2026, 10, 25, 12, 0).getTime();
const NAMES = ['Asha Kumari', 'Bharath Kumar', 'Chitra Rao', 'Deepak Singh', 'Esha Patel', 'Farhan Khan'];
const STATES: OrderState[] = ['success', 'success', 'expired', 'failure', 'success', 'created'];
const MATCHES: NameMatchResult[] = ['DIRECT_MATCH', 'GOOD_PARTIAL_MATCH', 'NO_MATCH', 'POOR_PARTIAL_MATCH'];

export function makeOrder(i: number, over: Partial<Order> = {}): Order {
  const state = over.state ?? STATES[i % STATES.length]!;
  const paid = state === 'success' || state === 'failure';
  const name = over.name ?? `${NAMES[i % NAMES.length]} ${i}`;
  const account = `5021000${String(100000 + i).padStart(8, '0')}`;
  return {
    verificationId: `vrf_${i}`,
    refId: String(7000 + i),
    name,
    note: i % 7 === 0 ? 'ticket 4471' : '',
    profile: (['production', 'sandbox', 'demo'] as ProfileKind[])[i % 3]!,
    state,
    createdAt: NOW - i * 60_000,
    updatedAt: NOW - i * 60_000 + 30_000,
    validUpto: NOW - i * 60_000 + 600_000,
    links: null,
    qrCode: null,
    result: paid
      ? {
          nameAtBank: name.toUpperCase(),
          bankAccount: account,
          maskedAccount: `XXXXXXX${account.slice(-4)}`,
          ifsc: 'HDFC0001234',
          upi: `customer${i}@okhdfcbank`,
          utr: `4330${String(i).padStart(8, '0')}`,
          nameMatchScore: 90 - (i % 50),
          nameMatchResult: MATCHES[i % MATCHES.length]!,
          reversalStatus: 'TRANSFER_SUCCESS',
          accountType: 'SAVINGS',
          processedOn: '2026-11-25 11:31:02',
          pennyCollectedOn: '2026-11-25 11:30:40',
        }
      : null,
    answerLost: false,
    replaces: null,
    lastError: null,
    pageUrl: null,
    validUptoAssumed: false,
    cashfreeStatus: null,
    attention: null,
    ...over,
  };
}

function matches(row: HistoryRow, q: HistoryQuery): boolean {
  if (q.text) {
    const words = `${row.name} ${row.verificationId} ${row.refId ?? ''} ${row.note}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    const typed = q.text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!typed.every((t) => words.some((w) => w.startsWith(t)))) return false;
  }
  if (q.states?.length && !q.states.includes(row.state)) return false;
  if (q.profiles?.length && !q.profiles.includes(row.profile)) return false;
  if (q.verdicts?.length && !q.verdicts.includes(row.verdict)) return false;
  if (q.matchResults?.length && !q.matchResults.includes(row.matchResult ?? 'none')) return false;
  if (q.from !== undefined && row.createdAt < q.from) return false;
  if (q.to !== undefined && row.createdAt > q.to) return false;
  return true;
}

type Call = { channel: string; input: unknown };
type Gate = (input: HistoryQuery) => Promise<void> | void;

export interface FakeMain {
  api: HistoryApi;
  /** Newest first. */
  orders: Order[];
  calls: Call[];
  searches: () => HistoryQuery[];
  /** Set to hold search answers back until the returned promise settles. */
  gate: Gate | null;
  /** The next answer of a channel fails with this error. */
  failNext: Partial<Record<string, AppError>>;
  recheckAnswer: ((order: Order) => Order) | null;
  exportAnswer: ChannelOutput<'history.export'>;
  protection: 'keychain' | 'keyfile';
  emit: (order: Order) => void;
  /** Deletes the orders created before `before`, as retention does, and says so with history.pruned. */
  prune: (before: number) => void;
}

export function fakeMain(orders: Order[]): FakeMain {
  const listeners = new Set<(order: Order) => void>();
  const pruned = new Set<(payload: EventPayload<'history.pruned'>) => void>();
  const fake: FakeMain = {
    orders,
    calls: [],
    searches: () => fake.calls.filter((c) => c.channel === 'history.search').map((c) => c.input as HistoryQuery),
    gate: null,
    failNext: {},
    recheckAnswer: null,
    exportAnswer: { rows: 0, savedTo: null, csv: 'verification_id\n' },
    protection: 'keychain',
    emit: (order) => {
      const at = fake.orders.findIndex((o) => o.verificationId === order.verificationId);
      if (at >= 0) fake.orders[at] = order;
      else fake.orders.unshift(order);
      for (const l of listeners) l(order);
    },
    prune: (before) => {
      const kept = fake.orders.filter((o) => o.createdAt >= before);
      const deleted = fake.orders.length - kept.length;
      fake.orders.splice(0, fake.orders.length, ...kept);
      for (const l of pruned) l({ deleted });
    },
    api: undefined as unknown as HistoryApi,
  };
  const answer = async <T>(channel: string, input: unknown, make: () => T): Promise<Result<T>> => {
    fake.calls.push({ channel, input });
    const error = fake.failNext[channel];
    if (error) {
      delete fake.failNext[channel];
      return { ok: false, error };
    }
    return { ok: true, data: make() };
  };
  const notFound: AppError = { code: 'not_found', message: 'There is no such order on this computer.', retryable: false };
  fake.api = {
    'history.search': async (input: ChannelInput<'history.search'>) => {
      const q = (input ?? {}) as HistoryQuery;
      fake.calls.push({ channel: 'history.search', input: q });
      if (fake.gate) await fake.gate(q);
      const error = fake.failNext['history.search'];
      if (error) {
        delete fake.failNext['history.search'];
        return { ok: false, error };
      }
      const all = fake.orders.map(toHistoryRow).filter((r) => matches(r, q));
      const start = q.cursor ? Number(q.cursor) : 0;
      const limit = q.limit ?? 50;
      const rows = all.slice(start, start + limit);
      return { ok: true, data: { rows, nextCursor: start + limit < all.length ? String(start + limit) : null } };
    },
    'history.info': (input) => answer('history.info', input, () => ({ count: fake.orders.length, protection: fake.protection, retentionDays: 180 })),
    'history.export': (input) => answer('history.export', input, () => fake.exportAnswer),
    'history.deleteAll': (input) =>
      answer('history.deleteAll', input, () => {
        const deleted = fake.orders.length;
        fake.orders.splice(0);
        return { deleted };
      }),
    'order.get': async (input) => {
      const order = fake.orders.find((o) => o.verificationId === input.verificationId);
      fake.calls.push({ channel: 'order.get', input });
      return order ? { ok: true, data: order } : { ok: false, error: notFound };
    },
    'order.recheck': (input) =>
      answer('order.recheck', input, () => {
        const order = fake.orders.find((o) => o.verificationId === input.verificationId)!;
        return fake.recheckAnswer ? fake.recheckAnswer(order) : order;
      }),
    'clipboard.write': (input) => answer('clipboard.write', input, () => null),
    on: <K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void) => {
      if (event === 'history.pruned') {
        const l = listener as (payload: EventPayload<'history.pruned'>) => void;
        pruned.add(l);
        return () => pruned.delete(l);
      }
      if (event !== 'order.updated') return () => {};
      const l = listener as (order: Order) => void;
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return fake;
}

export function manyOrders(n: number): Order[] {
  return Array.from({ length: n }, (_, i) => makeOrder(i));
}
