// The edge every transport binds: input parsed once, a CoreError answered as it is, anything
// else answered as 'internal' with its cause for the log only; and "no such order" is one error
// on every channel that takes an order, through the real runtime.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindHandlers } from '../electron/core/handlers.ts';
import type { Impls } from '../electron/core/handlers.ts';
import { coreError } from '../electron/core/error.ts';
import { startRuntime } from '../electron/core/runtime.ts';
import type { Runtime } from '../electron/core/runtime.ts';
import { openPlainNodeSettings } from '../electron/core/settings/index.ts';
import type { ChannelName } from '../shared/contract.ts';
import { validateName } from '../shared/names.ts';
import type { AppError } from '../shared/result.ts';
import { makeOrder } from './fixtures/orders.ts';

type Reported = { channel: ChannelName; error: AppError; cause?: unknown };

function bound(info: Impls<'app.info'>['app.info']): { handlers: ReturnType<typeof bindHandlers>; reported: Reported[] } {
  const reported: Reported[] = [];
  // Only app.info is called below; the other channels are never reached.
  const impls = new Proxy({ 'app.info': info } as Impls<ChannelName>, {
    get: (target, key) => (key in target ? target[key as 'app.info'] : () => null),
  });
  const handlers = bindHandlers(impls, (channel, error, cause) => reported.push({ channel, error, cause }));
  return { handlers, reported };
}

describe('bindHandlers', () => {
  it('answers a thrown CoreError as it is and records it, without a cause', async () => {
    const { handlers, reported } = bound(() => {
      throw coreError('unavailable', 'Not here.', { retryable: true, details: { why: 'test' } });
    });
    const answer = await handlers['app.info'](undefined);
    expect(answer).toEqual({ ok: false, error: { code: 'unavailable', message: 'Not here.', retryable: true, details: { why: 'test' } } });
    expect(reported).toEqual([{ channel: 'app.info', error: { code: 'unavailable', message: 'Not here.', retryable: true, details: { why: 'test' } }, cause: undefined }]);
  });

  it('answers a bug as internal, never with its text, and hands the cause to the log', async () => {
    const bug = new Error('secret-ish detail');
    const { handlers, reported } = bound(() => {
      throw bug;
    });
    const answer = await handlers['app.info'](undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('secret-ish');
    expect(reported).toHaveLength(1);
    expect(reported[0]?.cause).toBe(bug);
  });

  it('refuses input the channel does not accept before the feature runs, and does not record it', async () => {
    let ran = false;
    const { handlers, reported } = bound(() => {
      ran = true;
      return { version: '1', profile: 'demo', demo: true, transport: 'cli' };
    });
    expect(await handlers['app.info']({ extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ran).toBe(false);
    expect(reported).toEqual([]);
  });

  it('checks what leaves: an answer outside the output schema is a bug, not data', async () => {
    const { handlers } = bound(() => ({ version: 1 }) as never);
    expect(await handlers['app.info'](undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('the name rule at the edge', () => {
  /** order.create bound alone, recording what the feature receives. */
  function create(): { handlers: ReturnType<typeof bindHandlers>; received: unknown[] } {
    const received: unknown[] = [];
    const impls = new Proxy({} as Impls<ChannelName>, {
      get: (_target, key) => (key === 'order.create' ? (input: unknown) => (received.push(input), makeOrder()) : () => null),
    });
    return { handlers: bindHandlers(impls, () => {}), received };
  }

  it("refuses a name in the rule's own sentence, before the feature runs", async () => {
    const { handlers, received } = create();
    const check = validateName('R2D2');
    expect(check.ok).toBe(false);
    expect(await handlers['order.create']({ name: 'R2D2' })).toEqual({ ok: false, error: { code: 'invalid_input', message: check.ok ? '' : check.reason, retryable: false } });
    expect(received).toEqual([]);
  });

  it('hands the feature the name as the rule normalized it and the note cleaned, checked once', async () => {
    const { handlers, received } = create();
    expect((await handlers['order.create']({ name: '  Asha\u00a0  D\u2019Souza ', note: 'call\tback\u202e' })).ok).toBe(true);
    expect(received).toEqual([{ name: "Asha D'Souza", note: 'call back' }]);
  });

  it("keeps the fields' own refusals first, as the channel's schema words them", async () => {
    const { handlers } = create();
    expect(await handlers['order.create']({ name: 'R2D2', replaces: 'no spaces allowed' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^Invalid input for order\.create: replaces: /) },
    });
    expect(await handlers['order.create']({ name: 'R2D2', extra: 1 })).toMatchObject({ error: { message: expect.stringMatching(/^Invalid input for order\.create: /) } });
  });
});

describe('no such order', () => {
  let runtime: Runtime | null = null;
  afterEach(async () => {
    await runtime?.close();
    runtime = null;
  });

  it('is the same answer on every channel that takes an order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rpd-edge-'));
    runtime = await startRuntime({ dataDir: dir, transport: 'browser', settings: openPlainNodeSettings({ dir }), platform: { present: async () => {}, saveFile: async () => null, copyImage: async () => {} } });
    const ref = { verificationId: 'rpd_nowhere_1' };
    const expected = { ok: false, error: { code: 'not_found', message: 'There is no order rpd_nowhere_1 on this computer.' } };
    for (const channel of ['order.get', 'order.recheck', 'demo.pay', 'demo.fail', 'demo.expire', 'qr.save', 'qr.copy', 'window.present'] as const) {
      expect(await runtime.handlers[channel](ref), channel).toMatchObject(expected);
    }
  });
});
