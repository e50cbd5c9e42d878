// Orders and temp directories for the history tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Order, RemitterResult } from '../shared/domain.ts';
import { appLinksFromUpi } from '../shared/links.ts';
import { makeOrder } from './fixtures/orders.ts';

export const T0 = Date.UTC(2026, 0, 15, 9, 30);

export function remitter(over: Partial<RemitterResult> = {}): RemitterResult {
  return {
    nameAtBank: 'BHARATHTEST GKUMARUT',
    bankAccount: '026291800001191',
    maskedAccount: 'XXXXXXXXXXX1191',
    ifsc: 'YESB0000262',
    upi: 'bharath.k77@okhdfcbank',
    utr: '433018227301',
    nameMatchScore: 88,
    nameMatchResult: 'GOOD_PARTIAL_MATCH',
    reversalStatus: 'TRANSFER_SUCCESS',
    accountType: 'SAVINGS',
    processedOn: '2026-01-15 09:31:02',
    pennyCollectedOn: '2026-01-15 09:30:40',
    ...over,
  };
}

/** A fresh order as history first sees it ("creating", no answer yet), at a fixed time. */
export function order(over: Partial<Order> = {}): Order {
  return makeOrder({
    verificationId: `vrf_${Math.random().toString(36).slice(2, 12)}`,
    refId: null,
    name: 'Bharath Kumar',
    state: 'creating',
    createdAt: T0,
    updatedAt: T0,
    validUpto: null,
    links: null,
    ...over,
  });
}

export function links(tr: string): Order['links'] {
  return appLinksFromUpi(`upi://pay?pa=cf.rpd@yesbank&pn=Cashfree&am=1.00&tr=${tr}&mam=1.00&cu=INR&mode=01&purpose=00`);
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'rpd-history-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
