// Settings through the contract's handlers: keys saved write-only, the hint shown instead, the
// profile switch, and "Test connection" against the simulator with wrong and right keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime } from '../electron/core/runtime.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import { startSimulator } from '../electron/simulator/server.ts';
import type { Simulator } from '../electron/simulator/server.ts';

const ID = 'TEST1000sandboxid9876';
const SECRET = 'cfsk_ma_test_S3cr3tValue_abcdef0123456789';
let sim: Simulator;
let rt: Runtime;
let dir: string;
const replies: string[] = [];

async function call(channel: keyof Runtime['handlers'], input?: unknown) {
  const reply = await rt.handlers[channel](input);
  replies.push(JSON.stringify(reply));
  return reply;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clientId: ID, clientSecret: SECRET, quiet: true });
  dir = mkdtempSync(join(tmpdir(), 'rpd-settings-'));
  rt = await startRuntime({ dataDir: dir, transport: 'browser', settings: openPlainNodeSettings({ dir }) });
});
afterAll(async () => {
  await rt?.close();
  await sim?.close();
});

describe('settings channels', () => {
  it('starts on Demo with no keychain outside Electron', async () => {
    const r = await call('settings.get');
    expect(r).toMatchObject({ ok: true, data: { activeProfile: 'demo', keychain: 'none' } });
  });

  it('refuses to store a secret without the weak-protection choice, then stores it with it', async () => {
    const refused = await call('settings.saveCredentials', { kind: 'sandbox', clientId: ID, clientSecret: SECRET });
    expect(refused.ok).toBe(false);
    const saved = await call('settings.saveCredentials', { kind: 'sandbox', clientId: ID, clientSecret: SECRET, allowWeak: true });
    expect(saved).toMatchObject({ ok: true, data: { kind: 'sandbox', configured: true, clientIdHint: '…9876' } });
  });

  it('tests the connection: wrong keys named as such, right keys work', async () => {
    // A new address takes the secret again in the same save (else it removes it).
    expect((await call('settings.setBaseUrl', { kind: 'sandbox', url: sim.baseUrl, clientSecret: SECRET })).ok).toBe(true);
    expect(await call('settings.testConnection', { kind: 'sandbox' })).toMatchObject({ ok: true, data: { ok: true } });
    await call('settings.saveCredentials', { kind: 'sandbox', clientSecret: `${SECRET}x`, allowWeak: true });
    const wrong = await call('settings.testConnection', { kind: 'sandbox' });
    expect(wrong).toMatchObject({ ok: true, data: { ok: false, code: 'auth_failed' } });
    await call('settings.saveCredentials', { kind: 'sandbox', clientSecret: SECRET, allowWeak: true });
  });

  it('switches to Sandbox and creates orders there with the new keys', async () => {
    expect(await call('settings.setProfile', { kind: 'sandbox' })).toMatchObject({ ok: true, data: { status: 'switched' } });
    expect(await call('app.info')).toMatchObject({ ok: true, data: { profile: 'sandbox', demo: false } });
    const created = await call('order.create', { name: 'Meera Iyer' });
    expect(created).toMatchObject({ ok: true, data: { profile: 'sandbox', state: 'created' } });
    expect(await call('demo.pay', { verificationId: created.ok ? (created.data as { verificationId: string }).verificationId : '' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('asks before Production the first time', async () => {
    expect(await call('settings.setProfile', { kind: 'production' })).toMatchObject({ ok: true, data: { status: 'needs_confirmation' } });
    expect(await call('settings.setProfile', { kind: 'production', confirmProduction: true })).toMatchObject({ ok: true, data: { status: 'switched' } });
    const noKeys = await call('order.create', { name: 'Meera Iyer' });
    expect(noKeys).toMatchObject({ ok: false, error: { code: 'not_configured' } });
    await call('settings.setProfile', { kind: 'demo' });
  });

  it('exports settings without secrets', async () => {
    const exported = await call('settings.export');
    expect(exported.ok).toBe(true);
    expect(JSON.stringify(exported)).not.toContain(ID);
  });

  it('copies diagnostics with the recent errors and no secret', async () => {
    const r = await call('app.diagnostics');
    if (!r.ok) throw new Error(r.error.message);
    const text = (r.data as { text: string }).text;
    expect(text).toMatch(/^RPD Desk diagnostics/);
    expect(text).toContain('Profile: demo');
    expect(text).toContain('[not_configured]');
    expect(text).not.toContain(ID);
    expect(await call('app.openLogs')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('never answers with a secret, nor stores one in clear', () => {
    for (const reply of replies) expect(reply).not.toContain(SECRET);
    for (const file of readdirSync(dir)) {
      const path = join(dir, file);
      try {
        expect(readFileSync(path, 'utf8')).not.toContain(SECRET);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EISDIR') throw e;
      }
    }
  });
});
