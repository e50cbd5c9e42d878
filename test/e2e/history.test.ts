// The history view in Chromium over a data folder holding 100,000 orders: a window of rows in
// the DOM, search, filters, paging by scroll, keyboard, live updates from a new Demo order,
// CSV export as a download, and Delete all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { istIso } from '../../shared/ist.ts';
import { launchBrowser, readClipboard, screenshot, skipReason, startWebApp } from './harness.ts';
import type { WebApp } from './harness.ts';
import { seedHistory } from './history-seed.ts';

const SEEDED = 100_000;
const WAIT = { timeout: 20_000 };
// Days are India days, as the date filter reads them.
const day = (ms: number): string => istIso(ms).slice(0, 10);
/** The cells of a row as the agent sees them: time, name, verdict, account, match, profile. */
const cells = (label: string): string[] => label.split(' | ');

describe.skipIf(skipReason !== null)(`History of ${SEEDED.toLocaleString('en')} orders in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let dir: string;
  let app: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let list: Locator;
  let options: Locator;
  let search: Locator;
  const cspViolations: string[] = [];
  let newest = '';

  // One read in the page: rows come and go as the list scrolls, so they are not read one by one.
  const labels = (): Promise<string[]> =>
    options.evaluateAll((rows: { children: ArrayLike<{ textContent: string | null }> }[]) =>
      rows.map((r) => Array.from(r.children, (c) => c.textContent ?? '').join(' | ')),
    );
  /** Waits until the rows shown are non-empty and all pass `test`. */
  const rowsSettle = (test: (label: string) => boolean) =>
    expect.poll(async () => {
      const shown = await labels();
      return shown.length > 0 && shown.every(test);
    }, WAIT).toBe(true);
  const foot = () => page.locator('.history-foot');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rpd-e2e-history-'));
    await seedHistory(dir, SEEDED);
    app = await startWebApp({ RPD_DATA_DIR: dir });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto(app.url);
    list = page.getByRole('listbox', { name: 'Orders, newest first' });
    options = list.getByRole('option');
    search = page.getByRole('searchbox', { name: 'Search history' });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the newest orders with only a window of rows in the DOM', async () => {
    await options.first().waitFor(WAIT);
    await page.getByText(`${SEEDED.toLocaleString('en-IN')} orders on this computer`).waitFor(WAIT);
    await page.getByText('History is protected by a key file only, which is weaker than the OS keychain.').waitFor();
    await expect.poll(() => foot().textContent(), WAIT).toBe('Showing the newest 200; scroll for older orders.');
    const rendered = await options.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    // The seed's newest order is an hour old; every row has time, name, state, match, account, profile.
    const first = (await labels())[0]!;
    newest = first;
    expect(first).toMatch(/^\d{1,2} \w{3}, \d{2}:\d{2} IST \| [\p{L} ]+ \| (Verified: name matches|Paid: [\w ]+|Paid from a wallet: ask for a bank account|Payment failed|Expired) \| (••••\d{4}|—) \| ([A-Za-z ]+ match|—) \| (Production|Sandbox)$/u);
    await screenshot(page, 'history-100k');
  });

  it('finds Kumar rows for "ku" as the agent types', async () => {
    await search.click();
    await page.keyboard.type('ku', { delay: 30 });
    await rowsSettle((l) => /\bku/i.test(cells(l)[1]!));
    expect(await options.count()).toBeLessThan(100);
    await screenshot(page, 'history-search-ku');
  });

  it('narrows by status, profile, match result and dates', async () => {
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'Failed' });
    await page.getByRole('combobox', { name: 'Profile', exact: true }).selectOption({ label: 'Sandbox' });
    await rowsSettle((l) => /\bku/i.test(l) && cells(l)[2] === 'Payment failed' && cells(l)[5] === 'Sandbox');
    await page.getByRole('combobox', { name: 'Match result', exact: true }).selectOption({ label: 'No match' });
    await rowsSettle((l) => cells(l)[2] === 'Payment failed' && cells(l)[4] === 'No match' && cells(l)[5] === 'Sandbox');
    await page.getByRole('button', { name: 'Clear' }).click();
    // The verdict filter: paid, but the name does not match.
    await page.getByRole('combobox', { name: 'Verdict', exact: true }).selectOption({ label: 'Paid: name does NOT match' });
    await rowsSettle((l) => cells(l)[2] === 'Paid: name does NOT match' && cells(l)[4] === 'No match');

    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => search.inputValue()).toBe('');
    const yesterday = Date.now() - 86_400_000;
    const shown = new Intl.DateTimeFormat('en-IN', { timeZone: 'Asia/Kolkata', day: 'numeric', month: 'short' }).format(new Date(yesterday));
    await page.getByLabel('From', { exact: true }).fill(day(yesterday));
    await page.getByLabel('To', { exact: true }).fill(day(yesterday));
    await rowsSettle((l) => l.startsWith(`${shown}, `));
    await page.getByRole('button', { name: 'Clear' }).click();
    // The unfiltered list is back once its newest order leads again.
    await expect.poll(async () => (await labels())[0], WAIT).toBe(newest);
    await expect.poll(() => foot().textContent(), WAIT).toBe('Showing the newest 200; scroll for older orders.');
  });

  it('loads older pages as the list scrolls, keeping the DOM small', async () => {
    await list.hover();
    for (const loaded of [400, 600, 800]) {
      await page.mouse.wheel(0, 200 * 34);
      await expect.poll(() => foot().textContent(), WAIT).toBe(`Showing the newest ${loaded}; scroll for older orders.`);
    }
    expect(await options.count()).toBeLessThan(100);
    const bottom = await labels();
    await list.focus();
    await page.keyboard.press('Home');
    await expect.poll(async () => (await labels())[0], WAIT).not.toBe(bottom[0]);
  });

  it('moves with the keyboard and opens the detail with Enter', async () => {
    await search.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe('Orders, newest first');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const selected = list.getByRole('option', { selected: true });
    const label = await selected.evaluate((r: { children: ArrayLike<{ textContent: string | null }> }) => Array.from(r.children, (c) => c.textContent ?? '').join(' | '));
    expect((await labels()).indexOf(label)).toBe(2);
    await page.keyboard.press('Enter');
    const name = cells(label)[1]!;
    const detail = page.getByRole('article', { name: `Order for ${name}` });
    await detail.waitFor(WAIT);
    await detail.getByRole('button', { name: 'Copy result' }).click();
    await detail.getByText(/^Result copied/).waitFor(WAIT);
    const copied = await readClipboard(page);
    expect(copied).toContain(`Customer name entered: ${name}`);
    if (/••••\d{4}/.test(label)) {
      const masked = cells(label)[3]!;
      await detail.getByText(masked, { exact: true }).waitFor();
      expect(copied).toContain(`Account: ${masked}`);
      expect(copied).not.toMatch(/Account: \d/);
    }
    await screenshot(page, 'history-detail');
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe('Search history');
  });

  it('shows a new order at the top live, and its payment turns the row to its verdict', async () => {
    await search.fill('ku');
    await rowsSettle((l) => /\bku/i.test(l));
    await page.getByLabel('Customer name').fill('Kumar Live Test');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(async () => (await labels())[0], WAIT).toMatch(/ \| Kumar Live Test \| (Creating…|Waiting for payment) \| .*Demo$/);
    await expect.poll(async () => (await labels())[0], WAIT).toMatch(/ \| Kumar Live Test \| Waiting for payment \| /);
    await options.first().click();
    const detail = page.getByRole('article', { name: 'Order for Kumar Live Test' });
    await detail.getByRole('button', { name: 'Re-check status' }).click();
    await detail.getByText('Checked just now: Waiting for payment.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Simulate payment' }).click();
    await expect.poll(async () => (await labels())[0], WAIT).toMatch(/ \| Kumar Live Test \| (Verified: name matches|Paid: [\w ]+) \| ••••\d{4} \| .* \| Demo$/);
    // The open detail follows too, and a final order has nothing to re-check.
    await detail.getByLabel('Status of this order').filter({ hasText: /^(Verified|Paid)/ }).waitFor(WAIT);
    expect(await detail.getByRole('button', { name: 'Re-check status' }).count()).toBe(0);
    expect(await detail.getByText(/^Checked just now/).count()).toBe(0);
    await screenshot(page, 'history-live-verified');
  });

  it('exports the current filter as a CSV download with masked accounts', async () => {
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'Paid' });
    await rowsSettle((l) => /^(Verified|Paid)/.test(cells(l)[2]!));
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export CSV' });
    expect(await dialog.getByRole('checkbox', { name: 'Include full bank details' }).isChecked()).toBe(false);
    await screenshot(page, 'history-export-dialog');
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), dialog.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^rpd-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split(/\r?\n/);
    const header = lines[0]!.split(',');
    expect(header).toEqual([
      'verification_id', 'ref_id', 'created_at', 'updated_at', 'profile', 'state', 'verdict', 'name', 'note',
      'name_match_result', 'masked_account', 'valid_upto', 'answer_lost', 'replaces',
    ]);
    const notice = await page.getByText(/^Exported [\d,]+ orders to rpd-history-/).textContent();
    const exported = Number(/Exported ([\d,]+)/.exec(notice!)![1]!.replaceAll(',', ''));
    expect(lines.length - 1).toBe(exported);
    expect(exported).toBeGreaterThan(1000);
    const stateAt = header.indexOf('state');
    const accountAt = header.indexOf('masked_account');
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      expect(cells[stateAt]).toBe('success');
      expect(cells[accountAt]).toMatch(/^••••\d{4}$/);
    }
    expect(lines.some((l) => l.includes(',Kumar Live Test,'))).toBe(true);
    // No full account number or UTR (12 digits in the seed) leaves without the agent asking.
    expect(csv).not.toMatch(/\d{12}/);
  });

  it('looks calm in dark mode too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'history-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('deletes all history after confirmation and says so', async () => {
    await page.getByRole('button', { name: 'Delete all history' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete all history?' });
    await dialog.getByText(`All ${(SEEDED + 1).toLocaleString('en-IN')} orders on this computer will be deleted`, { exact: false }).waitFor();
    await screenshot(page, 'history-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete all' }).click();
    await page.getByText(`Deleted ${(SEEDED + 1).toLocaleString('en-IN')} orders from this computer.`).waitFor(WAIT);
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByText('No orders yet. Orders you create appear here, newest first.').waitFor(WAIT);
    expect(cspViolations).toEqual([]);
  });
});
