// One variant alone in a fresh process: N create + status pairs against a simulator the parent
// runs, then memory (after a full GC when exposed), peak RSS and listeners on `process`.
// usage: node --expose-gc bench/client-child.ts <variant> <baseUrl> <pairs> [publicKeyPemFile]
import { readFileSync } from 'node:fs';
import { makeVariant, processListenerCount, sdkTimeouts, VARIANTS, type VariantName } from './client-variants.ts';

const [name, baseUrl, pairsText, keyFile] = process.argv.slice(2);
if (!name || !(VARIANTS as readonly string[]).includes(name) || !baseUrl || !pairsText) {
  throw new Error('usage: client-child <variant> <baseUrl> <pairs> [publicKeyPemFile]');
}
const pairs = Number(pairsText);
const listenersBefore = processListenerCount();
const variant = await makeVariant(name as VariantName, { baseUrl, ...(keyFile ? { publicKeyPem: readFileSync(keyFile, 'utf8') } : {}) });
const run = `${name}_${process.pid}_${Date.now().toString(36)}`;
let errors = 0;
for (let i = 0; i < pairs; i++) {
  try {
    await variant.pair(`${run}_${i}`);
  } catch {
    errors++;
  }
}
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const mem = process.memoryUsage();
const out = {
  calls: pairs * 2,
  errors,
  sdk_timeouts: sdkTimeouts,
  rss_mb: Math.round((mem.rss / 1024 / 1024) * 10) / 10,
  heap_used_mb: Math.round((mem.heapUsed / 1024 / 1024) * 10) / 10,
  peak_rss_mb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
  process_listeners_before: listenersBefore,
  process_listeners: processListenerCount(),
};
await variant.close();
process.stdout.write(JSON.stringify(out) + '\n');
// The SDK's analytics may keep handles open; the measurement is done.
process.exit(0);
