import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHistory, type HistoryStore } from '../electron/core/history/store.ts';
import { CoreError } from '../electron/core/error.ts';
import type { Order, OrderState, NameMatchResult, ProfileKind } from '../shared/domain.ts';
import type { HistoryQuery, HistoryRow } from '../shared/history.ts';
import { appLinksFromUpi } from '../shared/links.ts';
import { links, order, remitter, T0, tempDir } from './history-fixtures.ts';

const DAY = 86_400_000;
let dir: string;
let cleanup: () => Promise<void>;
let store: HistoryStore;
const key = randomBytes(32);

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = openHistory({ file: join(dir, 'history.sqlite'), dataKey: key });
});
afterEach(async () => {
  store.close();
  await cleanup();
});

describe('orders', () => {
  it('keeps an order from "creating" through every step, without the QR image', () => {
    const o = order({ verificationId: 'vrf_steps_1', note: 'loan 44' });
    store.insert(o);
    expect(store.get('vrf_steps_1')).toEqual(o);

    const created = store.update('vrf_steps_1', {
      state: 'created',
      refId: '778812',
      validUpto: T0 + 600_000,
      links: links('778812'),
      qrCode: 'iVBORw0KGgo=',
      updatedAt: T0 + 1_000,
    });
    expect(created.state).toBe('created');
    expect(created.qrCode).toBe('iVBORw0KGgo=');
    const stored = store.get('vrf_steps_1');
    expect(stored).toEqual({ ...created, qrCode: null });

    const done = store.update('vrf_steps_1', { state: 'success', result: remitter(), updatedAt: T0 + 90_000 });
    expect(store.get('vrf_steps_1')).toEqual({ ...done, qrCode: null });
    expect(done.result?.bankAccount).toBe('026291800001191');
    expect(done.createdAt).toBe(T0);
  });

  it('makes the app links from the upi link with each app\'s scheme and the same parameters', () => {
    const upi = 'upi://pay?pa=cf.rpd@yesbank&pn=Cashfree&am=1.00&tr=99&cu=INR';
    expect(appLinksFromUpi(upi)).toEqual({
      upi,
      gpay: 'tez://upi/pay?pa=cf.rpd@yesbank&pn=Cashfree&am=1.00&tr=99&cu=INR',
      phonepe: 'phonepe://pay?pa=cf.rpd@yesbank&pn=Cashfree&am=1.00&tr=99&cu=INR',
      paytm: 'paytmmp://pay?pa=cf.rpd@yesbank&pn=Cashfree&am=1.00&tr=99&cu=INR',
      bhim: 'bhim://upi://pay?pa=cf.rpd@yesbank&pn=Cashfree&am=1.00&tr=99&cu=INR',
    });
    store.insert(order({ verificationId: 'vrf_derived', links: appLinksFromUpi(upi) }));
    const raw = new DatabaseSync(store.file, { readOnly: true });
    expect(raw.prepare('SELECT upi_link, app_links FROM orders').get()).toEqual({ upi_link: upi, app_links: null });
    raw.close();
    expect(store.get('vrf_derived')?.links).toEqual(appLinksFromUpi(upi));
  });

  it('keeps app links that differ from the usual ones made from the upi link', () => {
    const odd = { ...links('1')!, gpay: 'tez://upi/pay?pa=other@bank&am=1.00' };
    store.insert(order({ verificationId: 'vrf_links', links: odd }));
    expect(store.get('vrf_links')?.links).toEqual(odd);
  });

  it('refuses a second order with the same verification id, and unknown or illegal updates', () => {
    store.insert(order({ verificationId: 'vrf_dup' }));
    expect(() => store.insert(order({ verificationId: 'vrf_dup', name: 'Other' }))).toThrow(
      expect.objectContaining({ code: 'duplicate_id' }),
    );
    expect(store.count()).toBe(1);
    expect(() => store.update('vrf_missing', { state: 'created' })).toThrow(CoreError);
    expect(() => store.update('vrf_dup', { createdAt: T0 + 5 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(store.get('vrf_missing')).toBeNull();
  });

  it('writes a batch all or nothing', () => {
    store.insert(order({ verificationId: 'vrf_taken' }));
    const batch = [order({ verificationId: 'vrf_b1' }), order({ verificationId: 'vrf_taken' }), order({ verificationId: 'vrf_b3' })];
    expect(() => store.insertMany(batch)).toThrow(expect.objectContaining({ code: 'duplicate_id' }));
    expect(store.count()).toBe(1);
    expect(store.get('vrf_b1')).toBeNull();
    store.insertMany([order({ verificationId: 'vrf_b1' }), order({ verificationId: 'vrf_b3' })]);
    expect(store.count()).toBe(3);
  });

  it('lists only open orders (creating, created), newest first', () => {
    const states: OrderState[] = ['creating', 'created', 'success', 'failure', 'expired', 'create_failed', 'created'];
    states.forEach((state, i) => store.insert(order({ verificationId: `vrf_open_${i}`, state, createdAt: T0 + i * 1000 })));
    store.update('vrf_open_0', { state: 'expired' });
    expect(store.listOpen().map((o) => o.verificationId)).toEqual(['vrf_open_6', 'vrf_open_1']);
  });

  it('reports keyfile protection unless told otherwise', () => {
    expect(store.protection).toBe('keyfile');
    const other = openHistory({ file: join(dir, 'other.sqlite'), dataKey: key, protection: 'keychain' });
    expect(other.protection).toBe('keychain');
    other.close();
  });
});

const FIRST = ['Asha', 'Ashok', 'Kumar', 'Kunal', 'Priya', 'Rahul', 'Ravi', 'Sunita', 'Suresh', 'Ayesha'];
const LAST = ['Kumar', 'Kumari', 'Sharma', 'Iyer', 'Das', 'Khan', 'Ásthana'];
const STATES: OrderState[] = ['success', 'failure', 'expired', 'created'];
const MATCHES: (NameMatchResult | null)[] = ['DIRECT_MATCH', 'NO_MATCH', 'POOR_PARTIAL_MATCH', null];
const PROFILES: ProfileKind[] = ['demo', 'sandbox', 'production'];

function fill(n: number): Order[] {
  const all: Order[] = [];
  for (let i = 0; i < n; i++) {
    const match = MATCHES[i % MATCHES.length]!;
    const o = order({
      verificationId: `vrf_${String(i).padStart(4, '0')}`,
      refId: i % 5 === 0 ? null : String(500_000 + i),
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
      note: i % 9 === 0 ? 'callback asked' : '',
      state: STATES[i % STATES.length]!,
      profile: PROFILES[i % PROFILES.length]!,
      // Several orders share a millisecond, and some are written out of creation order.
      createdAt: T0 + Math.floor(i / 3) * 60_000 - (i % 11 === 0 ? 45 * 60_000 : 0),
      result: match === null ? null : remitter({ nameMatchResult: match }),
    });
    all.push(o);
  }
  // Written in id order, not creation order: the store must still list by creation time.
  for (const o of all) store.insert(o);
  return all;
}

/** Newest first; ties (same millisecond) keep the order they were written in, newest write first. */
function expected(all: Order[], keep: (o: Order) => boolean): string[] {
  return all
    .map((o, writeIndex) => ({ o, writeIndex }))
    .filter(({ o }) => keep(o))
    .sort((a, b) => b.o.createdAt - a.o.createdAt || b.writeIndex - a.writeIndex)
    .map(({ o }) => o.verificationId);
}

function words(o: Order): string[] {
  return `${o.name} ${o.verificationId} ${o.refId ?? ''} ${o.note}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function allPages(q: HistoryQuery): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let cursor: string | null = q.cursor ?? null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = store.search({ ...q, cursor });
    rows.push(...page.rows);
    if (page.nextCursor === null) return rows;
    expect(page.rows.length).toBe(q.limit ?? 50);
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('search', () => {
  it('finds by word prefix in the name, ids and note, newest first', () => {
    const all = fill(240);
    const cases: [string, (o: Order) => boolean][] = [
      ['ku', (o) => words(o).some((w) => w.startsWith('ku'))],
      ['KUMAR', (o) => words(o).some((w) => w.startsWith('kumar'))],
      ['as', (o) => words(o).some((w) => w.startsWith('as'))], // Ásthana too: diacritics folded
      ['ra sh', (o) => words(o).some((w) => w.startsWith('ra')) && words(o).some((w) => w.startsWith('sh'))],
      ['5001', (o) => (o.refId ?? '').startsWith('5001')],
      ['vrf_012', (o) => o.verificationId.startsWith('vrf_012')],
      ['callb', (o) => o.note.startsWith('callback')],
      ['zzz', () => false],
    ];
    for (const [text, keep] of cases) {
      const want = expected(all, keep);
      expect(allPages({ text, limit: 500 }).map((r) => r.verificationId), text).toEqual(want);
    }
    expect(expected(all, (o) => words(o).some((w) => w.startsWith('ku'))).length).toBeGreaterThan(50);
  });

  it('pages through every match with keyset cursors: no duplicates, no gaps', () => {
    const all = fill(240);
    for (const [q, keep] of [
      [{ limit: 7 }, () => true],
      [{ text: 'ku', limit: 9 }, (o: Order) => words(o).some((w) => w.startsWith('ku'))],
      [{ text: 'a', states: ['success', 'created'], limit: 4 }, (o: Order) =>
        words(o).some((w) => w.startsWith('a')) && (o.state === 'success' || o.state === 'created')],
    ] as [HistoryQuery, (o: Order) => boolean][]) {
      const ids = allPages(q).map((r) => r.verificationId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expected(all, keep));
    }
  });

  it('keeps paging where it was when newer orders arrive between pages', () => {
    const all = fill(60);
    const first = store.search({ limit: 10 });
    store.insert(order({ verificationId: 'vrf_newer', createdAt: T0 + 10 * DAY }));
    const rest = allPages({ limit: 10, cursor: first.nextCursor });
    const ids = [...first.rows, ...rest].map((r) => r.verificationId);
    expect(ids).toEqual(expected(all, () => true));
  });

  it('filters by state, name match result, profile and date range', () => {
    const all = fill(240);
    const from = T0 + 20 * 60_000;
    const to = T0 + 50 * 60_000;
    const cases: [HistoryQuery, (o: Order) => boolean][] = [
      [{ states: ['failure'] }, (o) => o.state === 'failure'],
      [{ matchResults: ['DIRECT_MATCH', 'none'] }, (o) => o.result === null || o.result.nameMatchResult === 'DIRECT_MATCH'],
      [{ profiles: ['sandbox'] }, (o) => o.profile === 'sandbox'],
      [{ from, to }, (o) => o.createdAt >= from && o.createdAt <= to],
      [
        { text: 'su', states: ['success', 'expired'], profiles: ['demo', 'production'], from },
        (o) =>
          words(o).some((w) => w.startsWith('su')) &&
          (o.state === 'success' || o.state === 'expired') &&
          o.profile !== 'sandbox' &&
          o.createdAt >= from,
      ],
    ];
    for (const [q, keep] of cases) {
      const want = expected(all, keep);
      expect(want.length).toBeGreaterThan(0);
      expect(allPages({ ...q, limit: 13 }).map((r) => r.verificationId), JSON.stringify(q)).toEqual(want);
    }
  });

  it('returns list fields only, with the account masked to its last 4 digits', () => {
    store.insert(order({ verificationId: 'vrf_row', state: 'success', result: remitter(), refId: '42' }));
    const [row] = store.search({ text: 'bharath' }).rows;
    expect(row).toEqual({
      verificationId: 'vrf_row',
      refId: '42',
      name: 'Bharath Kumar',
      note: '',
      profile: 'demo',
      state: 'success',
      matchResult: 'GOOD_PARTIAL_MATCH',
      maskedAccount: '••••1191',
      createdAt: T0,
      updatedAt: T0,
      validUpto: null,
      answerLost: false,
      replaces: null,
      verdict: 'verified',
    });
  });

  it('finds an order by its new note and ref id after an update, not by the old ones', () => {
    store.insert(order({ verificationId: 'vrf_upd', note: 'first' }));
    store.update('vrf_upd', { note: 'escalated', refId: '99887' });
    expect(store.search({ text: 'escal' }).rows.map((r) => r.verificationId)).toEqual(['vrf_upd']);
    expect(store.search({ text: '99887' }).rows.map((r) => r.verificationId)).toEqual(['vrf_upd']);
    expect(store.search({ text: 'first' }).rows).toEqual([]);
  });

  it('treats typed punctuation and quotes as separators, never as query syntax', () => {
    store.insert(order({ verificationId: 'vrf_q', name: 'D\'Souza "Anil" OR NEAR' }));
    for (const text of ['"', 'd\'sou', 'anil"', 'OR', '*', '(', 'NEAR(']) {
      expect(() => store.search({ text })).not.toThrow();
    }
    expect(store.search({ text: "d'sou" }).rows.map((r) => r.verificationId)).toEqual(['vrf_q']);
    expect(store.search({ text: '"  ' }).rows.map((r) => r.verificationId)).toEqual(['vrf_q']);
  });

  it('rejects a cursor it did not make', () => {
    expect(() => store.search({ cursor: 'not a cursor!' })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('opening', () => {
  it('finds rows still lacking a verdict through an index, not by reading every row', () => {
    const db = new DatabaseSync(join(dir, 'history.sqlite'));
    try {
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT verification_id FROM orders WHERE verdict IS NULL').all();
      expect(plan.map((row) => String(row['detail'])).join(' ')).toMatch(/USING (COVERING )?INDEX orders_verdict_missing/);
    } finally {
      db.close();
    }
  });
});

describe('retention', () => {
  it('deletes orders older than the given days, from the list and from search', () => {
    const now = T0 + 400 * DAY;
    const ages = [200, 181, 179, 1];
    ages.forEach((age, i) =>
      store.insert(order({ verificationId: `vrf_age_${age}`, name: `Retained${i} Kumar`, createdAt: now - age * DAY })),
    );
    expect(store.deleteOlderThan(180, now)).toBe(2);
    expect(store.count()).toBe(2);
    expect(store.search({ text: 'kumar' }).rows.map((r) => r.verificationId)).toEqual(['vrf_age_1', 'vrf_age_179']);
    expect(store.get('vrf_age_200')).toBeNull();
    expect(store.deleteOlderThan(180, now)).toBe(0);
  });

  it('deletes everything, and the store keeps working', () => {
    fill(30);
    expect(store.deleteAll()).toBe(30);
    expect(store.count()).toBe(0);
    expect(store.search({}).rows).toEqual([]);
    expect(store.search({ text: 'ku' }).rows).toEqual([]);
    store.insert(order({ verificationId: 'vrf_after', name: 'Kunal Das' }));
    expect(store.search({ text: 'ku' }).rows.map((r) => r.verificationId)).toEqual(['vrf_after']);
  });
});
