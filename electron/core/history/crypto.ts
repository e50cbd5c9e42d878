// AES-256-GCM sealing of the personal data in a history row.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
export const DATA_KEY_BYTES = 32;

export function assertDataKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== DATA_KEY_BYTES) {
    throw new TypeError(`history data key must be ${DATA_KEY_BYTES} bytes`);
  }
}

/**
 * [format 1 byte][iv 12][tag 16][ciphertext]. `aad` binds the blob to its row (the verification id),
 * so a blob copied onto another row fails to open instead of showing another customer's data.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_V1), iv, cipher.getAuthTag(), body]);
}

/** The plaintext, or null when the data key does not open the blob (wrong key, or changed bytes): never garbage. */
export function unseal(key: Buffer, blob: Uint8Array, aad: Buffer): Buffer | null {
  if (blob.length < HEADER_BYTES || blob[0] !== FORMAT_V1) return null;
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.length);
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(buf.subarray(1 + IV_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([decipher.update(buf.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
