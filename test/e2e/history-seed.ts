// Fills a data folder's history with many orders, as the app would have written them over months,
// before `npm run web` opens it.
import { join } from 'node:path';
import type { Order } from '../../shared/domain.ts';
import { keyFileProtector, loadOrCreateDataKey, openHistory } from '../../electron/core/history/index.ts';
import { HISTORY_FILE } from '../../electron/core/runtime.ts';
import { makeOrder } from '../../bench/history.ts';

/** A small seeded generator: the same folder content on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * Writes `count` orders spread over the `days` before `end`, newest last. Only final states:
 * the app resumes tracking open orders at start, and these were never sent to any Cashfree.
 */
export async function seedHistory(dir: string, count: number, { end = Date.now() - 3_600_000, days = 150 } = {}): Promise<void> {
  const dataKey = await loadOrCreateDataKey(dir, keyFileProtector);
  const store = openHistory({ file: join(dir, HISTORY_FILE), dataKey: dataKey.key, protection: dataKey.protection });
  try {
    const r = seeded(count);
    const start = end - days * 86_400_000;
    const step = Math.floor((end - start) / count);
    const batch: Order[] = [];
    for (let i = 0; i < count; i++) {
      const order = makeOrder(r, i, start + i * step);
      batch.push(order.state === 'created' ? { ...order, state: 'expired' } : order);
      if (batch.length === 5000 || i === count - 1) store.insertMany(batch.splice(0));
    }
  } finally {
    store.close();
  }
}
