// The preview's event stream breaking while a customer pays: the page reconnects with the id of
// the last event it read and hears the payment it missed. The page reaches the app through a
// proxy the test can cut, so the break is a real one: the sockets close under the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { callBridge, launchBrowser, newPage, skipReason, startWebApp } from './harness.ts';
import type { WebApp } from './harness.ts';
import { generate } from './desk-helpers.ts';
import type { Order } from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';
import { VERDICT_WORDS } from '../../shared/words.ts';

interface CuttableProxy {
  origin: string;
  /** Headers of every request for the event stream. */
  streamRequests: IncomingHttpHeaders[];
  /** Closes every connection and refuses new ones until `restore`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** An HTTP proxy to `target` that says it is `target` (Host, Origin), as the bridge requires. */
async function startProxy(target: string): Promise<CuttableProxy> {
  const to = new URL(target);
  const open = new Set<ServerResponse>();
  const streamRequests: IncomingHttpHeaders[] = [];
  let down = false;
  const server = createServer((req, res) => {
    if (down) return void req.socket.destroy();
    if (req.url === '/api/events') streamRequests.push(req.headers);
    const headers = { ...req.headers, host: to.host, ...(req.headers.origin ? { origin: to.origin } : {}) };
    const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    open.add(res);
    res.on('close', () => {
      open.delete(res);
      upstream.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    streamRequests,
    cut() {
      down = true;
      for (const res of open) res.socket?.destroy();
      server.closeIdleConnections();
    },
    restore() {
      down = false;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(skipReason !== null)(`The preview's event stream${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: WebApp;
  let proxy: CuttableProxy;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startWebApp();
    proxy = await startProxy(app.origin);
    browser = await launchBrowser();
    // The page knows the app only by the proxy's address.
    ({ page } = await newPage(browser, { ...app, origin: proxy.origin, url: `${proxy.origin}/#token=${app.token}` }));
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await app?.stop();
  });

  it('shows a payment made while the stream was broken, once it reconnects', async () => {
    const order = await generate(app, page, 'Anil Kumar');
    const status = page.getByRole('status', { name: 'Order status' });
    await status.filter({ hasText: VERDICT_WORDS.waiting.label }).waitFor();

    proxy.cut();
    await callBridge(app, 'demo.pay', { verificationId: order.verificationId, nameAtBank: 'Anil Kumar' });
    // The app has heard the payment, and said so on a stream the page no longer has.
    const appHas = async () => {
      const r = await callBridge<Result<Order>>(app, 'order.get', { verificationId: order.verificationId });
      return r.ok ? r.data.state : r.error.code;
    };
    await expect.poll(appHas, { timeout: 15_000 }).toBe('success');
    await page.waitForTimeout(1_500);
    expect(await status.textContent()).toBe(VERDICT_WORDS.waiting.label);

    proxy.restore();
    await status.filter({ hasText: VERDICT_WORDS.verified.label }).waitFor({ timeout: 10_000 });
    const resumed = proxy.streamRequests.filter((h) => h['last-event-id'] !== undefined);
    expect(resumed.length).toBeGreaterThan(0);
  });

  it('loads the page again when the bridge no longer keeps all it missed, and shows no stale verdict', async () => {
    const order = await generate(app, page, 'Bina Das');
    const status = page.getByRole('status', { name: 'Order status' });
    await status.filter({ hasText: VERDICT_WORDS.waiting.label }).waitFor();
    await page.evaluate('window.loadedBefore = true');

    proxy.cut();
    await callBridge(app, 'demo.pay', { verificationId: order.verificationId, nameAtBank: 'Bina Das' });
    // More than the bridge keeps: each change of preferences is an event.
    for (let i = 0; i < 1_010; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => callBridge(app, 'settings.updatePreferences', { clipboardClearSeconds: 30 + ((i + j) % 2) })));
    }

    proxy.restore();
    // Loaded again, as after F5: the paid order has left the open ones and History has its verdict.
    const row = page.getByRole('listbox', { name: 'Orders, newest first' }).getByRole('option').filter({ hasText: 'Bina Das' });
    await row.filter({ hasText: VERDICT_WORDS.verified.label }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate('window.loadedBefore')).toBeUndefined();
    expect(await status.count()).toBe(0);
  });
});
