// The browser extension end to end: real Chromium (headless) with out/extension loaded, a fresh
// profile with the host installed by `rpd browser-integration install --profile-dir`, a test
// helpdesk page on 127.0.0.1 with every kind of composer, and `npm run web` on the Demo
// simulator as the running app. One browser for the whole file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { build } from 'rolldown';
import { ROOT, OUTPUT, callBridge, chromiumPath, skipReason, startWebApp } from './harness.ts';
import type { WebApp } from './harness.ts';
import { EXTENSION_ID, HOST_NAME } from '../../shared/browser-bridge.ts';
import type { Order } from '../../shared/domain.ts';
import type { HistoryPage } from '../../shared/history.ts';
import type { Result } from '../../shared/result.ts';
import { validateName } from '../../shared/names.ts';
import { ticketText } from '../../shared/words.ts';
import { askHost } from './host-client.ts';

const EXTENSION = join(ROOT, 'out', 'extension');
const SITE = join(ROOT, 'test', 'e2e', 'helpdesk');

let dataDir: string;
/** The app's idea of the user's config folder, so Settings writes browser manifests inside the test. */
let configHome: string;
let profileDir: string;
let context: BrowserContext;
let worker: Worker;
let app: WebApp | null = null;
let site: Server;
let siteOrigin: string;
let editorsJs: string;

async function startSite(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'rpd-helpdesk-'));
  await build({
    input: join(SITE, 'editors.ts'),
    platform: 'browser',
    logLevel: 'silent',
    transform: { define: { 'process.env.NODE_ENV': '"production"', global: 'window' } },
    output: { file: join(out, 'editors.js'), format: 'iife' },
  });
  editorsJs = readFileSync(join(out, 'editors.js'), 'utf8');
  rmSync(out, { recursive: true, force: true });
  site = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/editors.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(editorsJs);
    const file = join(SITE, path === '/' ? 'index.html' : (path ?? '').replace(/^\//, ''));
    if (!/\.html$/.test(file) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
  const address = site.address();
  siteOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'electron/cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, RPD_DATA_DIR: dataDir }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const verifyButton = (page: Page) => page.getByRole('button', { name: 'Verify bank account', exact: true });
const panel = (page: Page) => page.getByRole('status');
/** A create runs the host, the app, SQLite and the simulator: give a busy machine time. */
const soon = { timeout: 10_000 };

/** Selects the customer line with the mouse, as an agent does (label included). */
async function selectCustomer(page: Page, selector = '#customer'): Promise<void> {
  await page.locator(selector).click({ clickCount: 3 });
}

/** Opens a test page, selects its customer line and presses the button, as the agent does. */
async function verifyOn(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${siteOrigin}/${path}`);
  await selectCustomer(page, 'p');
  await verifyButton(page).click();
  return page;
}

async function openOrders(): Promise<Order[]> {
  const r = await callBridge<Result<Order[]>>(app!, 'order.open');
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

async function orderById(id: string): Promise<Order> {
  const r = await callBridge<Result<Order>>(app!, 'order.get', { verificationId: id });
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

describe.skipIf(skipReason !== null)('the browser extension in a helpdesk', () => {
  beforeAll(async () => {
    if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('out/extension is missing: run npm run build first.');
    dataDir = mkdtempSync(join(tmpdir(), 'rpd-ext-data-'));
    profileDir = mkdtempSync(join(tmpdir(), 'rpd-ext-profile-'));
    configHome = mkdtempSync(join(tmpdir(), 'rpd-ext-config-'));
    const installed = cli('browser-integration', 'install', '--browser', 'chromium', '--profile-dir', profileDir);
    expect(installed.status, installed.stderr).toBe(0);
    await startSite();
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath!,
      headless: true,
      // The host inherits the browser's environment: it finds the app's data folder from RPD_DATA_DIR.
      env: { ...process.env, RPD_DATA_DIR: dataDir },
      viewport: { width: 1100, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
      ],
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteOrigin });
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  });

  afterAll(async () => {
    await context?.close();
    await app?.stop();
    await new Promise((r) => site?.close(r));
  });

  it('loads with the fixed id that README names and the host manifests allow', () => {
    expect(worker.url()).toBe(`chrome-extension://${EXTENSION_ID}/service-worker.js`);
    const manifest = JSON.parse(readFileSync(join(profileDir, 'NativeMessagingHosts', `${HOST_NAME}.json`), 'utf8')) as { allowed_origins: string[]; path: string };
    expect(manifest.allowed_origins).toEqual([`chrome-extension://${EXTENSION_ID}/`]);
    expect(cli('browser-integration', 'status', '--profile-dir', profileDir, '--json').stdout).toContain('"installed":true');
  });

  it('with the app closed, the panel says so and offers to open RPD Desk with the name', async () => {
    const page = await verifyOn('single.html');
    await expect.poll(() => panel(page).textContent(), soon).toContain('RPD Desk is not running');
    expect(await page.getByRole('link', { name: 'Open RPD Desk' }).getAttribute('href')).toBe('rpd-desk://new?name=Meera%20Iyer');
    await page.close();
  });

  it('serves the app started afterwards without reloading anything', async () => {
    app = await startWebApp({ RPD_DATA_DIR: dataDir, XDG_CONFIG_HOME: configHome });
  });

  it('serves the socket to this user only (mode 0600)', () => {
    expect(statSync(join(dataDir, 'browser-bridge.sock')).mode & 0o777).toBe(0o600);
  });

  const composers: { id: string; read: (page: Page) => Promise<string> }[] = [
    { id: 'c-textarea', read: (p) => p.locator('#c-textarea').inputValue() },
    { id: 'c-input', read: (p) => p.locator('#c-input').inputValue() },
    { id: 'c-contenteditable', read: (p) => p.locator('#c-contenteditable').innerText() },
    { id: 'c-prosemirror', read: (p) => p.evaluate("window.editorText('prosemirror')") as Promise<string> },
    { id: 'c-lexical', read: (p) => p.evaluate("window.editorText('lexical')") as Promise<string> },
    { id: 'c-draft', read: (p) => p.evaluate("window.editorText('draft')") as Promise<string> },
  ];
  const made: string[] = [];

  it.each(composers)('writes the message and, once paid, the masked result into $id', async ({ id, read }) => {
    const page = await context.newPage();
    await page.goto(siteOrigin);
    await page.locator(`#${id}`).click();
    await selectCustomer(page);
    await verifyButton(page).click();
    await expect.poll(() => panel(page).textContent(), soon).toContain('Waiting for payment');
    expect(await panel(page).textContent()).toContain('Message inserted into the composer.');
    const order = (await openOrders())[0]!;
    made.push(order.verificationId);
    expect(order.name).toBe('Asha Rao');
    const link = order.pageUrl ?? order.links!.upi;
    // The composer's own state holds the message built from the agent's template.
    await expect.poll(() => read(page), soon).toContain(`Hello Asha Rao, please pay Rs 1`);
    expect(await read(page)).toContain(link);

    // The customer pays (the simulator's control API); the app follows and the panel shows the verdict.
    await callBridge(app!, 'demo.pay', { verificationId: order.verificationId, nameAtBank: 'Asha Rao' });
    await callBridge(app!, 'order.recheck', { verificationId: order.verificationId });
    await expect.poll(() => panel(page).textContent(), { timeout: 15_000 }).toContain('Verified: name matches');
    if (id === 'c-textarea') await page.screenshot({ path: join(OUTPUT, 'screenshots', 'extension-panel.png'), clip: { x: 0, y: 0, width: 760, height: 460 } });
    await page.getByRole('button', { name: 'Insert result' }).click();
    await expect.poll(() => panel(page).textContent(), soon).toContain('Result inserted into the composer.');
    const paid = await orderById(order.verificationId);
    const text = ticketText(paid);
    const composed = await read(page);
    // The same text as the app's Copy result: masked, never the full account number.
    for (const line of text.split('\n')) expect(composed).toContain(line);
    expect(composed).toContain(paid.result!.maskedAccount);
    expect(composed).not.toContain(paid.result!.bankAccount);
    await page.close();
  });

  it('puts the orders in the session list and history, with the ticket as the note', async () => {
    const open = (await openOrders()).map((o) => o.verificationId);
    for (const id of made) expect(open).toContain(id);
    const page = await callBridge<Result<HistoryPage>>(app!, 'history.search', {});
    if (!page.ok) throw new Error(page.error.message);
    const rows = page.data.rows.filter((r) => made.includes(r.verificationId));
    expect(rows).toHaveLength(made.length);
    const order = await orderById(made[0]!);
    expect(order.note).toBe(`Ticket #48213 (${siteOrigin})`);
    expect(order.state).toBe('success');
    // The app's own window lists it as if typed there.
    const desk = await context.newPage();
    await desk.goto(app!.url);
    await expect.poll(() => desk.getByText('Asha Rao').count(), soon).toBeGreaterThan(0);
    await desk.close();
  });

  it('with no composer on the page, copies the message and says so', async () => {
    const page = await verifyOn('none.html');
    await expect.poll(() => panel(page).textContent(), soon).toContain('No composer found: message copied to the clipboard.');
    const order = (await openOrders())[0]!;
    expect(order.name).toBe('Kavya Nair');
    expect(await page.evaluate('navigator.clipboard.readText()')).toContain(order.pageUrl ?? order.links!.upi);
    await page.close();
  });

  it('shows no button for a selection the name rules refuse, and the app refuses it by menu with its own reason', async () => {
    const page = await context.newPage();
    await page.goto(siteOrigin);
    await page.locator('#bad').click({ clickCount: 3 });
    await page.waitForTimeout(300);
    await expect.poll(() => verifyButton(page).isVisible(), soon).toBe(false);
    const before = (await openOrders()).length;
    // What the context menu's click does: the service worker hands the tab the selected text.
    await worker.evaluate(`chrome.tabs.query({}).then((tabs) => Promise.all(tabs.filter((t) => t.url === undefined || true).map((t) => chrome.tabs.sendMessage(t.id, { kind: 'verify', text: 'R2D2 Unit' }).catch(() => {}))))`);
    const reason = validateName('R2D2 Unit');
    expect(reason.ok).toBe(false);
    await expect.poll(() => panel(page).textContent(), soon).toBe(reason.ok ? '' : reason.reason);
    expect((await openOrders()).length).toBe(before);
    await page.close();
  });

  it("refuses a page script's click on the button", async () => {
    const page = await context.newPage();
    await page.goto(`${siteOrigin}/single.html`);
    await selectCustomer(page, 'p');
    await expect.poll(() => verifyButton(page).isVisible(), soon).toBe(true);
    const before = (await openOrders()).length;
    await page.evaluate(`document.querySelector('rpd-desk-helper').shadowRoot.querySelector('button').click()`);
    await page.waitForTimeout(1000);
    expect(await panel(page).isVisible()).toBe(false);
    expect((await openOrders()).length).toBe(before);
    await page.close();
  });

  it('the host refuses a caller that is not the extension, and relays for the extension', async () => {
    const manifest = JSON.parse(readFileSync(join(profileDir, 'NativeMessagingHosts', `${HOST_NAME}.json`), 'utf8')) as { path: string };
    const ask = (origin: string) => askHost(manifest.path, origin, { ...process.env, RPD_DATA_DIR: dataDir }, { id: 7, kind: 'follow', verificationId: made[0] });
    const other = await ask('chrome-extension://abcdefghijklmnopabcdefghijklmnop/');
    expect(other.code).toBe(1);
    expect(other.frames).toEqual([{ id: null, ok: false, error: { code: 'forbidden', message: 'This program answers only the RPD Desk extension.' } }]);
    const ours = await ask(`chrome-extension://${EXTENSION_ID}/`);
    expect(ours.code).toBe(0);
    expect(ours.frames[0]).toMatchObject({ id: 7, ok: true, order: { verificationId: made[0], verdict: 'verified' } });
  });

  it('shows the button only on the helpdesk sites listed on the options page', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    const sites = options.getByLabel('Helpdesk sites');
    await sites.fill('acme.freshdesk.com\nnot a site at all');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent(), soon).toBe('Not a web address: not a site at all');
    await sites.fill('acme.freshdesk.com');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent(), soon).toContain('Saved');
    expect(await sites.inputValue()).toBe('https://acme.freshdesk.com');

    const page = await context.newPage();
    await page.goto(`${siteOrigin}/single.html`);
    await selectCustomer(page, 'p');
    await page.waitForTimeout(500);
    expect(await verifyButton(page).isVisible()).toBe(false);

    await sites.fill(`https://acme.freshdesk.com\n${siteOrigin}/tickets/1`);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent(), soon).toContain('Saved');
    await page.reload();
    await selectCustomer(page, 'p');
    await expect.poll(() => verifyButton(page).isVisible(), soon).toBe(true);
    await sites.fill('');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.close();
    await page.close();
  });

  it("turns Browser integration on and off per browser from the app's Settings", async () => {
    const desk = await context.newPage();
    await desk.setViewportSize({ width: 480, height: 900 });
    await desk.emulateMedia({ colorScheme: 'dark' });
    await desk.goto(app!.url);
    await desk.getByRole('button', { name: 'Settings' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Settings' });
    const chromiumBox = dialog.getByRole('checkbox', { name: 'Chromium' });
    await expect.poll(() => chromiumBox.isVisible(), soon).toBe(true);
    expect(await chromiumBox.isChecked()).toBe(false);
    const file = join(configHome, 'chromium', 'NativeMessagingHosts', `${HOST_NAME}.json`);
    // Keyboard only: Tab to the box, Space to tick it.
    await chromiumBox.focus();
    await desk.keyboard.press('Space');
    await expect.poll(() => existsSync(file), soon).toBe(true);
    await expect.poll(() => chromiumBox.isChecked(), soon).toBe(true);
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { allowed_origins: string[]; path: string };
    expect(manifest.allowed_origins).toEqual([`chrome-extension://${EXTENSION_ID}/`]);
    expect(existsSync(manifest.path)).toBe(true);
    await dialog.getByRole('heading', { name: 'Browser integration' }).scrollIntoViewIfNeeded();
    await desk.screenshot({ path: join(OUTPUT, 'screenshots', 'settings-browser-integration-480-dark.png') });
    await chromiumBox.click();
    await expect.poll(() => existsSync(file), soon).toBe(false);
    await desk.close();
  });

  it('without the host registered, the panel says Browser integration is off and offers to open RPD Desk', async () => {
    expect(cli('browser-integration', 'uninstall', '--profile-dir', profileDir).status).toBe(0);
    try {
      const page = await verifyOn('single.html');
      await expect.poll(() => panel(page).textContent(), soon).toContain('Browser integration is not turned on');
      expect(await page.getByRole('link', { name: 'Open RPD Desk' }).getAttribute('href')).toBe('rpd-desk://new?name=Meera%20Iyer');
      await page.close();
    } finally {
      expect(cli('browser-integration', 'install', '--browser', 'chromium', '--profile-dir', profileDir).status).toBe(0);
    }
  });
});
