// Whole agent journeys in Chromium against the Demo simulator, through `npm run web`.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Order } from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';
import { callBridge, decodeQr, launchBrowser, newPage, readClipboard, screenshot, skipReason, startWebApp } from './harness.ts';
import type { WebApp } from './harness.ts';
import { endWaitingOrders } from './desk-helpers.ts';

/** Any paid verdict: the simulator's name at bank decides whether it also matches. */
const PAID = /Verified: name matches|Paid/;

const APPS = [
  ['UPI', 'upi'],
  ['GPay', 'gpay'],
  ['PhonePe', 'phonepe'],
  ['Paytm', 'paytm'],
  ['BHIM', 'bhim'],
] as const;

describe.skipIf(skipReason !== null)(`Agent journeys in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  // Orders left waiting would be followed on and queue ahead of the next test's order.
  afterEach(() => endWaitingOrders(app), 90_000);

  async function openOrders(): Promise<Order[]> {
    const open = await callBridge<Result<Order[]>>(app, 'order.open');
    if (!open.ok) throw new Error(open.error.message);
    return open.data;
  }

  async function generate(page: Page, name: string): Promise<Order> {
    await page.getByLabel('Customer name').fill(name);
    await page.getByLabel('Customer name').press('Enter');
    await page.getByRole('heading', { name, level: 2 }).waitFor();
    await page.getByRole('img', { name: `UPI QR code for ${name}` }).first().waitFor();
    const order = (await openOrders()).find((o) => o.name === name);
    if (!order) throw new Error(`no order for ${name}`);
    return order;
  }

  const status = (page: Page) => page.getByRole('status', { name: 'Order status' });

  it('generates, shows a QR that decodes to the link, copies every link and the message', async () => {
    const { page } = await newPage(browser, app);
    const order = await generate(page, 'Priya Nair');
    expect(await status(page).textContent()).toBe('Waiting for payment');
    const qr = page.getByRole('img', { name: 'UPI QR code for Priya Nair' });
    expect(decodeQr(await qr.screenshot())).toBe(order.links?.upi);
    // Whole pixels per module, four white modules around it.
    const box = await qr.boundingBox();
    const modules = Number(await qr.getAttribute('data-modules'));
    expect(box && box.width % (modules + 8)).toBe(0);
    await expect.poll(() => page.getByRole('timer', { name: 'Time left' }).first().textContent()).toMatch(/^(10:00|9:[0-5]\d)$/);
    await expect.poll(() => page.getByText('₹1').first().isVisible()).toBe(true);

    for (const [label, key] of APPS) {
      await page.getByRole('button', { name: `Copy ${label} link` }).click();
      await expect.poll(() => readClipboard(page)).toBe(order.links?.[key]);
    }
    await page.getByRole('button', { name: 'Copy message' }).click();
    const message = await readClipboard(page);
    // The default message carries Cashfree's tappable page when there is one, the UPI link otherwise.
    expect(message).toContain(order.pageUrl ?? order.links!.upi);
    expect(message).toContain('Priya Nair');
    expect(message).not.toContain('TEST LINK');
    await page.getByRole('status', { name: 'Announcements' }).getByText('Message copied').waitFor();
    await page.getByRole('button', { name: 'Copy message ✓ Copied' }).waitFor();
    await screenshot(page, 'waiting-with-links');

    await page.getByRole('button', { name: 'Simulate payment' }).click();
    await status(page).filter({ hasText: PAID }).waitFor({ timeout: 15_000 });
    const account = page.getByRole('region', { name: 'Result' }).locator('dt:has-text("Account") + dd');
    // Last four digits only, whichever mask character the order service uses.
    await expect.poll(() => account.textContent()).toMatch(/^(X+|•+)\d{4}$/);
    expect(await page.getByRole('img', { name: /QR code/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Copy result' }).click();
    const ticket = await readClipboard(page);
    // The ticket starts with the verdict (the simulator's name at bank decides which paid one).
    expect(ticket).toMatch(new RegExp(`^RPD ${order.verificationId}: (Verified: name matches|Paid: )`));
    expect(ticket).toMatch(/Account: (X+|•+)\d{4}\n/);
    await screenshot(page, 'verified');
  });

  it('tracks several orders live in the session list, newest on top', async () => {
    const { page } = await newPage(browser, app);
    const first = await generate(page, 'Sunita Devi');
    const second = await generate(page, 'Mohammed Irfan');
    const list = page.getByRole('list', { name: 'Open orders' }).getByRole('button');
    await expect.poll(async () => (await list.allTextContents()).slice(0, 2).map((t) => t.split(/Waiting|Verified|Paid/)[0])).toEqual(['Mohammed Irfan', 'Sunita Devi']);
    // The first customer pays while the agent looks at the second one.
    await callBridge(app, 'demo.pay', { verificationId: first.verificationId });
    await list.filter({ hasText: 'Sunita Devi' }).filter({ hasText: PAID }).waitFor({ timeout: 15_000 });
    expect(await status(page).textContent()).toBe('Waiting for payment');
    expect(decodeQr(await page.getByRole('img', { name: 'UPI QR code for Mohammed Irfan' }).screenshot())).toBe(second.links?.upi);
    await screenshot(page, 'two-orders-one-verified');
    await list.filter({ hasText: 'Sunita Devi' }).click();
    await status(page).filter({ hasText: PAID }).waitFor();
    await page.getByRole('heading', { name: 'Sunita Devi' }).waitFor();
  });

  it('covers an expired QR and makes a new link for the same customer, linked to the old one', async () => {
    const { page } = await newPage(browser, app);
    const old = await generate(page, 'Vikram Singh Rathore');
    await callBridge(app, 'demo.expire', { verificationId: old.verificationId });
    await status(page).filter({ hasText: 'Expired' }).waitFor({ timeout: 15_000 });
    await page.getByText('Expired', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Copy UPI link' }).isDisabled()).toBe(true);
    await screenshot(page, 'expired');
    await page.getByRole('button', { name: 'New link for Vikram Singh Rathore' }).click();
    await status(page).filter({ hasText: 'Waiting for payment' }).waitFor();
    const renewed = (await openOrders()).find((o) => o.replaces === old.verificationId);
    expect(renewed?.name).toBe('Vikram Singh Rathore');
    expect(decodeQr(await page.getByRole('img', { name: 'UPI QR code for Vikram Singh Rathore' }).screenshot())).toBe(renewed?.links?.upi);
    await screenshot(page, 'new-link');
  });

  it('shows a failed payment and offers a new link', async () => {
    const { page } = await newPage(browser, app);
    await generate(page, 'Mohan Lal');
    await page.getByRole('button', { name: 'Simulate failure' }).click();
    await status(page).filter({ hasText: 'Failed' }).waitFor({ timeout: 15_000 });
    await page.getByRole('region', { name: 'QR code' }).getByText('Payment failed').waitFor();
    await page.getByText('This link can no longer be paid: the payment failed. Make a new link.').waitFor();
    await page.getByRole('button', { name: 'New link for Mohan Lal' }).waitFor();
    expect(await page.getByRole('button', { name: 'Simulate payment' }).count()).toBe(0);
  });

  it("shows the client's error sentence with the next step, keeps the name, and retries", async () => {
    const { page } = await newPage(browser, app);
    await callBridge(app, 'demo.fault', { faults: { create: { status_5xx: { status: 502 } } } });
    try {
      const direct = await callBridge<Result<Order>>(app, 'order.create', { name: 'Lakshmi Narayanan' });
      if (direct.ok) throw new Error('the fault did not apply');
      await page.getByLabel('Customer name').fill('Gurpreet Kaur');
      await page.getByRole('button', { name: 'Generate' }).click();
      const alert = page.getByRole('alert').filter({ hasText: direct.error.message });
      await alert.waitFor();
      expect(await page.getByLabel('Customer name').inputValue()).toBe('Gurpreet Kaur');
      await screenshot(page, 'error');
      expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(direct.error.retryable ? 1 : 0);
    } finally {
      await callBridge(app, 'demo.fault', { faults: null });
    }
    await page.getByRole('button', { name: /Retry|Generate/ }).first().click();
    await page.getByRole('heading', { name: 'Gurpreet Kaur' }).waitFor();
    await status(page).filter({ hasText: 'Waiting for payment' }).waitFor();
  });

  it('presents the QR to the customer full screen; Escape closes', async () => {
    const { page } = await newPage(browser, app);
    const order = await generate(page, 'Abdul Rahman');
    await page.getByRole('button', { name: 'Show to customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Show to customer: Abdul Rahman' });
    await dialog.waitFor();
    const qr = dialog.getByRole('img', { name: 'UPI QR code for Abdul Rahman' });
    expect((await qr.boundingBox())!.width).toBeGreaterThan(500);
    expect(decodeQr(await qr.screenshot())).toBe(order.links?.upi);
    expect(await dialog.getByRole('timer').textContent()).toMatch(/^\d+:\d\d$/);
    expect(await dialog.getByRole('button', { name: /Copy/ }).count()).toBe(0);
    await screenshot(page, 'presenter');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('saves and copies the QR as a PNG that scans', async () => {
    const { page } = await newPage(browser, app);
    const order = await generate(page, 'Neha Agarwal');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save QR image' }).click()]);
    expect(download.suggestedFilename()).toBe(`upi-qr-Neha-Agarwal-${order.verificationId}.png`);
    expect(decodeQr(readFileSync((await download.path())!))).toBe(order.links?.upi);
    await page.getByRole('button', { name: 'Copy QR image' }).click();
    await page.getByText('QR image copied').waitFor();
    const base64 = (await page.evaluate(`(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item.getType('image/png');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    })()`)) as string;
    expect(decodeQr(Buffer.from(base64, 'base64'))).toBe(order.links?.upi);
  });

  it('works from the keyboard alone: Enter, Tab, shortcuts and the help overlay', async () => {
    const { page } = await newPage(browser, app);
    const name = page.getByLabel('Customer name');
    const focusedId = () => page.evaluate('document.activeElement?.id') as Promise<string>;
    // The name field has the focus on open.
    await name.waitFor();
    await expect.poll(focusedId).toBe(await name.getAttribute('id'));
    await page.keyboard.type('Suresh Babu K');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Suresh Babu K' }).waitFor();
    // The heading shows from the moment the order is written ("creating"); its links come with Cashfree's answer.
    await page.getByRole('button', { name: 'Copy UPI link' }).waitFor();
    const order = (await openOrders()).find((o) => o.name === 'Suresh Babu K')!;

    await page.keyboard.press('Control+Shift+C');
    await expect.poll(() => readClipboard(page)).toContain(order.pageUrl ?? order.links!.upi);

    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Copy the message');
    await screenshot(page, 'help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // Tab to "Copy PhonePe link" and press it with Enter.
    // (past the form and every order in the session list)
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate('document.activeElement?.textContent')) === 'Copy PhonePe link';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => readClipboard(page)).toBe(order.links!.phonepe);

    // Outside text fields "?" opens the help too.
    await page.keyboard.press('?');
    await help.waitFor();
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+n');
    await expect.poll(focusedId).toBe(await name.getAttribute('id'));
    // A blank name is refused without a call.
    const before = (await openOrders()).length;
    await page.keyboard.press('Enter');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect((await openOrders()).length).toBe(before);
    await page.keyboard.type('Anjali Mehta');
    await page.keyboard.press('Tab');
    await page.keyboard.type('LN-1001');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Anjali Mehta' }).waitFor();
    expect((await openOrders()).find((o) => o.name === 'Anjali Mehta')?.note).toBe('LN-1001');
  });

  it('keeps the QR dark on white in a dark theme', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'dark' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    const page = await context.newPage();
    await page.goto(app.url);
    const order = await generate(page, 'Lakshmi Narayanan');
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).not.toBe('rgb(255, 255, 255)');
    expect(decodeQr(await page.getByRole('img', { name: 'UPI QR code for Lakshmi Narayanan' }).screenshot())).toBe(order.links?.upi);
    await screenshot(page, 'dark-waiting');
    await context.close();
  });
});
