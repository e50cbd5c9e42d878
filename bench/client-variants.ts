// The ways of making one create + status round trip that the client benchmark compares:
// this app's CashfreeClient, a bare undici Pool (the floor), and Cashfree's official SDK with its
// error analytics off and on (its default). Shared by the in-process latency run and by the
// child processes that measure memory and listeners.
import { Pool } from 'undici';
import { CashfreeClient } from '../electron/core/cashfree/client.ts';
import type * as CashfreeSdk from 'cashfree-verification';

export const VARIANTS = ['ours', 'floor', 'sdk', 'sdk_analytics', 'signed'] as const;
export type VariantName = (typeof VARIANTS)[number];

export const CLIENT_ID = 'bench_client';
export const CLIENT_SECRET = 'bench_secret_value';
const NAME = 'Rahul Kumar';

export interface Variant {
  /** One create then one status of the same order. */
  pair(verificationId: string): Promise<void>;
  close(): Promise<void>;
}

export interface VariantTarget {
  baseUrl: string;
  /** For 'signed': the simulator's public key. */
  publicKeyPem?: string;
}

/** The SDK is configured through static fields, so both SDK variants share one import. */
type SdkModule = typeof CashfreeSdk;
let sdkModule: Promise<SdkModule> | null = null;
const loadSdk = (): Promise<SdkModule> => (sdkModule ??= import('cashfree-verification'));

/** Bounds an SDK call so a stuck analytics init cannot stall the whole run. */
export const SDK_CALL_TIMEOUT_MS = 10_000;
export let sdkTimeouts = 0;

function bounded<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      sdkTimeouts++;
      reject(new Error(`SDK call took longer than ${SDK_CALL_TIMEOUT_MS} ms`));
    }, SDK_CALL_TIMEOUT_MS);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

export async function makeVariant(name: VariantName, target: VariantTarget): Promise<Variant> {
  if (name === 'ours' || name === 'signed') {
    const client = new CashfreeClient({
      baseUrl: target.baseUrl,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      appVersion: '0.0.0-bench',
      ...(name === 'signed' ? { publicKeyPem: target.publicKeyPem } : {}),
    });
    return {
      async pair(verificationId) {
        await client.create({ verificationId, name: NAME });
        await client.status({ verificationId });
      },
      close: () => client.close(),
    };
  }
  if (name === 'floor') {
    const url = new URL(target.baseUrl);
    const base = url.pathname.replace(/\/+$/, '');
    const pool = new Pool(url.origin, { connections: 8, keepAliveTimeout: 30_000 });
    const headers = { 'x-client-id': CLIENT_ID, 'x-client-secret': CLIENT_SECRET, 'x-api-version': '2023-12-18', accept: 'application/json' };
    const call = async (method: 'GET' | 'POST', path: string, body?: string): Promise<unknown> => {
      const res = await pool.request({
        method,
        path: `${base}${path}`,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body }),
      });
      const parsed: unknown = JSON.parse(await res.body.text());
      if (res.statusCode !== 200) throw new Error(`floor: HTTP ${res.statusCode}`);
      return parsed;
    };
    return {
      async pair(verificationId) {
        await call('POST', '/reverse-penny-drop', JSON.stringify({ verification_id: verificationId, name: NAME }));
        await call('GET', `/remitter/status?verification_id=${encodeURIComponent(verificationId)}`);
      },
      close: () => pool.close(),
    };
  }
  const { Cashfree } = await loadSdk();
  const analytics = name === 'sdk_analytics';
  const configure = (): void => {
    Cashfree.XClientId = CLIENT_ID;
    Cashfree.XClientSecret = CLIENT_SECRET;
    Cashfree.XEnvironment = Cashfree.Environment.SANDBOX;
    Cashfree.basePath = target.baseUrl;
    Cashfree.XEnableErrorAnalytics = analytics;
  };
  return {
    async pair(verificationId) {
      configure();
      await bounded(Cashfree.VrsReversePennyDropCreateRequest({ verification_id: verificationId, name: NAME }));
      configure();
      await bounded(Cashfree.VrsReversePennyDropFetchStatus(undefined, verificationId));
    },
    close: async () => {},
  };
}

/** Listeners on `process` in all: the SDK's analytics add some per call. */
export function processListenerCount(): number {
  return process.eventNames().reduce((n, event) => n + process.listenerCount(event), 0);
}
