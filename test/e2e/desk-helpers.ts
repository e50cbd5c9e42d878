// Steps the verdict and accessibility journeys share: switch profile, point Sandbox at a
// simulator the test controls, make an order from the page.
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

