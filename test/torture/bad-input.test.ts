// Bad input: generated inputs against every contract channel (10,000 in all): hostile and
// huge strings, wrong types, prototype-pollution keys. Each answer is a Result; input the
// channel's schema refuses gets invalid_input; nothing throws, hangs or pollutes prototypes.
// A sample goes through the HTTP bridge as well.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startBridge } from '../../electron/bridge.ts';
import type { Bridge } from '../../electron/bridge.ts';
import type { Runtime } from '../../electron/core/runtime.ts';
import { startSimulator } from '../../electron/simulator/server.ts';
import type { Simulator } from '../../electron/simulator/server.ts';
import { CHANNELS, contract } from '../../shared/contract.ts';
import type { ChannelName } from '../../shared/contract.ts';
import { ERROR_CODES } from '../../shared/result.ts';
import { CLIENT_ID, CLIENT_SECRET, tortureRuntime } from './helpers.ts';

const TOTAL_INPUTS = 10_000;
const ANSWER_WITHIN_MS = 10_000;

const HOSTILE = [
  "'; DROP TABLE orders; --",
  '" OR 1=1 --',
  'Robert\u0000Tables',
  '\u202eevil\u202c',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '%s%s%s%n',
  '\ud800',
  '🧪'.repeat(300),
  'a'.repeat(100_000),
  ' ',
  '',
  'NaN',
  '__proto__',
  'constructor',
  'rpd_../../x',
  'x'.repeat(51),
];
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ minLength: 1_000, maxLength: 5_000 }));
const key = fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 12 }));
const anyValue = fc.anything({ key, maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true });

/** Field names the channels use, so that inputs come near valid ones, not only far off. */
const FIELDS = ['name', 'note', 'replaces', 'verificationId', 'nameAtBank', 'text', 'sensitive', 'kind', 'confirmProduction', 'url', 'json', 'query', 'full', 'confirm', 'limit', 'cursor', 'states', 'clientId', 'clientSecret'];
const nearValid = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), key), fc.oneof(hostileString, anyValue, fc.boolean(), fc.integer(), fc.constant(null)), { maxKeys: 4 });
/** Objects whose own keys include __proto__ as data, as JSON.parse makes them. */
const pollutingJson = fc.constantFrom(...POLLUTING_KEYS).chain((k) => fc.tuple(fc.constant(k), fc.jsonValue()).map(([name, v]) => JSON.parse(`{"${name}": ${JSON.stringify(v ?? null)}, "polluted": true}`) as unknown));
const input = fc.oneof(anyValue, nearValid, pollutingJson, hostileString, fc.constant(undefined), fc.constant(null));

function withinTime<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS))),
  ]).finally(() => clearTimeout(timer));
}

function expectResult(channel: ChannelName, raw: unknown, answer: unknown): void {
  const shape = answer as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  expect(typeof shape.ok, channel).toBe('boolean');
  if (shape.ok === false) {
    expect(ERROR_CODES, channel).toContain(shape.error?.code);
    expect(typeof shape.error?.message).toBe('string');
    expect(String(shape.error?.message).length).toBeGreaterThan(0);
  }
  if (!contract[channel].input.safeParse(raw).success) {
    expect(answer, `${channel} accepted input its schema refuses`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  }
}

function expectNoPollution(): void {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('generated bad input on every channel', () => {
  let sim: Simulator;
  let rt: Runtime;
  let bridge: Bridge;

  beforeAll(async () => {
    sim = await startSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, seed: 17, quiet: true });
    rt = await tortureRuntime(sim, { timeoutMs: 2_000 });
    bridge = await startBridge({ handlers: rt.handlers, events: rt.events });
  });
  afterAll(async () => {
    await bridge?.close();
    await rt?.close();
    await sim?.close();
  });

  it(`answers ${TOTAL_INPUTS} inputs with Results, never a throw or hang`, { timeout: 55_000 }, async () => {
    const perChannel = Math.ceil(TOTAL_INPUTS / CHANNELS.length);
    let calls = 0;
    for (const channel of CHANNELS) {
      await fc.assert(
        fc.asyncProperty(input, async (raw) => {
          calls++;
          const handler = rt.handlers[channel] as (input: unknown) => Promise<unknown>;
          const answer = await withinTime(handler(raw), channel);
          expectResult(channel, raw, answer);
        }),
        { numRuns: perChannel, seed: 20261125 },
      );
      expectNoPollution();
    }
    expect(calls).toBeGreaterThanOrEqual(TOTAL_INPUTS);
    // Still working afterwards.
    const info = await rt.handlers['app.info'](undefined);
    expect(info.ok).toBe(true);
  });

  it('answers the same through the HTTP bridge, malformed bodies included', { timeout: 30_000 }, async () => {
    const post = async (channel: string, body: string): Promise<{ status: number; json: unknown }> => {
      const res = await withinTime(
        fetch(`${bridge.origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rpd-token': bridge.token }, body }),
        channel,
      );
      return { status: res.status, json: await res.json() };
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.jsonValue({ maxDepth: 3 }), async (channel, value) => {
        const body = JSON.stringify(value);
        const { status, json } = await post(channel, body);
        expect(status).toBe(200);
        expectResult(channel, JSON.parse(body), json);
      }),
      { numRuns: 300, seed: 7 },
    );
    for (const body of ['{', 'undefined', '{"__proto__": {"polluted": true}}', '\u0000', '[1,2', '"'.repeat(1000)]) {
      const { status, json } = await post('order.create', body);
      expect([200, 400]).toContain(status);
      expect(json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    // Over the bridge's 1 MB limit: refused (413, or the connection closed mid-upload), and
    // the bridge goes on answering.
    const huge = await fetch(`${bridge.origin}/api/order.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rpd-token': bridge.token },
      body: JSON.stringify({ name: 'x'.repeat(3_000_000) }),
    }).then((res) => res.status, (err: unknown) => (err instanceof Error ? err.message : String(err)));
    expect([413, 'fetch failed']).toContain(huge);
    expect((await post('app.info', 'null')).json).toMatchObject({ ok: true });
    expectNoPollution();
  });
});
