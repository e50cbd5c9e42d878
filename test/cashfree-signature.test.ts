import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadPublicKey, makeSignature } from '../electron/core/cashfree/signature.ts';

const { publicKey, privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

describe('x-cf-signature', () => {
  it('is RSA-OAEP (SHA-1 hash and MGF1) of "<clientId>.<unix seconds>", base64, 344 characters', () => {
    const now = Date.UTC(2026, 10, 25, 12, 0, 0, 789);
    const sig = makeSignature('CF_CLIENT_1', publicKey, now);
    expect(sig).toHaveLength(344);
    const plain = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(sig, 'base64'),
    ).toString('utf8');
    expect(plain).toBe(`CF_CLIENT_1.${Math.floor(now / 1000)}`);
  });

  it('does not decrypt as OAEP with SHA-256 (the hash really is SHA-1)', () => {
    const sig = makeSignature('CF_CLIENT_1', publicKey);
    expect(() =>
      privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(sig, 'base64')),
    ).toThrow();
  });

  it('is different every time (OAEP is randomised)', () => {
    const now = Date.now();
    expect(makeSignature('id', publicKey, now)).not.toBe(makeSignature('id', publicKey, now));
  });

  it('refuses keys that are not RSA public keys, without echoing them', () => {
    expect(() => loadPublicKey('not a key')).toThrow(/not a PEM public key/);
    const ec = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }).publicKey;
    expect(() => loadPublicKey(ec)).toThrow(/ec key/);
  });
});
