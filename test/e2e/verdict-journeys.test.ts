// The verdict, profiles, narrow windows, focus and keys, in Chromium against the real app
// (`npm run web`). Paid orders with a mismatched name or from a wallet come from a simulator
// this test controls (its control API), reached through the Sandbox profile.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startSimulator } from '../../electron/simulator/server.ts';
import type { Simulator } from '../../electron/simulator/server.ts';
import { callBridge, launchBrowser, newPage, readClipboard, screenshot, skipReason, startWebApp } from './harness.ts';
import type { WebApp } from './harness.ts';
import { endWaitingOrders, generate, sandboxOn, useProfile } from './desk-helpers.ts';
import { NO_MATCH_RESULT, VERDICT_WORDS } from '../../shared/words.ts';

const status = (page: Page) => page.getByRole('status', { name: 'Order status' });

describe.skipIf(skipReason !== null)(`Verdicts, profiles and narrow windows in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: WebApp;
  let browser: Browser;
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, quiet: true });
    app = await startWebApp();
    browser = await launchBrowser();
    await sandboxOn(app, sim);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sim?.close();
  });
  // The app follows every open order at one desk's pace: orders left waiting would queue ahead
  // of the next test's order on screen, and its payment would take many seconds to be seen.
  afterEach(() => endWaitingOrders(app, sim), 90_000);

  it('headlines a mismatched name in red words everywhere, and the customer only reads "Payment received"', async () => {
    await useProfile(app, 'sandbox');
    const { page } = await newPage(browser, app);
    const order = await generate(app, page, 'Priya Sharma');
    await page.getByRole('button', { name: 'Show to customer' }).click();
    const customer = page.getByRole('dialog', { name: 'Show to customer: Priya Sharma' });
    await customer.waitFor();
    // The customer pays from somebody else's account.
    sim.pay(order.verificationId, { name_at_bank: 'RAMESH GUPTA' });
    await customer.getByText('Payment received, thank you').waitFor({ timeout: 15_000 });
    const seen = (await customer.textContent()) ?? '';
    expect(seen).not.toMatch(/RAMESH|not match|Verified|IFSC|account/i);
    await screenshot(page, 'verdict-customer-paid');
    await page.keyboard.press('Escape');

    await status(page).filter({ hasText: 'Paid: name does NOT match' }).waitFor();
    const card = page.getByRole('region', { name: 'Result' });
    expect(await card.textContent()).toMatch(/^Paid: name does NOT match/);
    expect(await page.getByRole('list', { name: 'Open orders' }).textContent()).toContain('Paid: name does NOT match');
    expect(await page.locator('main').getByText('Verified', { exact: false }).count()).toBe(0);
    // The icon is drawn beside the words: colour is not the only signal.
    expect(await status(page).locator('.verdict-icon').getAttribute('data-icon')).toBe('✕');

    await page.getByRole('button', { name: /^Copy result/ }).click();
    await page.getByRole('button', { name: /^Copy result ✓ Copied/ }).waitFor();
    const ticket = await readClipboard(page);
    expect(ticket.split('\n')[0]).toBe(`RPD ${order.verificationId}: Paid: name does NOT match`);
    expect(ticket).toMatch(/^UPI id: \w{0,2}\*\*\*@/m);
    expect(ticket).toMatch(/^Created: .+ IST$/m);

    const row = page.getByRole('listbox', { name: 'Orders, newest first' }).getByRole('option', { name: /Priya Sharma Paid: name does NOT match/ });
    await row.waitFor();
    await page.getByRole('combobox', { name: 'Verdict' }).selectOption('name_mismatch');
    await expect.poll(() => page.getByRole('listbox', { name: 'Orders, newest first' }).getByRole('option').count()).toBe(1);
    await screenshot(page, 'verdict-name-mismatch');
  });

  it('calls a wallet payment what it is: red, "ask for a bank account"', async () => {
    await useProfile(app, 'sandbox');
    const { page } = await newPage(browser, app);
    const order = await generate(app, page, 'Anil Kumar');
    sim.pay(order.verificationId, { wallet: true });
    await status(page).filter({ hasText: 'Paid from a wallet: ask for a bank account' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('region', { name: 'Result' }).getByRole('note').textContent()).toMatch(/wallet, not a bank account/);
    expect(await status(page).getAttribute('class')).toContain('tone-bad');
    await screenshot(page, 'verdict-wallet');
  });

  it('says "Paid: no name result" on the card and in the session list when Cashfree compared no name', async () => {
    await useProfile(app, 'sandbox');
    const { page } = await newPage(browser, app);
    const order = await generate(app, page, 'Nikhil Bansal');
    // Cashfree's answer when no name was compared: name_match_score and name_match_result "".
    sim.pay(order.verificationId, { name_at_bank: 'NIKHIL BANSAL', name_match: false });
    const words = VERDICT_WORDS.paid_no_name;
    await status(page).filter({ hasText: words.label }).waitFor({ timeout: 15_000 });
    expect(await status(page).textContent()).toBe(words.label);
    expect(await status(page).getAttribute('class')).toContain(`tone-${words.tone}`);
    expect(await status(page).locator('.verdict-icon').getAttribute('data-icon')).toBe(words.icon);

    const card = page.getByRole('region', { name: 'Result' });
    expect(await card.textContent()).toMatch(new RegExp(`^${words.label}${words.advice}`));
    expect(await card.locator('dt:has-text("Name match") + dd').textContent()).toBe(`${NO_MATCH_RESULT.label}${NO_MATCH_RESULT.reason}`);
    expect(await card.locator('dt:has-text("Name at bank") + dd').textContent()).toBe('NIKHIL BANSAL');
    const listed = page.getByRole('list', { name: 'Open orders' }).getByRole('button', { name: /^Nikhil Bansal/ });
    expect(await listed.locator('.order-item-verdict').textContent()).toBe(words.label);
    expect(await page.locator('main').getByText('Verified', { exact: false }).count()).toBe(0);

    await page.getByRole('button', { name: /^Copy result/ }).click();
    await expect.poll(() => readClipboard(page), { timeout: 10_000 }).toMatch(new RegExp(`^RPD ${order.verificationId}: ${words.label}\n`));
    await page.getByRole('listbox', { name: 'Orders, newest first' }).getByRole('option', { name: new RegExp(`Nikhil Bansal ${words.label}`) }).waitFor();
    await screenshot(page, 'verdict-paid-no-name');
  });

  it('ties an order to its profile: after switching Demo to Production its link cannot be shared, and says why', async () => {
    await useProfile(app, 'demo');
    const { page } = await newPage(browser, app);
    await generate(app, page, 'Kavita Joshi');
    expect(await page.getByTitle('Profile of this order').textContent()).toBe('Demo');
    await useProfile(app, 'production');
    try {
      await page.getByRole('banner', { name: 'Active profile: Production' }).waitFor();
      const reason = page.getByText(/^Made on Demo, but Production is live now/);
      await reason.waitFor();
      for (const name of ['Show to customer', 'Copy message', 'Copy UPI link', 'Save QR image']) {
        expect(await page.getByRole('button', { name: new RegExp(`^${name}`) }).isDisabled()).toBe(true);
      }
      // The shortcut refuses too, with the reason.
      await page.evaluate('navigator.clipboard.writeText("before")');
      await page.locator('body').press('Control+Shift+C');
      await page.getByText(/^Made on Demo, but Production is live now/).nth(1).waitFor();
      expect(await readClipboard(page)).toBe('before');
      await screenshot(page, 'profile-switched');
    } finally {
      await useProfile(app, 'demo');
    }
    await expect.poll(() => page.getByRole('button', { name: 'Copy message' }).isDisabled()).toBe(false);
  });

  for (const [width, height] of [
    [480, 800],
    [800, 700],
    [1280, 800],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`at ${width}x${height} (${scheme}) the QR and its copy buttons are on screen right after Generate`, async () => {
        await useProfile(app, 'demo');
        const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
        const page = await context.newPage();
        await page.goto(app.url);
        // A few earlier orders in the session list must not push the new one down.
        const tag = `${{ 480: 'Narrow', 800: 'Middle', 1280: 'Wide' }[width]} ${scheme === 'dark' ? 'Dark' : 'Light'}`;
        await generate(app, page, `Earlier Customer ${tag}`);
        const name = `Docked Customer ${tag}`;
        await generate(app, page, name);
        const inView = async (label: string, box: { x: number; y: number; width: number; height: number } | null) => {
          expect(box, label).not.toBeNull();
          expect(box!.x, label).toBeGreaterThanOrEqual(0);
          expect(box!.y, label).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width, label).toBeLessThanOrEqual(width);
          expect(box!.y + box!.height, label).toBeLessThanOrEqual(height);
        };
        await inView('QR', await page.getByRole('img', { name: `UPI QR code for ${name}` }).boundingBox());
        await inView('Copy message', await page.getByRole('button', { name: 'Copy message' }).boundingBox());
        await inView('Show to customer', await page.getByRole('button', { name: 'Show to customer' }).boundingBox());
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `test-output/screenshots/docked-${width}-${scheme}.png` });
        await context.close();
      });
    }
  }

  it('stays usable at 200% zoom (a 1280x800 window seen as 640x400)', async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    const page = await context.newPage();
    await page.goto(app.url);
    const order = await generate(app, page, 'Zoomed Customer');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(640);
    const copy = page.getByRole('button', { name: 'Copy message' });
    await copy.scrollIntoViewIfNeeded();
    await copy.click();
    await expect.poll(() => readClipboard(page)).toContain(order.pageUrl ?? order.links!.upi);
    await screenshot(page, 'zoom-200');
    await context.close();
  });

  it('moves focus to the order and says what happened; the session list is one Tab stop with arrows; shortcuts work', async () => {
    await useProfile(app, 'demo');
    const { page } = await newPage(browser, app);
    const first = await generate(app, page, 'Focus One');
    const second = await generate(app, page, 'Focus Two');
    const focused = () => page.evaluate('document.activeElement?.textContent ?? ""') as Promise<string>;
    // Conditions on the page, given room for a loaded machine; none of them is a measured time.
    const patiently = { timeout: 10_000 };
    // The button the agent pressed disappears with the QR: focus goes to the order, not the body.
    await page.getByRole('button', { name: 'Simulate payment' }).focus();
    await page.keyboard.press('Enter');
    // The simulator's name at bank varies a little: whichever paid verdict, it is said.
    await status(page).filter({ hasText: /^(Verified|Paid)/ }).waitFor({ timeout: 15_000 });
    const verdict = (await status(page).textContent())!;
    await expect.poll(() => page.evaluate('document.activeElement?.tagName'), patiently).toBe('H2');
    expect(await focused()).toBe('Focus Two');
    await expect.poll(() => page.getByRole('status', { name: 'Announcements' }).textContent(), patiently).toBe(`Focus Two: ${verdict}`);

    // Ctrl+Shift+R copies the result; Ctrl+Shift+L the link of a waiting order.
    await page.keyboard.press('Control+Shift+R');
    await expect.poll(() => readClipboard(page), patiently).toMatch(new RegExp(`^RPD ${second.verificationId}: ${verdict}`));

    const list = page.getByRole('list', { name: 'Open orders' });
    const selected = list.locator('button[aria-current="true"]');
    await selected.focus();
    expect(await list.locator('button[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused, patiently).toMatch(/^Focus One/);
    await page.getByRole('heading', { name: 'Focus One' }).waitFor();
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(() => readClipboard(page), patiently).toBe(first.pageUrl ?? first.links!.upi);
    // One Tab leaves the list.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.closest("ul")?.getAttribute("aria-label") ?? null')).not.toBe('Open orders');

    await page.keyboard.press('Control+Shift+S');
    const customer = page.getByRole('dialog', { name: 'Show to customer: Focus One' });
    await customer.waitFor();
    // It takes the focus as it opens; Tab is pressed only once it has.
    await expect.poll(() => page.evaluate('!!document.activeElement?.closest(".presenter")'), patiently).toBe(true);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
      expect(await page.evaluate('!!document.activeElement?.closest(".presenter")')).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await help.textContent()).toMatch(/Show to customer.*Copy the message.*Copy the link.*Copy the result/s);
    await expect.poll(() => page.evaluate('!!document.activeElement?.closest(".overlay")'), patiently).toBe(true);
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate('!!document.activeElement?.closest(".overlay")')).toBe(true);
    }
    await page.keyboard.press('Escape');
  });

  it('says "Copied" on the button, keeps pop-ups off the customer view, and shows it is still following', async () => {
    await useProfile(app, 'demo');
    const { page } = await newPage(browser, app);
    await generate(app, page, 'Feedback Person');
    await page.getByRole('button', { name: 'Copy GPay link' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Copy GPay link/ }).textContent()).toBe('Copy GPay link ✓ Copied');
    await expect.poll(() => page.getByRole('status', { name: 'Announcements' }).textContent()).toBe('GPay link copied');
    await page.getByText(/^checked \d\d:\d\d:\d\d IST$/).waitFor();
    await page.getByRole('button', { name: 'Show to customer' }).click();
    const timer = page.getByRole('dialog').getByRole('timer');
    const box = (await timer.boundingBox())!;
    // Whatever shows up, the countdown is the topmost thing where it is drawn.
    await page.evaluate('document.querySelector(".toasts").append(Object.assign(document.createElement("div"), {className: "toast", textContent: "test"}))');
    const onTop = await page.evaluate(`document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.closest('.presenter') !== null`);
    expect(onTop).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('says a dead link can no longer be paid, and why', async () => {
    await useProfile(app, 'demo');
    const { page } = await newPage(browser, app);
    const order = await generate(app, page, 'Dead Link Person');
    await callBridge(app, 'demo.expire', { verificationId: order.verificationId });
    await status(page).filter({ hasText: 'Expired' }).waitFor({ timeout: 15_000 });
    expect(await page.getByText(/^This link can no longer be paid: it expired at/).count()).toBe(1);
    expect(await page.getByLabel('Message preview').count()).toBe(0);
    const failed = await generate(app, page, 'Failed Link Person');
    await callBridge(app, 'demo.fail', { verificationId: failed.verificationId });
    await status(page).filter({ hasText: 'Payment failed' }).waitFor({ timeout: 15_000 });
    await page.getByText('This link can no longer be paid: the payment failed. Make a new link.').waitFor();
  });
});
