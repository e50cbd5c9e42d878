// Steps the browser journeys share: switch profile, point Sandbox at a simulator the test
// controls, make an order from the page, end the orders a test left waiting.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../../electron/simulator/server.ts';
import type { Order, ProfileKind } from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';
import { callBridge } from './harness.ts';
import type { WebApp } from './harness.ts';

export async function useProfile(app: WebApp, kind: ProfileKind): Promise<void> {
  const r = await callBridge<Result<unknown>>(app, 'settings.setProfile', kind === 'production' ? { kind, confirmProduction: true } : { kind });
  if (!r.ok) throw new Error(r.error.message);
}

/** Points the Sandbox profile of the app at `sim` with keys it accepts. */
export async function sandboxOn(app: WebApp, sim: Simulator): Promise<void> {
  for (const [channel, input] of [
    ['settings.setBaseUrl', { kind: 'sandbox', url: sim.baseUrl }],
    ['settings.saveCredentials', { kind: 'sandbox', clientId: 'cf_test_id', clientSecret: 'cf_test_secret', allowWeak: true }],
  ] as const) {
    const r = await callBridge<Result<unknown>>(app, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  }
}

export async function generate(app: WebApp, page: Page, name: string): Promise<Order> {
  await page.getByLabel('Customer name').fill(name);
  await page.getByLabel('Customer name').press('Enter');
  await page.getByRole('img', { name: `UPI QR code for ${name}` }).waitFor();
  const open = await callBridge<Result<Order[]>>(app, 'order.open');
  const order = open.ok ? open.data.find((o) => o.name === name) : undefined;
  if (!order) throw new Error(`no order for ${name}`);
  return order;
}

/**
 * Waits for the order on screen to show `verdict`; when it does not, the error says where the
 * order stopped: on the page, in the app, or at the simulator.
 */
export async function waitForVerdict(app: WebApp, page: Page, order: Order, verdict: RegExp | string, sim?: Simulator, timeout = 15_000): Promise<void> {
  const status = page.getByRole('status', { name: 'Order status' });
  try {
    await status.filter({ hasText: verdict }).waitFor({ timeout });
  } catch (err) {
    const reply = await callBridge<Result<Order>>(app, 'order.get', { verificationId: order.verificationId });
    const inApp = reply.ok ? { state: reply.data.state, updatedAt: new Date(reply.data.updatedAt).toISOString(), lastError: reply.data.lastError, attention: reply.data.attention } : reply.error;
    const atSim = sim?.orders().find((o) => o.verification_id === order.verificationId)?.status['status'];
    throw new Error(
      `${order.name}: the page shows "${await status.textContent()}" at ${new Date().toISOString()}; the app has ${JSON.stringify(inApp)}${sim ? `; the simulator has ${String(atSim)}` : ''}`,
      { cause: err },
    );
  }
}

/**
 * Ends every order of this run that still waits for payment (Demo orders through the app's Demo
 * controls, Sandbox ones through `sim`) and waits until the app has heard each end. The preview
 * follows every open order at one desk's pace, so orders a test leaves waiting would queue ahead
 * of the next test's order on screen and slow its payment down to many seconds.
 */
export async function endWaitingOrders(app: WebApp, sim?: Simulator): Promise<void> {
  const waiting = async (): Promise<Order[]> => {
    const open = await callBridge<Result<Order[]>>(app, 'order.open');
    if (!open.ok) throw new Error(open.error.message);
    // An order that needs attention is no longer followed: nothing to wait for.
    return open.data.filter((o) => (o.state === 'created' || o.state === 'creating') && o.attention === null);
  };
  const left = await waiting();
  if (left.length === 0) return;
  await useProfile(app, 'demo');
  for (const order of left) {
    if (order.profile === 'demo') await callBridge(app, 'demo.expire', { verificationId: order.verificationId });
    else if (sim?.orders().some((o) => o.verification_id === order.verificationId && o.status['status'] === 'CREATED')) sim.expire(order.verificationId);
  }
  // Each takes one more question to Cashfree, at the desk's pace.
  await expect.poll(async () => (await waiting()).map((o) => o.name), { timeout: 60_000, interval: 250 }).toEqual([]);
}
