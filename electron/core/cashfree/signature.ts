// x-cf-signature for Cashfree's "2FA: public key" mode (used instead of IP whitelisting).
// RSA-OAEP with SHA-1 for both the hash and MGF1 (Node's oaepHash sets both), over
// "<clientId>.<unix seconds>", base64. Made fresh for each request: Cashfree accepts it only briefly.
import { constants, createPublicKey, publicEncrypt, type KeyObject } from 'node:crypto';

/** Parses and checks the PEM once; throws a plain Error (no key material) when it is not an RSA public key. */
export function loadPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error('The public key is not a PEM public key.');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`The public key is a ${key.asymmetricKeyType ?? 'unknown'} key; Cashfree issues RSA keys.`);
  }
  return key;
}

export function makeSignature(clientId: string, publicKey: KeyObject | string, nowMs: number = Date.now()): string {
  const key = typeof publicKey === 'string' ? loadPublicKey(publicKey) : publicKey;
  const plain = `${clientId}.${Math.floor(nowMs / 1000)}`;
  const encrypted = publicEncrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    Buffer.from(plain, 'utf8'),
  );
  return encrypted.toString('base64');
}
