// The preview's token in real Chromium: read from the address once and removed from it, kept for
// a reload, never in any request URL; the event stream authenticates with a header and still
// brings the page news it did not ask for (a payment made outside the page).
import { describe, expect, it } from 'vitest';
import type { Order } from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';
import { callBridge, newPage, skipReason, useWebAppAndBrowser } from './harness.ts';

describe.skipIf(skipReason !== null)(`preview token${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const web = useWebAppAndBrowser();

  it('leaves the address bar and every request URL without the token, and events still arrive', async () => {
    const app = web.app();
    const { page } = await newPage(web.browser(), app);
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.getByLabel('Customer name').waitFor();
    expect(page.url()).toBe(`${app.origin}/`);
    expect(await page.evaluate('location.hash')).toBe('');

    await page.reload();
    await page.getByLabel('Customer name').fill('Meera Nair');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const open = await callBridge<Result<Order[]>>(app, 'order.open');
    if (!open.ok) throw new Error(open.error.message);
    // Paid from outside the page: only the event stream can tell it. The name at bank is given:
    // left to the Demo simulator it is now and then another person's (a "does NOT match" verdict).
    await callBridge(app, 'demo.pay', { verificationId: open.data[0]!.verificationId, nameAtBank: 'Meera Nair' });
    await page.getByRole('status', { name: 'Order status' }).filter({ hasText: 'Verified' }).waitFor({ timeout: 15_000 });

    expect(urls.some((u) => u.endsWith('/api/events'))).toBe(true);
    expect(urls.filter((u) => u.includes(app.token))).toEqual([]);
  });
});
