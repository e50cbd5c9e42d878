// Bad input refused where it enters, through the contract's handlers on a real runtime: keys are
// checked at save with the client's own header rule (a bad paste never overwrites working keys),
// notes lose control and format characters, and `replaces` must name an order in history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let sim: Simulator;
let rt: Runtime;
let settings: SettingsService;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clientId: ID, clientSecret: SECRET, quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'rpd-input-'));
  settings = openPlainNodeSettings({ dir });
  rt = await startRuntime({ dataDir: dir, transport: 'browser', settings });
  expect((await rt.handlers['settings.setBaseUrl']({ kind: 'sandbox', url: sim.baseUrl })).ok).toBe(true);
  expect((await rt.handlers['settings.saveCredentials']({ kind: 'sandbox', clientId: ID, clientSecret: SECRET, allowWeak: true })).ok).toBe(true);
});
afterAll(async () => {
  await rt?.close();
  await sim?.close();
});

describe('keys at save', () => {
  it.each([
    ['a zero-width space inside the secret', { clientSecret: `${SECRET.slice(0, 10)}\u200b${SECRET.slice(10)}` }, /client secret contains an invisible character \(U\+200B\)/],
    ['a no-break space inside the id', { clientId: `TEST1000\u00a0sandbox` }, /client id contains a space/],
    ['a curly quote pasted from a document', { clientSecret: `\u201c${SECRET}\u201d` }, /client secret contains a character outside plain ASCII \(U\+201C\)/],
    ['a right-to-left override', { clientId: `\u202e${ID}` }, /client id contains an invisible character \(U\+202E\)/],
  ])('refuses %s with its reason and keeps the working keys', async (_what, paste, reason) => {
    const r = await rt.handlers['settings.saveCredentials']({ kind: 'sandbox', ...paste });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.message).toMatch(reason);
    const kept = await answering(settings).getCredentials('sandbox');
    expect(kept).toMatchObject({ ok: true, data: { clientId: ID, clientSecret: SECRET } });
    expect(await rt.handlers['settings.testConnection']({ kind: 'sandbox' })).toMatchObject({ ok: true, data: { ok: true } });
  });

  it('still takes a paste with a trailing line break', async () => {
    expect((await rt.handlers['settings.saveCredentials']({ kind: 'sandbox', clientSecret: `${SECRET}\r\n` })).ok).toBe(true);
    expect(await answering(settings).getCredentials('sandbox')).toMatchObject({ ok: true, data: { clientSecret: SECRET } });
  });
});

describe('order.create', () => {
  it('stores the note without terminal codes, bidi overrides or line breaks', async () => {
    const r = await rt.handlers['order.create']({ name: 'Asha Rao', note: '\x1b[31mcall\x1b[0m back\u202e\nticket\t#42\0' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.note).toBe('call back ticket #42');
    const page = await rt.handlers['history.search']({ text: 'Asha' });
    expect(page.ok && page.data.rows.find((row) => row.verificationId === r.data.verificationId)?.note).toBe('call back ticket #42');
  });

  it('refuses `replaces` that is not a verification id of an order in history', async () => {
    const stored = rt.history.count();
    for (const replaces of ['vrf_never_made_here', 'not an id!', '../../etc']) {
      const r = await rt.handlers['order.create']({ name: 'Ravi Kumar', replaces });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(rt.history.count()).toBe(stored);
    const first = await rt.handlers['order.create']({ name: 'Ravi Kumar' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = await rt.handlers['order.create']({ name: 'Ravi Kumar', replaces: first.data.verificationId });
    expect(again).toMatchObject({ ok: true, data: { replaces: first.data.verificationId } });
  });
});
