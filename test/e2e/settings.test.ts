// Settings in Chromium through `npm run web`: Sandbox keys saved write-only against a real
// simulator, Test connection with wrong then right keys, the banner, the Production confirmation,
// export without secrets. Every bridge reply and every pushed event is scanned for the secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startSimulator } from '../../electron/simulator/server.ts';
import type { Simulator } from '../../electron/simulator/server.ts';
import { launchBrowser, newPage, screenshot, skipReason, startWebApp } from './harness.ts';
import type { WebApp } from './harness.ts';

const CLIENT_ID = 'TEST10042sandboxClient7731';
const SECRET = 'cfsk_ma_test_9f8e7d6c5b4a3210RightSecret';
const WRONG_SECRET = 'cfsk_ma_test_0000000000000000WrongSecret';
const SECRETS = [SECRET, WRONG_SECRET];

describe.skipIf(skipReason !== null)(`Settings in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: WebApp;
  let browser: Browser;
  let sim: Simulator;
  const replies: string[] = [];
  let events = '';
  const stopEvents = new AbortController();

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, clientId: CLIENT_ID, clientSecret: SECRET, quiet: true });
    app = await startWebApp();
    browser = await launchBrowser();
    // Listen to the same event stream the page does, to scan what main pushes.
    const stream = await fetch(`${app.origin}/api/events`, { headers: { 'x-rpd-token': app.token }, signal: stopEvents.signal });
    void (async () => {
      try {
        for await (const chunk of stream.body!) events += Buffer.from(chunk).toString();
      } catch {
        // aborted at the end
      }
    })();
  });
  afterAll(async () => {
    stopEvents.abort();
    await browser?.close();
    await app?.stop();
    await sim?.close();
  });

  const consoleErrors: string[] = [];

  function recordReplies(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/api/') || url.pathname === '/api/events') return;
      void response.text().then(
        (body) => replies.push(body),
        () => {},
      );
    });
  }

  it('saves Sandbox keys write-only, tests them wrong then right, and asks before Production', async () => {
    const { page } = await newPage(browser, app);
    recordReplies(page);
    await page.getByRole('banner', { name: 'Active profile: Demo' }).waitFor();
    await screenshot(page, 'banner-demo');

    const settingsButton = page.getByRole('button', { name: 'Settings' });
    await settingsButton.click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Sandbox', exact: true }).check();
    await page.getByRole('banner', { name: 'Active profile: Sandbox' }).waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('SANDBOX — test money only');
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Add the Sandbox client ID and secret in Settings');

    // The preview has no keychain: saving needs the explicit weak-protection choice.
    await dialog.getByLabel('Client ID').fill(CLIENT_ID);
    await dialog.getByLabel('Client secret').fill(WRONG_SECRET);
    await dialog.getByLabel('Custom address').fill(sim.baseUrl);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    // A new address is shown by its host and confirmed before the keys go there.
    const simHost = new URL(sim.baseUrl).host;
    const confirmAddress = dialog.getByRole('group', { name: `Send the Sandbox keys to ${simHost}?` });
    await confirmAddress.waitFor();
    await screenshot(page, 'settings-confirm-address');
    await confirmAddress.getByRole('button', { name: `Yes, use ${simHost}` }).click();
    await dialog.getByText(/to save them anyway/).waitFor();
    expect(await dialog.getByLabel('Client secret').inputValue()).toBe(WRONG_SECRET);
    await screenshot(page, 'settings-weak-refused');

    await dialog.getByRole('checkbox', { name: /weak/ }).check();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await confirmAddress.getByRole('button', { name: `Yes, use ${simHost}` }).click();
    await dialog.getByText(`Saved: client ID …${CLIENT_ID.slice(-4)}`).waitFor();
    expect(await dialog.getByLabel('Client ID').inputValue()).toBe('');
    expect(await dialog.getByLabel('Client secret').inputValue()).toBe('');
    expect(await dialog.getByLabel('Custom address').inputValue()).toBe(sim.baseUrl);
    for (const secret of SECRETS) expect(await page.content()).not.toContain(secret);

    const probe = dialog.getByRole('status', { name: 'Connection test' });
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => probe.getAttribute('class'), { timeout: 15_000 }).toContain('probe-bad');
    expect(await probe.textContent()).toMatch(/rejected the client ID and secret of the Sandbox profile/);
    await screenshot(page, 'settings-test-wrong-keys');

    await dialog.getByLabel('Client secret').fill(SECRET);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByText('Sandbox settings saved.').waitFor();
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => probe.getAttribute('class'), { timeout: 15_000 }).toContain('probe-ok');
    expect(await probe.textContent()).toMatch(/Connected to Cashfree Sandbox/);
    await expect.poll(() => page.getByRole('banner').textContent()).not.toContain('Add the Sandbox');
    await screenshot(page, 'settings-sandbox-connected');

    await dialog.getByRole('radio', { name: 'Production', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Switch to Production?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/real Rs 1 collection from a real customer/);
    await screenshot(page, 'settings-production-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.getByRole('radio', { name: 'Sandbox', exact: true }).isChecked()).toBe(true);
    await page.getByRole('banner', { name: 'Active profile: Sandbox' }).waitFor();

    await dialog.getByRole('radio', { name: 'Production', exact: true }).click();
    await confirm.getByRole('button', { name: 'Switch to Production' }).click();
    await page.getByRole('banner', { name: 'Active profile: Production' }).waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('PRODUCTION — real customers');
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Add the Production client ID and secret in Settings');
    await screenshot(page, 'settings-production');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await settingsButton.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await screenshot(page, 'banner-production');

    // Another window's change reaches this one through settings.changed.
    const other = await newPage(browser, app);
    await other.page.getByRole('button', { name: 'Settings' }).click();
    await other.page.getByRole('radio', { name: 'Sandbox', exact: true }).check();
    await page.getByRole('banner', { name: 'Active profile: Sandbox' }).waitFor();
    await other.context.close();
  });

  it('exports settings without keys and refuses a file that carries one', async () => {
    const { page } = await newPage(browser, app);
    recordReplies(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export settings' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    const parsed = JSON.parse(exported) as { format: string; profiles: { sandbox: { customBaseUrl: string } } };
    expect(parsed.format).toBe('rpd-desk-settings');
    expect(parsed.profiles.sandbox.customBaseUrl).toBe(sim.baseUrl);
    for (const secret of [...SECRETS, CLIENT_ID]) expect(exported).not.toContain(secret);

    const withSecret = JSON.stringify({ ...parsed, profiles: { sandbox: { customBaseUrl: sim.baseUrl, clientSecret: SECRET } } });
    await dialog.getByLabel('Import settings').setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(withSecret) });
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/not an RPD Desk settings export, or it carries fields it must not/);

    const changed = exported.replace('"retentionDays": 180', '"retentionDays": 45');
    expect(changed).not.toBe(exported);
    await dialog.getByLabel('Import settings').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(changed) });
    const list = dialog.getByRole('form', { name: 'Changes in team.json' });
    await list.waitFor();
    // Lowering retention deletes history: it waits for the agent's tick.
    const retention = list.getByRole('checkbox', { name: 'Keep history for (days)' });
    expect(await retention.isChecked()).toBe(false);
    expect(await list.textContent()).toMatch(/180 → 45.*History older than 45 days would be deleted/);
    await retention.check();
    await list.getByRole('button', { name: 'Apply 1 selected change' }).click();
    await dialog.getByText(/Imported 1 of 1 change from team\.json/).waitFor();
    expect(await dialog.getByLabel('Keep history for (days)').inputValue()).toBe('45');
    await screenshot(page, 'settings-imported');
  });

  it('looks right in dark mode', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'dark' });
    const page = await context.newPage();
    recordReplies(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Client ID').waitFor();
    await screenshot(page, 'settings-dark');
    await context.close();
  });

  it('never sent a secret back: not in any bridge reply, not in any pushed event', async () => {
    await expect.poll(() => replies.length).toBeGreaterThan(10);
    expect(events).toContain('settings.changed');
    for (const secret of SECRETS) {
      for (const reply of replies) expect(reply).not.toContain(secret);
      expect(events).not.toContain(secret);
    }
    expect(replies.some((r) => r.includes(`…${CLIENT_ID.slice(-4)}`))).toBe(true);
    // The pages broke no Content Security Policy rule and logged no error.
    expect(consoleErrors).toEqual([]);
  });
});
