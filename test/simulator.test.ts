import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { startSimulator } from '../electron/simulator/server.ts';
import type { Simulator } from '../electron/simulator/server.ts';

const AUTH = { 'x-client-id': 'demo-id', 'x-client-secret': 'demo-secret', 'x-api-version': '2023-12-18' };

async function createOrder(sim: Simulator, body: unknown, headers: Record<string, string> = AUTH): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${sim.baseUrl}/reverse-penny-drop`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function getStatus(sim: Simulator, query: string, headers: Record<string, string> = AUTH): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${sim.baseUrl}/remitter/status${query}`, { headers });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('simulator basics', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({ seed: 42 });
  });
  afterEach(async () => {
    await sim.close();
  });

  it('creates an order with a numeric ref_id, app links and a QR of the UPI link', async () => {
    const { status, json } = await createOrder(sim, { verification_id: 'order_1', name: 'Rahul Kumar' });
    expect(status).toBe(200);
    expect(json['verification_id']).toBe('order_1');
    expect(typeof json['ref_id']).toBe('number');
    expect(json['valid_upto']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const upiLink = String(json['upi_link']);
    expect(upiLink).toMatch(/^upi:\/\/pay\?pa=[^&]+&pn=[^&]+&am=1\.00&tr=[^&]+&mam=1\.00&cu=INR&mode=01&purpose=00$/);
    const png = PNG.sync.read(Buffer.from(String(json['qr_code']), 'base64'));
    expect([png.width, png.height]).toEqual([256, 256]);
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(upiLink);
  });

  it('reports CREATED, then SUCCESS after the control API pays', async () => {
    const created = await createOrder(sim, { verification_id: 'order_2', name: 'Rahul Kumar' });
    const before = await getStatus(sim, '?verification_id=order_2');
    expect(before.json).toMatchObject({ status: 'CREATED', ref_id: String(created.json['ref_id']), account_type: '' });
    const paid = await fetch(`${sim.origin}/__sim/orders/order_2/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name_at_bank: 'RAHUL KUMAR' }),
    });
    expect(paid.status).toBe(200);
    const after = await getStatus(sim, `?ref_id=${String(created.json['ref_id'])}`);
    expect(after.json).toMatchObject({ status: 'SUCCESS', name_at_bank: 'RAHUL KUMAR', name_match_result: 'DIRECT_MATCH', name_match_score: '100' });
  });

  it('rejects calls without credentials', async () => {
    const { status, json } = await createOrder(sim, { verification_id: 'x' }, {});
    expect(status).toBe(400);
    expect(json).toEqual({ type: 'validation_error', code: 'x-client-id_missing', message: 'x-client-id is missing in the request' });
  });
});
