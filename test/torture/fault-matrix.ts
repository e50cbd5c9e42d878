// The fault matrix the torture tests run on create and on status: each simulator fault both for
// a few calls (the app recovers) and for every call (it cannot).
import type { FaultsInput } from '../../electron/simulator/server.ts';

export type Fault = { name: string; spec: NonNullable<FaultsInput['create']> };

export const FAULTS: Fault[] = [
  { name: 'latency below the timeout', spec: { latency_ms: 100 } },
  { name: 'latency beyond the timeout, once', spec: { latency_ms: 700, count: 1 } },
  { name: '5xx twice', spec: { status_5xx: 2 } },
  { name: '5xx always', spec: { status_5xx: true } },
  { name: '429 with Retry-After, once', spec: { rate_limit: { count: 1, retry_after_s: 1 } } },
  { name: '429 always', spec: { rate_limit: { retry_after_s: 30 } } },
  { name: 'connection reset once', spec: { reset: 1 } },
  { name: 'connection reset always', spec: { reset: true } },
  { name: 'hang once', spec: { hang: 1 } },
  { name: 'hang always', spec: { hang: true } },
  { name: 'malformed body once', spec: { malformed: 1 } },
  { name: 'malformed body always', spec: { malformed: true } },
];

/** Client timeout: short, so hangs and slow answers cost little; any outcome is allowed anyway. */
export const TIMEOUT_MS = 400;
