// The walking skeleton end to end: a Demo order in real Chromium through `npm run web`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Order } from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';
import { callBridge, decodeQr, readClipboard, launchBrowser, newPage, screenshot, skipReason, startWebApp } from './harness.ts';
import type { WebApp } from './harness.ts';

/** Any paid verdict: the simulator's name at bank decides whether it also matches. */
const PAID = /Verified: name matches|Paid/;

describe.skipIf(skipReason !== null)(`Demo order in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
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

  it('shows a QR that decodes to the upi link the API returned, copies links, and shows the result', async () => {
    const { page } = await newPage(browser, app);
    await page.getByLabel('Customer name').fill('Asha Kumari');
    await page.getByRole('button', { name: 'Generate' }).click();
    const qr = page.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    await screenshot(page, 'order-created');

    const open = await callBridge<Result<Order[]>>(app, 'order.open');
    if (!open.ok) throw new Error(open.error.message);
    const order = open.data[0]!;
    expect(order.name).toBe('Asha Kumari');
    expect(order.links?.upi).toMatch(/^upi:\/\/pay\?/);

    const decoded = decodeQr(await qr.screenshot());
    expect(decoded).toBe(order.links?.upi);

    await page.getByRole('button', { name: 'Copy UPI link' }).click();
    await expect.poll(() => readClipboard(page)).toBe(order.links?.upi);
    await page.getByRole('button', { name: 'Copy PhonePe link' }).click();
    await expect.poll(() => readClipboard(page)).toBe(order.links?.phonepe);

    await page.getByRole('button', { name: 'Simulate payment' }).click();
    await page.getByRole('status', { name: 'Order status' }).filter({ hasText: PAID }).waitFor({ timeout: 15_000 });
    const result = page.getByRole('definition').filter({ hasText: /\d{4}$/ }).first();
    await expect.poll(() => result.textContent()).toMatch(/^•+\d{4}$/);
    await screenshot(page, 'order-verified');
  });

  it('refuses a blank name with a visible reason and sends nothing', async () => {
    const { page } = await newPage(browser, app);
    const before = await callBridge<Result<Order[]>>(app, 'order.open');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => page.getByLabel('Customer name').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/name/i);
    const after = await callBridge<Result<Order[]>>(app, 'order.open');
    expect(after).toEqual(before);
  });
});
