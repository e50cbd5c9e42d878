// The secret never goes to an address it was not entered for. A real listener on 127.0.0.1
// records every request's headers; pointing a profile at it (through the channel, as the window
// does) removes the saved secret, so Test connection and orders send it nothing, unless the
// agent enters the secret again in the same save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime } from '../electron/core/runtime.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import type { SettingsService } from '../electron/core/settings/index.ts';
import { startSimulator } from '../electron/simulator/server.ts';
import type { Simulator } from '../electron/simulator/server.ts';
import { answering } from './fixtures/answers.ts';

const ID = 'TEST1000sandboxid9876';
const SECRET = 'cfsk_ma_test_S3cr3tValue_abcdef0123456789';
const OTHER_SECRET = 'cfsk_ma_test_Other_fedcba9876543210';

let sim: Simulator;
let listener: Server;
let listenerUrl: string;
const seen: IncomingHttpHeaders[] = [];
let rt: Runtime;
let settings: SettingsService;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clientId: ID, clientSecret: SECRET, quiet: true });
  listener = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ type: 'validation_error', code: 'invalid_request', message: 'Please enter a valid verification_id / ref_id' }));
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as { port: number }).port}/verification`;
  const dir = mkdtempSync(join(tmpdir(), 'rpd-address-'));
  settings = openPlainNodeSettings({ dir });
  rt = await startRuntime({ dataDir: dir, transport: 'browser', settings });
});
afterAll(async () => {
  await rt?.close();
  await sim?.close();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

async function savedKeysOnSimulator(): Promise<void> {
  expect((await rt.handlers['settings.setBaseUrl']({ kind: 'sandbox', url: sim.baseUrl })).ok).toBe(true);
  expect((await rt.handlers['settings.saveCredentials']({ kind: 'sandbox', clientId: ID, clientSecret: SECRET, allowWeak: true })).ok).toBe(true);
  expect(await rt.handlers['settings.testConnection']({ kind: 'sandbox' })).toMatchObject({ ok: true, data: { ok: true } });
}

describe('changing a profile\'s address', () => {
  it('removes the saved secret, and Test connection then sends nothing', async () => {
    await savedKeysOnSimulator();
    const moved = await rt.handlers['settings.setBaseUrl']({ kind: 'sandbox', url: listenerUrl });
    expect(moved).toMatchObject({ ok: true, data: { configured: false, baseUrl: listenerUrl, clientIdHint: '…9876' } });
    const probe = await rt.handlers['settings.testConnection']({ kind: 'sandbox' });
    expect(probe).toMatchObject({ ok: true, data: { ok: false, code: 'not_configured' } });
    expect(await rt.handlers['settings.setProfile']({ kind: 'sandbox' })).toMatchObject({ ok: true });
    expect(await rt.handlers['order.create']({ name: 'Asha Rao' })).toMatchObject({ ok: false, error: { code: 'not_configured' } });
    expect(seen).toEqual([]);
    expect((await answering(settings).getCredentials('sandbox')).ok).toBe(false);
  });

  it('going back to Cashfree\'s own address also removes it', async () => {
    await savedKeysOnSimulator();
    expect(await rt.handlers['settings.setBaseUrl']({ kind: 'sandbox', url: null })).toMatchObject({ ok: true, data: { configured: false } });
  });

  it('keeps the secret when the address stays the same (a trailing slash is the same address)', async () => {
    await savedKeysOnSimulator();
    expect(await rt.handlers['settings.setBaseUrl']({ kind: 'sandbox', url: `${sim.baseUrl}/` })).toMatchObject({ ok: true, data: { configured: true } });
  });

  it('takes the secret entered again in the same save, and then sends it there', async () => {
    await savedKeysOnSimulator();
    const moved = await rt.handlers['settings.setBaseUrl']({ kind: 'sandbox', url: listenerUrl, clientSecret: OTHER_SECRET, allowWeak: true });
    expect(moved).toMatchObject({ ok: true, data: { configured: true, baseUrl: listenerUrl } });
    await rt.handlers['settings.testConnection']({ kind: 'sandbox' });
    expect(seen.map((h) => h['x-client-secret'])).toEqual([OTHER_SECRET]);
    seen.length = 0;
  });

  it('refuses a bad secret in the same save before changing anything', async () => {
    await savedKeysOnSimulator();
    const r = await rt.handlers['settings.setBaseUrl']({ kind: 'sandbox', url: listenerUrl, clientSecret: 'has space' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(settings.getPublicSettings().profiles.sandbox).toMatchObject({ configured: true, baseUrl: sim.baseUrl });
    const noConsent = await rt.handlers['settings.setBaseUrl']({ kind: 'sandbox', url: listenerUrl, clientSecret: OTHER_SECRET, allowWeak: false });
    expect(noConsent).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(settings.getPublicSettings().profiles.sandbox).toMatchObject({ baseUrl: sim.baseUrl });
    expect(seen).toEqual([]);
  });
});
