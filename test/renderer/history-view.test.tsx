// The history view in jsdom against an in-memory main (history-fake.ts): what it asks for, what
// it shows, and how it behaves at the keyboard. Layout numbers jsdom lacks are given below.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { HistoryView, SEARCH_DEBOUNCE_MS } from '../../renderer/src/features/history/HistoryView.tsx';
import { focusHistorySearch } from '../../renderer/src/features/history/focus.ts';
import { HistoryList, ROW_HEIGHT } from '../../renderer/src/features/history/HistoryList.tsx';
import { toHistoryRow } from '../../renderer/src/features/history/useHistoryList.ts';
import { PAGE_SIZE } from '../../renderer/src/features/history/useHistoryList.ts';
import { dayEnd, dayStart } from '../../renderer/src/features/history/words.ts';
import type { HistoryQuery } from '../../shared/history.ts';
import { fakeMain, makeOrder, manyOrders } from './history-fake.ts';

const LIST_HEIGHT = 340;
const saved = {
  clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
  clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  scrollHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight'),
  scrollTo: Element.prototype.scrollTo,
};

beforeAll(() => {
  // jsdom does no layout: the list's box gets the size a browser would give it.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('history-list') ? LIST_HEIGHT : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('history-list') ? 800 : 0;
    },
  });
  // The list scrolls over its sizer, whose height the view sets.
  Object.defineProperty(Element.prototype, 'scrollHeight', {
    configurable: true,
    get(this: Element) {
      const sizer = this.classList.contains('history-list') ? this.firstElementChild : null;
      return sizer instanceof HTMLElement ? parseFloat(sizer.style.height) || 0 : 0;
    },
  });
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
});
afterAll(() => {
  if (saved.clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', saved.clientHeight);
  if (saved.clientWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', saved.clientWidth);
  if (saved.scrollHeight) Object.defineProperty(Element.prototype, 'scrollHeight', saved.scrollHeight);
  Element.prototype.scrollTo = saved.scrollTo;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const listbox = () => screen.getByRole('listbox', { name: 'Orders, newest first' });
const options = () => within(listbox()).queryAllByRole('option');
const lastSearch = (fake: ReturnType<typeof fakeMain>): HistoryQuery => fake.searches().at(-1)!;

async function renderWith(orders = manyOrders(30)) {
  const fake = fakeMain(orders);
  render(<HistoryView api={fake.api} />);
  await waitFor(() => expect(options().length).toBeGreaterThan(0));
  return fake;
}

describe('history list', () => {
  it('shows the newest orders first, each with time, name, state, match, masked account and profile', async () => {
    await renderWith();
    const first = options()[0]!;
    expect(first.textContent).toMatch(/^\d+ Nov, \d\d:\d\d IST Asha Kumari 0 Verified: name matches ••••0000 Direct match Production$/);
    expect(first.textContent).toContain('Asha Kumari 0');
    expect(first.textContent).toContain('••••0000');
    expect(first.querySelector('.col-state .verdict')?.className).toContain('tone-good');
    expect(options()[2]!.textContent).toContain('Expired');
    expect(options()[2]!.textContent).toContain('—');
  });

  it('keeps only a window of rows in the DOM and asks for the next page by cursor as the agent scrolls', async () => {
    const fake = await renderWith(manyOrders(1000));
    expect(fake.searches()).toHaveLength(1);
    expect(fake.searches()[0]).toEqual({ limit: PAGE_SIZE });
    const rendered = options().length;
    expect(rendered).toBeGreaterThanOrEqual(LIST_HEIGHT / ROW_HEIGHT);
    expect(rendered).toBeLessThan(40);
    expect(options()[0]!.getAttribute('aria-setsize')).toBe('-1');

    const list = listbox();
    act(() => {
      list.scrollTop = (PAGE_SIZE - 20) * ROW_HEIGHT;
      fireEvent.scroll(list);
    });
    await waitFor(() => expect(fake.searches()).toHaveLength(2));
    expect(lastSearch(fake)).toEqual({ limit: PAGE_SIZE, cursor: String(PAGE_SIZE) });
    await waitFor(() => expect(screen.getByText(`Showing the newest ${2 * PAGE_SIZE}; scroll for older orders.`)).toBeTruthy());
    expect(options().length).toBeLessThan(40);
    expect(options().some((o) => o.textContent?.includes(` ${PAGE_SIZE - 10}`))).toBe(true);
  });

  it('shows the newest results of a new search from the top', async () => {
    await renderWith(manyOrders(600));
    const list = listbox();
    act(() => {
      list.scrollTop = 100 * ROW_HEIGHT;
      fireEvent.scroll(list);
    });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search history' }), { target: { value: 'asha' } });
    await waitFor(() => expect(options()[0]?.textContent).toContain('Asha Kumari 0'));
    expect(list.scrollTop).toBe(0);
  });

  it('holds 100,000 loaded rows with only the rows in view in the DOM', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => toHistoryRow(makeOrder(i)));
    const nearEnd = vi.fn();
    render(<HistoryList rows={rows} hasMore={false} selectedId={null} onSelect={() => {}} onOpen={() => {}} onNearEnd={nearEnd} />);
    const list = listbox();
    expect(options().length).toBeLessThan(40);
    expect(options()[0]!.getAttribute('aria-setsize')).toBe('100000');
    act(() => {
      list.scrollTop = 73_210 * ROW_HEIGHT;
      fireEvent.scroll(list);
    });
    await waitFor(() => expect(options()[0]!.getAttribute('aria-posinset')).not.toBe('1'));
    expect(options().length).toBeLessThan(40);
    const shown = options().map((o) => Number(o.getAttribute('aria-posinset')));
    expect(shown).toContain(73_211);
    expect(Math.max(...shown) - Math.min(...shown)).toBeLessThan(40);
    expect(nearEnd).not.toHaveBeenCalled();
  });

  it('says so when there is no history yet', async () => {
    const fake = fakeMain([]);
    render(<HistoryView api={fake.api} />);
    await screen.findByText('No orders yet. Orders you create appear here, newest first.');
  });

  it('says what went wrong when the history cannot be read, and tries again', async () => {
    const fake = fakeMain(manyOrders(5));
    fake.failNext['history.search'] = { code: 'unavailable', message: 'History: the history data key cannot be read.', retryable: true };
    render(<HistoryView api={fake.api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The history could not be loaded. History: the history data key cannot be read.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(options()).toHaveLength(5));
  });
});

describe('search and filters', () => {
  it('searches as the agent types, and drops answers to words already typed past', async () => {
    const fake = await renderWith(manyOrders(60));
    // Hold every answer until released, to hand them back in the wrong order.
    const held: { q: HistoryQuery; release: () => void }[] = [];
    fake.gate = (q) => new Promise<void>((release) => held.push({ q, release }));
    const box = screen.getByRole('searchbox', { name: 'Search history' });
    fireEvent.change(box, { target: { value: 'bh' } });
    await waitFor(() => expect(held).toHaveLength(1));
    fireEvent.change(box, { target: { value: 'ch' } });
    await waitFor(() => expect(held).toHaveLength(2));
    expect(held.map((h) => h.q.text)).toEqual(['bh', 'ch']);

    held[1]!.release();
    await waitFor(() => expect(options()[0]!.textContent).toContain('Chitra Rao'));
    held[0]!.release();
    await new Promise((r) => setTimeout(r, 20));
    expect(options().every((o) => o.textContent?.includes('Chitra Rao'))).toBe(true);
  });

  it('waits for a pause in typing before asking', async () => {
    const fake = await renderWith();
    const box = screen.getByRole('searchbox', { name: 'Search history' });
    for (const value of ['k', 'ku', 'kum']) fireEvent.change(box, { target: { value } });
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS * 3));
    expect(fake.searches().map((q) => q.text)).toEqual([undefined, 'kum']);
  });

  it('turns status, match result, profile and dates into the query, and narrows the list', async () => {
    const fake = await renderWith(manyOrders(60));
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'success' } });
    await waitFor(() => expect(lastSearch(fake).states).toEqual(['success']));
    fireEvent.change(screen.getByRole('combobox', { name: 'Match result' }), { target: { value: 'DIRECT_MATCH' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Profile' }), { target: { value: 'production' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-25' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-25' } });
    await waitFor(() =>
      expect(lastSearch(fake)).toEqual({
        states: ['success'],
        matchResults: ['DIRECT_MATCH'],
        profiles: ['production'],
        from: dayStart('2026-11-25'),
        to: dayEnd('2026-11-25'),
        limit: PAGE_SIZE,
      }),
    );
    await waitFor(() => expect(options().length).toBeGreaterThan(0));
    for (const o of options()) expect(o.textContent).toMatch(/Verified: name matches .*Direct match Production/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Verdict' }), { target: { value: 'name_mismatch' } });
    await waitFor(() => expect(lastSearch(fake).verdicts).toEqual(['name_mismatch']));

    fireEvent.change(screen.getByRole('combobox', { name: 'Match result' }), { target: { value: 'none' } });
    await screen.findByText('No orders match these filters.');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(lastSearch(fake)).toEqual({ limit: PAGE_SIZE }));
  });

  it('names the search in the empty sentence', async () => {
    await renderWith();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search history' }), { target: { value: 'zzz' } });
    await screen.findByText('No orders match “zzz”.');
  });

  it('focuses the search box on Ctrl+F, Cmd+F and focusHistorySearch()', async () => {
    await renderWith();
    const box = screen.getByRole('searchbox', { name: 'Search history' });
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(box);
    listbox().focus();
    fireEvent.keyDown(window, { key: 'F', metaKey: true });
    expect(document.activeElement).toBe(box);
    listbox().focus();
    act(() => focusHistorySearch());
    expect(document.activeElement).toBe(box);
  });
});

describe('keyboard and detail', () => {
  it('moves the selection with the arrows and opens the detail with Enter', async () => {
    const fake = await renderWith();
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search history' }), { key: 'ArrowDown' });
    const list = listbox();
    expect(document.activeElement).toBe(list);
    await waitFor(() => expect(options()[0]!.getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    const selected = within(list).getByRole('option', { selected: true });
    expect(selected.textContent).toContain('Bharath Kumar 1');
    expect(list.getAttribute('aria-activedescendant')).toBe(selected.id);
    expect(fake.calls.some((c) => c.channel === 'order.get')).toBe(false);

    fireEvent.keyDown(list, { key: 'Enter' });
    const detail = await screen.findByRole('article', { name: 'Order for Bharath Kumar 1' });
    expect(within(detail).getByText('BHARATH KUMAR 1')).toBeTruthy();
    expect(within(detail).getByText('••••0001')).toBeTruthy();
    expect(within(detail).getByText('HDFC0001234')).toBeTruthy();
    expect(within(detail).getByText('cu***@okhdfcbank')).toBeTruthy();
    expect(within(detail).getByText('433000000001')).toBeTruthy();
    expect(within(detail).getByText('Good partial match (89/100)')).toBeTruthy();
    expect(within(detail).getByText('₹1 refunded to the customer')).toBeTruthy();
    // Final: nothing to re-check.
    expect(within(detail).queryByRole('button', { name: 'Re-check status' })).toBeNull();

    fireEvent.keyDown(list, { key: 'Home' });
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search history' }));
  });

  it('opens a clicked row where it is, without scrolling away', async () => {
    await renderWith(manyOrders(300));
    const list = listbox();
    act(() => {
      list.scrollTop = 100 * ROW_HEIGHT;
      fireEvent.scroll(list);
    });
    const row = await waitFor(() => within(list).getByRole('option', { name: /IST Esha Patel 100 / }));
    fireEvent.mouseDown(row);
    fireEvent.click(row);
    await screen.findByRole('article', { name: 'Order for Esha Patel 100' });
    expect(list.scrollTop).toBe(100 * ROW_HEIGHT);
    expect(document.activeElement).toBe(list);
    expect(within(list).getByRole('option', { selected: true }).textContent).toMatch(/IST Esha Patel 100 /);
  });

  it('scrolls to keep the selected row in view at End and PageUp', async () => {
    await renderWith(manyOrders(150));
    const list = listbox();
    act(() => list.focus());
    fireEvent.keyDown(list, { key: 'End' });
    await waitFor(() => expect(within(list).getByRole('option', { selected: true }).textContent).toContain(' 149'));
    expect(list.scrollTop).toBeGreaterThan(100 * ROW_HEIGHT);
    fireEvent.keyDown(list, { key: 'PageUp' });
    const page = Math.floor(LIST_HEIGHT / ROW_HEIGHT) - 1;
    await waitFor(() => expect(within(list).getByRole('option', { selected: true }).textContent).toContain(` ${149 - page}`));
  });

  it('re-checks an order that is not final, with progress and the outcome as sentences', async () => {
    const waiting = makeOrder(0, { state: 'created', name: 'Waiting Person', result: null });
    const fake = await renderWith([waiting, ...manyOrders(10).slice(1)]);
    fireEvent.click(options()[0]!);
    const detail = await screen.findByRole('article', { name: 'Order for Waiting Person' });
    expect(within(detail).getByText('Waiting for the customer to pay ₹1 from the account to verify.')).toBeTruthy();

    let release!: () => void;
    const recheckHeld = new Promise<void>((r) => (release = r));
    const original = fake.api['order.recheck'];
    fake.api['order.recheck'] = async (input) => {
      await recheckHeld;
      return original(input);
    };
    fake.recheckAnswer = (o) => makeOrder(0, { ...o, state: 'success', result: makeOrder(1).result });
    fireEvent.click(within(detail).getByRole('button', { name: 'Re-check status' }));
    await within(detail).findByText('Asking Cashfree for the latest status…');
    expect(within(detail).getByRole('button', { name: 'Checking…' }).hasAttribute('disabled')).toBe(true);
    release();
    await within(detail).findByText('Checked just now: Verified: name matches.');
    expect(within(detail).getByLabelText('Status of this order').textContent).toBe('Verified: name matches');
    expect(within(detail).queryByRole('button', { name: 'Re-check status' })).toBeNull();
    // The same news arriving as an event keeps the sentence.
    act(() => fake.emit(fake.recheckAnswer!(waiting)));
    expect(within(detail).getByText('Checked just now: Verified: name matches.')).toBeTruthy();
  });

  it('drops a re-check sentence once a live update changes the state', async () => {
    const waiting = makeOrder(0, { state: 'created', name: 'Waiting Person', result: null });
    const fake = await renderWith([waiting, ...manyOrders(10).slice(1)]);
    fireEvent.click(options()[0]!);
    const detail = await screen.findByRole('article', { name: 'Order for Waiting Person' });
    fireEvent.click(within(detail).getByRole('button', { name: 'Re-check status' }));
    await within(detail).findByText('Checked just now: Waiting for payment.');
    act(() => fake.emit({ ...waiting, updatedAt: waiting.updatedAt + 1 }));
    expect(within(detail).getByText('Checked just now: Waiting for payment.')).toBeTruthy();
    act(() => fake.emit({ ...waiting, state: 'success', result: makeOrder(0).result }));
    await waitFor(() => expect(within(detail).getByLabelText('Status of this order').textContent).toBe('Verified: name matches'));
    expect(within(detail).queryByText(/Checked just now/)).toBeNull();
  });

  it('says why a re-check failed', async () => {
    const fake = await renderWith([makeOrder(0, { state: 'creating', name: 'Still Creating', result: null })]);
    fireEvent.click(options()[0]!);
    const detail = await screen.findByRole('article', { name: 'Order for Still Creating' });
    fake.failNext['order.recheck'] = { code: 'network_down', message: 'Cashfree cannot be reached: check the internet connection.', retryable: true };
    fireEvent.click(within(detail).getByRole('button', { name: 'Re-check status' }));
    const alert = await within(detail).findByRole('alert');
    expect(alert.textContent).toBe('The status could not be checked. Cashfree cannot be reached: check the internet connection.');
  });

  it('copies the result for a ticket as sensitive text, with the account masked unless asked', async () => {
    const fake = await renderWith();
    fireEvent.click(options()[1]!);
    const detail = await screen.findByRole('article', { name: 'Order for Bharath Kumar 1' });
    fireEvent.click(within(detail).getByRole('button', { name: 'Copy result' }));
    await within(detail).findByText('Result copied, with the account and UPI id masked.');
    const masked = fake.calls.filter((c) => c.channel === 'clipboard.write').at(-1)!.input as { text: string; sensitive: boolean };
    expect(masked.sensitive).toBe(true);
    expect(masked.text).toContain('Name at bank: BHARATH KUMAR 1');
    expect(masked.text).toContain('Account: ••••0001');
    expect(masked.text).toContain('Name match: Good partial match (89/100)');
    expect(masked.text).toContain('UTR: 433000000001');
    expect(masked.text).not.toContain('502100000100001');
    expect(masked.text).toContain('UPI id: cu***@okhdfcbank');
    // The same builder as the desk's Copy result: one text wherever it is copied from.
    expect(masked.text.split('\n')[0]).toBe('RPD vrf_1: Verified: name matches');

    fireEvent.click(within(detail).getByRole('checkbox', { name: 'Full account and UPI id' }));
    fireEvent.click(within(detail).getByRole('button', { name: 'Copy result' }));
    await within(detail).findByText('Result copied, with the full account and UPI id.');
    const full = fake.calls.filter((c) => c.channel === 'clipboard.write').at(-1)!.input as { text: string };
    expect(full.text).toContain('Account: 502100000100001');
  });

  it('says so when an order cannot be opened', async () => {
    const fake = await renderWith();
    fake.orders.splice(0, 1);
    fireEvent.click(options()[0]!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This order could not be opened. There is no such order on this computer.');
  });
});

describe('live updates', () => {
  it('updates a loaded row in place and the open detail with it', async () => {
    const waiting = makeOrder(0, { state: 'created', name: 'Live Person', result: null });
    const fake = await renderWith([waiting, ...manyOrders(10).slice(1)]);
    fireEvent.click(options()[0]!);
    await screen.findByRole('article', { name: 'Order for Live Person' });
    const searchesBefore = fake.searches().length;
    act(() => fake.emit({ ...waiting, state: 'success', result: makeOrder(0).result }));
    await waitFor(() => expect(options()[0]!.textContent).toMatch(/IST Live Person Verified: name matches ••••0000 Direct match/));
    expect(screen.getByLabelText('Status of this order').textContent).toBe('Verified: name matches');
    expect(fake.searches()).toHaveLength(searchesBefore);
  });

  it('puts a new order at the top when it matches the filter, and leaves others out', async () => {
    const fake = await renderWith(manyOrders(40));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search history' }), { target: { value: 'asha' } });
    await waitFor(() => expect(options().every((o) => o.textContent?.includes('Asha'))).toBe(true));
    const count = options().length;

    act(() => fake.emit(makeOrder(-1, { verificationId: 'vrf_new', name: 'Asha Newcomer', state: 'creating', result: null, createdAt: Date.now() })));
    await waitFor(() => expect(options()[0]!.textContent).toContain('Asha Newcomer'));
    expect(options()[0]!.textContent).toContain('Creating');
    expect(options()[1]!.textContent).toContain('Asha Kumari 0');

    act(() => fake.emit(makeOrder(-2, { verificationId: 'vrf_other', name: 'Zed Other', state: 'creating', result: null, createdAt: Date.now() })));
    await new Promise((r) => setTimeout(r, 200));
    expect(options()[0]!.textContent).toContain('Asha Newcomer');
    expect(options().some((o) => o.textContent?.includes('Zed Other'))).toBe(false);
    expect(options().length).toBeLessThanOrEqual(count + 1);
  });

  it('counts a new order in the header even when the filter hides it from the list', async () => {
    const fake = await renderWith(manyOrders(30));
    await screen.findByText(/^30 orders on this computer/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Profile' }), { target: { value: 'sandbox' } });
    await waitFor(() => expect(options().every((o) => o.textContent?.endsWith(' Sandbox'))).toBe(true));
    act(() => fake.emit(makeOrder(-1, { verificationId: 'vrf_demo', name: 'Demo Newcomer', profile: 'demo', createdAt: Date.now() })));
    await screen.findByText(/^31 orders on this computer/);
    expect(options().some((o) => o.textContent?.includes('Demo Newcomer'))).toBe(false);
  });

  it('drops from the list and the count what retention deleted', async () => {
    const fake = await renderWith(manyOrders(30));
    await screen.findByText(/^30 orders on this computer/);
    expect(options().some((o) => o.textContent?.includes('Asha Kumari 0'))).toBe(true);
    // The 10 newest stay (createdAt NOW - i minutes); the 20 older are deleted.
    act(() => fake.prune(fake.orders[9]!.createdAt));
    await screen.findByText(/^10 orders on this computer/);
    await waitFor(() => expect(options()).toHaveLength(10));
    expect(options().some((o) => o.textContent?.includes('Deepak Singh 15'))).toBe(false);
  });

  it('keeps the rows the agent is looking at in place when new orders arrive above', async () => {
    const fake = await renderWith(manyOrders(300));
    const list = listbox();
    act(() => {
      list.scrollTop = 50 * ROW_HEIGHT;
      fireEvent.scroll(list);
    });
    act(() => fake.emit(makeOrder(-1, { verificationId: 'vrf_new', name: 'New On Top', createdAt: Date.now() })));
    await waitFor(() => expect(list.scrollTop).toBe(51 * ROW_HEIGHT));
  });
});

describe('export, delete and protection', () => {
  it('downloads the CSV of the current filter, masked unless the agent asks for full details', async () => {
    const fake = await renderWith();
    const csv = '\ufeffverification_id,name,masked_account\nvrf_0,Asha Kumari 0,••••0000\n';
    fake.exportAnswer = { rows: 1, savedTo: null, csv };
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:history-test'));
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'success' } });
    await waitFor(() => expect(lastSearch(fake).states).toEqual(['success']));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const dialog = screen.getByRole('dialog', { name: 'Export CSV' });
    const full = within(dialog).getByRole('checkbox', { name: 'Include full bank details' }) as HTMLInputElement;
    expect(full.checked).toBe(false);
    expect(within(dialog).queryByText(/full account numbers/)).toBeNull();
    fireEvent.click(full);
    expect(within(dialog).getByText(/The file will hold full account numbers/)).toBeTruthy();
    fireEvent.click(full);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));

    await screen.findByText(/^Exported 1 order to rpd-history-\d{4}-\d{2}-\d{2}\.csv\.$/);
    expect(fake.calls.find((c) => c.channel === 'history.export')?.input).toEqual({ query: { states: ['success'] }, full: false });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toMatch(/^rpd-history-.*\.csv$/);
    expect(clicked[0]!.getAttribute('href')).toBe('blob:history-test');
    // Byte for byte, the byte order mark included (spreadsheets need it to read UTF-8).
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobs[0]!.arrayBuffer())).toBe(csv);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says where the app saved the file, and asks for full details only when ticked', async () => {
    const fake = await renderWith();
    fake.exportAnswer = { rows: 30, savedTo: '/home/agent/rpd-history.csv', csv: null };
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const dialog = screen.getByRole('dialog', { name: 'Export CSV' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Include full bank details' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    await screen.findByText('Saved to /home/agent/rpd-history.csv (30 orders).');
    expect(fake.calls.find((c) => c.channel === 'history.export')?.input).toEqual({ query: {}, full: true });
  });

  it('deletes all history only after confirmation', async () => {
    const fake = await renderWith();
    await screen.findByText(/^30 orders on this computer, kept for 180 days\./);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all history' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete all history?' });
    expect(within(dialog).getByText(/All 30 orders on this computer will be deleted/)).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls.some((c) => c.channel === 'history.deleteAll')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Delete all history' }));
    dialog = screen.getByRole('dialog', { name: 'Delete all history?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete all' }));
    await screen.findByText('Deleted 30 orders from this computer.');
    expect(fake.calls.find((c) => c.channel === 'history.deleteAll')?.input).toEqual({ confirm: true });
    await screen.findByText('No orders yet. Orders you create appear here, newest first.');
    await screen.findByText(/^0 orders on this computer/);
  });

  it('says plainly when history is protected by a key file only', async () => {
    const fake = fakeMain(manyOrders(3));
    fake.protection = 'keyfile';
    render(<HistoryView api={fake.api} />);
    await screen.findByText('History is protected by a key file only, which is weaker than the OS keychain.');
  });
});
