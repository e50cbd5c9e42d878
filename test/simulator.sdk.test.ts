// Cashfree's official Node SDK against the simulator: proves an unchanged Cashfree client works.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Cashfree } from 'cashfree-verification';
import { startSimulator } from '../electron/simulator/server.ts';
import type { Simulator } from '../electron/simulator/server.ts';
import { generateKeys, makeSignature } from '../electron/simulator/signature.ts';

const CLIENT_ID = 'CF_SDK_TEST';
const CLIENT_SECRET = 'cfsk_sdk_test';

// The SDK bundles its own axios, so its errors are recognised by shape, not by class.
// AxiosHeaders is a class instance: read through its JSON form.
const axiosHeaders = z
  .custom<{ toJSON(): unknown }>((h) => typeof (h as { toJSON?: unknown } | null)?.toJSON === 'function')
  .transform((h) => z.record(z.string(), z.unknown()).parse(h.toJSON()));
const sdkErrorSchema = z.object({
  isAxiosError: z.literal(true),
  response: z.object({ status: z.number(), data: z.unknown(), headers: axiosHeaders }),
});
async function sdkError(promise: Promise<unknown>): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }> {
  const outcome = await promise.then(
    () => ({ rejected: false as const }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) throw new Error('the SDK call was expected to fail');
  return sdkErrorSchema.parse(outcome.error).response;
}

describe('official cashfree-verification SDK', () => {
  let sim: Simulator | undefined;

  beforeAll(() => {
    // No error analytics: tests make no calls beyond 127.0.0.1.
    Cashfree.XEnableErrorAnalytics = false;
    Cashfree.XClientId = CLIENT_ID;
    Cashfree.XClientSecret = CLIENT_SECRET;
    Cashfree.XEnvironment = Cashfree.Environment.SANDBOX;
  });
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  afterAll(() => {
    Cashfree.basePath = undefined as unknown as string;
  });

  it('creates an order and reads its status by verification_id and by ref_id', async () => {
    sim = await startSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, seed: 1 });
    Cashfree.basePath = sim.baseUrl;
    const created = await Cashfree.VrsReversePennyDropCreateRequest({ verification_id: 'sdk_order_1', name: 'Rahul Kumar' });
    expect(created.status).toBe(200);
    expect(created.data.verification_id).toBe('sdk_order_1');
    expect(typeof created.data.ref_id).toBe('number');
    expect(created.data.upi_link).toMatch(/^upi:\/\/pay\?/);

    const pending = await Cashfree.VrsReversePennyDropFetchStatus(undefined, 'sdk_order_1');
    expect(pending.data.status).toBe('CREATED');

    sim.pay('sdk_order_1', { name_at_bank: 'RAHUL KUMAR' });
    const paid = await Cashfree.VrsReversePennyDropFetchStatus(String(created.data.ref_id), undefined);
    expect(paid.data).toMatchObject({ status: 'SUCCESS', verification_id: 'sdk_order_1', name_match_result: 'DIRECT_MATCH' });
  });

  it('surfaces Cashfree error bodies through axios errors', async () => {
    sim = await startSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    Cashfree.basePath = sim.baseUrl;
    await Cashfree.VrsReversePennyDropCreateRequest({ verification_id: 'sdk_dup' });
    const duplicate = await sdkError(Cashfree.VrsReversePennyDropCreateRequest({ verification_id: 'sdk_dup' }));
    expect(duplicate.status).toBe(400);
    expect(duplicate.data).toEqual({
      type: 'validation_error',
      code: 'invalid_verification_id',
      message: 'verification_id already exists',
    });
    const neither = await sdkError(Cashfree.VrsReversePennyDropFetchStatus());
    expect(neither.status).toBe(400);
    Cashfree.XClientSecret = 'not-the-secret';
    const unauthorised = await sdkError(Cashfree.VrsReversePennyDropFetchStatus(undefined, 'sdk_dup')).finally(() => {
      Cashfree.XClientSecret = CLIENT_SECRET;
    });
    expect(unauthorised.status).toBe(401);
  });

  it('answers the SDK as its documented table says: unknown ids, both ids at once, any x-api-version, CREATED shape', async () => {
    sim = await startSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, seed: 3 });
    Cashfree.basePath = sim.baseUrl;
    const before = Cashfree.XApiVersion;
    try {
      for (const version of ['2023-12-18', '2024-12-01', undefined]) {
        Cashfree.XApiVersion = version as unknown as string;
        const id = `sdk_v_${version ?? 'none'}`;
        expect((await Cashfree.VrsReversePennyDropCreateRequest({ verification_id: id, name: 'Asha Rao' })).status).toBe(200);
      }
    } finally {
      Cashfree.XApiVersion = before;
    }
    const created = await Cashfree.VrsReversePennyDropCreateRequest({ verification_id: 'sdk_shape', name: 'Asha Rao' });
    const both = await Cashfree.VrsReversePennyDropFetchStatus(String(created.data.ref_id), 'sdk_shape');
    expect(Object.keys(both.data).sort()).toEqual(['account_type', 'added_on', 'processed_on', 'ref_id', 'status', 'verification_id']);
    expect(both.data).toMatchObject({ status: 'CREATED', ref_id: String(created.data.ref_id), account_type: '' });

    const unknownId = await sdkError(Cashfree.VrsReversePennyDropFetchStatus(undefined, 'sdk_nobody'));
    expect(unknownId).toMatchObject({ status: 400, data: { type: 'validation_error', message: 'Please enter a valid verification_id' } });
    const unknownRef = await sdkError(Cashfree.VrsReversePennyDropFetchStatus('999999999', undefined));
    expect(unknownRef).toMatchObject({ status: 400, data: { message: 'Please enter a valid ref_id' } });
    const mismatched = await sdkError(Cashfree.VrsReversePennyDropFetchStatus('999999999', 'sdk_shape'));
    expect(mismatched.status).toBe(400);
  });

  it('rate-limits with 429 and the X-RateLimit headers the SDK passes on', async () => {
    sim = await startSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimitPerMinute: 2 });
    Cashfree.basePath = sim.baseUrl;
    await Cashfree.VrsReversePennyDropCreateRequest({ verification_id: 'sdk_rl_1' });
    await Cashfree.VrsReversePennyDropCreateRequest({ verification_id: 'sdk_rl_2' });
    const limited = await sdkError(Cashfree.VrsReversePennyDropCreateRequest({ verification_id: 'sdk_rl_3' }));
    expect(limited).toMatchObject({ status: 429, data: { type: 'rate_limit_error' } });
    expect(limited.headers).toMatchObject({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '0' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('works with public-key 2FA when the signature header is passed, and is refused without it', async () => {
    const keys = generateKeys();
    sim = await startSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, privateKeyPem: keys.privateKeyPem });
    Cashfree.basePath = sim.baseUrl;
    const signed = (): { headers: Record<string, string> } => ({ headers: { 'x-cf-signature': makeSignature(keys.publicKeyPem, CLIENT_ID) } });

    const created = await Cashfree.VrsReversePennyDropCreateRequest({ verification_id: 'sdk_signed', name: 'Priya Nair' }, signed());
    expect(created.status).toBe(200);
    const read = await Cashfree.VrsReversePennyDropFetchStatus(undefined, 'sdk_signed', signed());
    expect(read.data.status).toBe('CREATED');

    const unsigned = await sdkError(Cashfree.VrsReversePennyDropFetchStatus(undefined, 'sdk_signed'));
    expect(unsigned.status).toBe(403);
    expect(unsigned.data).toMatchObject({ type: 'authentication_error', code: 'signature_invalid' });
  });
});
