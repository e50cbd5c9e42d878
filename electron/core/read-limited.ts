// Reading a whole body with a ceiling: the Cashfree client's answers and the bridge's requests.
import type { Readable } from 'node:stream';

/**
 * The body's bytes, or null once they grow past `max`. Plain 'data' events: reading through an
 * async iterator cost a measurable share of each call's CPU.
 */
export function readLimited(body: Readable, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > max) {
        body.destroy();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    body.once('end', () => resolve(Buffer.concat(chunks, size)));
    body.once('error', reject);
  });
}
