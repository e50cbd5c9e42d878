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
const sdkErrorSchema = z.object({ isAxiosError: z.literal(true), response: z.object({ status: z.number(), data: z.unknown() }) });
async function sdkError(promise: Promise<unknown>): Promise<{ status: number; data: unknown }> {
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
      type: 'invalid_request',
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
