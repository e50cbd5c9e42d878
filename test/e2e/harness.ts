// Shared by the browser journeys: Debian's Chromium through playwright-core, and the app served
// by `npm run web` (electron/web.ts) in a child process with its own data folder.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUTPUT = join(ROOT, 'test-output');
mkdirSync(join(OUTPUT, 'screenshots'), { recursive: true });

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const chromiumPath = CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;

/**
 * Where no Chromium exists the browser tests skip with the reason; CI sets RPD_REQUIRE_BROWSER=1
 * so that a missing browser fails the run instead of passing it quietly.
 */
export const skipReason: string | null = chromiumPath
  ? null
  : `no Chromium found (looked for ${CANDIDATES.filter(Boolean).join(', ')}); install it with apt-get install -y chromium`;
if (skipReason && process.env.RPD_REQUIRE_BROWSER === '1') throw new Error(`Browser tests are required here but ${skipReason}`);
if (skipReason) console.warn(`Skipping browser tests: ${skipReason}`);

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error(skipReason ?? 'no chromium');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

export interface WebApp {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `npm run web` (node electron/web.ts) and waits for the one line with its URL. */
export async function startWebApp(env: NodeJS.ProcessEnv = {}): Promise<WebApp> {
  const dataDir = env.RPD_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'rpd-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'electron/web.ts'), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...env, RPD_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`npm run web exited with ${code}: ${stderr}`)));
  });
  const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(line);
  if (!match) throw new Error(`npm run web printed no URL: ${line}`);
  return {
    url: `${match[1]}/#token=${match[2]}`,
    origin: match[1]!,
    token: match[2]!,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Calls a contract channel through the bridge, as the page does. */
export async function callBridge<T = unknown>(app: WebApp, channel: string, input?: unknown): Promise<T> {
  const res = await fetch(`${app.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rpd-token': app.token },
    body: JSON.stringify(input ?? null),
  });
  return (await res.json()) as T;
}

export async function newPage(browser: Browser, app: WebApp): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  const page = await context.newPage();
  await page.goto(app.url);
  return { context, page };
}

/** Reads a QR code off a PNG screenshot. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  return code?.data ?? null;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, 'screenshots', `${name}.png`), fullPage: true });
}

/** The page's clipboard, as the browser sees it. */
export function readClipboard(page: Page): Promise<string> {
  // Runs in the page, where `navigator` is the DOM's; this file is type-checked for Node.
  return page.evaluate('navigator.clipboard.readText()') as Promise<string>;
}

/** One `npm run web` and one Chromium for a describe block, started before its tests and stopped after. */
export function useWebAppAndBrowser(env: NodeJS.ProcessEnv = {}): { app: () => WebApp; browser: () => Browser } {
  let app: WebApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startWebApp(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the web app is not started yet');
    return value;
  };
  return { app: () => ready(app), browser: () => ready(browser) };
}
