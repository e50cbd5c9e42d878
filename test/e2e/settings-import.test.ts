// Import and address changes in Chromium through `npm run web`, keyboard only where an agent
// would use it, at a docked width (480 px, light) and a full one (1280 px, dark), checked with axe-core.
// A hostile team file (Production address on another host, clipboard clearing and updates off,
// a template too long to save) is listed change by change; only what is ticked is applied.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { PublicSettings } from '../../shared/settings.ts';
import type { Result } from '../../shared/result.ts';
import { DEFAULT_MESSAGE_TEMPLATES } from '../../shared/templates.ts';
import { callBridge, screenshot, skipReason, useWebAppAndBrowser } from './harness.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE);
  const result = (await page.evaluate('axe.run(document.querySelector("[role=dialog]"), { resultTypes: ["violations"] })')) as {
    violations: { id: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const hostileFile = (): string =>
  JSON.stringify({
    format: 'rpd-desk-settings',
    version: 1,
    exportedAt: '2026-12-01T10:00:00.000Z',
    profiles: { production: { customBaseUrl: 'https://rpd.evil.example/verification' } },
    preferences: {
      messageTemplates: {
        ...DEFAULT_MESSAGE_TEMPLATES,
        Long: `Pay here {link} ${'x'.repeat(2001)}`,
      },
      clipboardClearSeconds: 0,
      autoUpdate: false,
      theme: 'dark',
    },
  });

describe.skipIf(skipReason !== null)(`Settings import in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const web = useWebAppAndBrowser();

  for (const [width, colorScheme] of [[480, 'light'], [1280, 'dark']] as const) {
    it(`lists every change of a hostile file and applies only the ticked one (${width} px, ${colorScheme})`, async () => {
      const context = await web.browser().newContext({ viewport: { width, height: 860 }, colorScheme });
      const page = await context.newPage();
      await page.goto(web.app().url);
      await page.getByRole('button', { name: 'Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.getByLabel('Import settings').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(hostileFile()) });
      const list = dialog.getByRole('form', { name: 'Changes in team.json' });
      await list.waitFor();
      const box = (name: string) => list.getByRole('checkbox', { name });
      // Whatever carries a warning waits for the agent; what cannot be saved cannot be ticked.
      expect(await box('Production address').isChecked()).toBe(false);
      expect(await box('Clear clipboard after (seconds)').isChecked()).toBe(false);
      expect(await box('Install updates automatically').isChecked()).toBe(false);
      expect(await box('Message template Long').isDisabled()).toBe(true);
      expect(await box('Theme').isChecked()).toBe(true);
      const text = (await list.textContent()) ?? '';
      expect(text).toMatch(/would go to rpd\.evil\.example instead of Cashfree/);
      expect(text).toMatch(/Copied account details would stay on the clipboard/);
      expect(text).toMatch(/no longer install security fixes/);
      expect(text).toMatch(/Cannot be imported: .*messageTemplates/);
      await screenshot(page, `settings-import-list-${width}-${colorScheme}`);
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard only: the list's heading has focus; Tab reaches the first change, Space ticks it and unticks it.
      expect(await page.evaluate('document.activeElement?.textContent')).toBe('Changes in team.json');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      expect(await box('Production address').isChecked()).toBe(true);
      await page.keyboard.press('Space');
      expect(await box('Production address').isChecked()).toBe(false);
      const apply = list.getByRole('button', { name: 'Apply 1 selected change' });
      await apply.focus();
      await page.keyboard.press('Enter');
      await dialog.getByText(/Imported 1 of 5 changes from team\.json/).waitFor();

      const after = await callBridge<Result<PublicSettings>>(web.app(), 'settings.get');
      if (!after.ok) throw new Error(after.error.message);
      expect(after.data.preferences).toMatchObject({ theme: 'dark', clipboardClearSeconds: 60, autoUpdate: true });
      expect(after.data.profiles.production.baseUrl).toBe('https://api.cashfree.com/verification');
      expect(Object.keys(after.data.preferences.messageTemplates)).not.toContain('Long');
      await callBridge(web.app(), 'settings.updatePreferences', { theme: 'system' });
      await context.close();
    });
  }

  it('asks before sending the keys to a new host, and passes axe (480 px, keyboard)', async () => {
    const context = await web.browser().newContext({ viewport: { width: 480, height: 860 } });
    const page = await context.newPage();
    await page.goto(web.app().url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('radio', { name: 'Sandbox', exact: true }).check();
    await dialog.getByLabel('Custom address').fill('https://cf-gateway.corp.example/verification');
    await dialog.getByLabel('Custom address').press('Enter');
    const question = dialog.getByRole('group', { name: 'Send the Sandbox keys to cf-gateway.corp.example?' });
    await question.waitFor();
    // The confirmation has the keyboard: Escape-free, Enter would confirm; Cancel is one Tab away.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Yes, use cf-gateway.corp.example');
    await screenshot(page, 'settings-confirm-address-480');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    const unchanged = await callBridge<Result<PublicSettings>>(web.app(), 'settings.get');
    expect(unchanged.ok && unchanged.data.profiles.sandbox.customBaseUrl).toBe(null);
    await dialog.getByLabel('Custom address').press('Enter');
    await question.getByRole('button', { name: 'Yes, use cf-gateway.corp.example' }).press('Enter');
    await dialog.getByText('Sandbox settings saved.').waitFor();
    const moved = await callBridge<Result<PublicSettings>>(web.app(), 'settings.get');
    expect(moved.ok && moved.data.profiles.sandbox.customBaseUrl).toBe('https://cf-gateway.corp.example/verification');
    await context.close();
  });
});
