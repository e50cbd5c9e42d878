// Cashfree "2FA: public key": every request carries x-cf-signature, the base64 RSA-OAEP
// (SHA-1 hash and MGF1) encryption of `<clientId>.<unix seconds>` under the merchant's public key.
// The simulator holds the private key and checks the clientId and a +-5 minute window.

import { constants, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt, publicEncrypt } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export interface SignatureKeys {
  /** Null when only the public key is known: signatures are then checked for form, not decrypted. */
  privateKey: KeyObject | null;
  publicKeyPem: string;
  /** Length of a signature for this key, in bytes (the RSA modulus: 256 for 2048 bit). */
  signatureBytes: number;
}

function modulusBytes(key: KeyObject): number {
  return Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 2048) / 8);
}

export function keysFromPrivatePem(privateKeyPem: string): SignatureKeys {
  const privateKey = createPrivateKey(privateKeyPem);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem, signatureBytes: modulusBytes(privateKey) };
}

/** Only the public half (what a merchant holds): the header must be there and be an RSA block for this key. */
export function keysFromPublicPem(publicKeyPem: string): SignatureKeys {
  const publicKey = createPublicKey(publicKeyPem);
  if (publicKey.asymmetricKeyType !== 'rsa') throw new Error(`not an RSA public key (${publicKey.asymmetricKeyType ?? 'unknown'})`);
  return { privateKey: null, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), signatureBytes: modulusBytes(publicKey) };
}

export function generateKeys(): SignatureKeys & { privateKey: KeyObject; privateKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    signatureBytes: 256,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** What a Cashfree client sends: fresh for every request. */
export function makeSignature(publicKeyPem: string, clientId: string, nowMs: number = Date.now()): string {
  const plain = `${clientId}.${Math.floor(nowMs / 1000)}`;
  return publicEncrypt(
    { key: publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    Buffer.from(plain, 'utf8'),
  ).toString('base64');
}

export type SignatureCheck = 'ok' | 'missing' | 'invalid' | 'stale';

export function checkSignature(keys: SignatureKeys, header: string | undefined, clientId: string, nowMs: number): SignatureCheck {
  if (header === undefined || header.trim() === '') return 'missing';
  if (keys.privateKey === null) {
    const text = header.trim();
    const ok = /^[A-Za-z0-9+/]+={0,2}$/.test(text) && Buffer.from(text, 'base64').length === keys.signatureBytes;
    return ok ? 'ok' : 'invalid';
  }
  let plain: string;
  try {
    plain = privateDecrypt(
      { key: keys.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(header.trim(), 'base64'),
    ).toString('utf8');
  } catch {
    return 'invalid';
  }
  const dot = plain.lastIndexOf('.');
  const signedClientId = plain.slice(0, dot);
  const seconds = plain.slice(dot + 1);
  if (dot < 0 || signedClientId !== clientId || !/^\d{1,12}$/.test(seconds)) return 'invalid';
  const skew = Math.abs(Number(seconds) - nowMs / 1000);
  return skew <= SIGNATURE_WINDOW_SECONDS ? 'ok' : 'stale';
}

function isPrivateKeyPem(text: string): boolean {
  return /-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(text);
}

export type KeyFileOutcome =
  | { kind: 'loaded'; keys: SignatureKeys; privateKeyPem: string; note: string }
  | { kind: 'public_only'; publicKeyPem: string; note: string }
  | { kind: 'error'; message: string };

/**
 * The CLI's key handling. `--public-key PATH`: a private key there is used as is; a missing file
 * gets a new 2048-bit pair whose public half is written to PATH for clients; a public key there
 * needs `--private-key` too. `--private-key PATH` alone uses that key.
 */
export function resolveKeyFiles(publicKeyPath: string | undefined, privateKeyPath: string | undefined): KeyFileOutcome {
  if (privateKeyPath !== undefined) {
    if (!existsSync(privateKeyPath)) return { kind: 'error', message: `--private-key: no file at ${privateKeyPath}` };
    const privateKeyPem = readFileSync(privateKeyPath, 'utf8');
    if (!isPrivateKeyPem(privateKeyPem)) return { kind: 'error', message: `--private-key: ${privateKeyPath} does not hold a PEM private key` };
    const keys = keysFromPrivatePem(privateKeyPem);
    if (publicKeyPath !== undefined && existsSync(publicKeyPath)) {
      const given = readFileSync(publicKeyPath, 'utf8');
      if (!isPrivateKeyPem(given) && createPublicKey(given).export({ type: 'spki', format: 'pem' }).toString() !== keys.publicKeyPem) {
        return { kind: 'error', message: `--public-key ${publicKeyPath} is not the public half of --private-key ${privateKeyPath}` };
      }
    }
    return { kind: 'loaded', keys, privateKeyPem, note: `signature check on, private key from ${privateKeyPath}` };
  }
  if (publicKeyPath === undefined) return { kind: 'error', message: 'no key path given' };
  if (!existsSync(publicKeyPath)) {
    const generated = generateKeys();
    writeFileSync(publicKeyPath, generated.publicKeyPem, { mode: 0o644 });
    return {
      kind: 'loaded',
      keys: generated,
      privateKeyPem: generated.privateKeyPem,
      note: `signature check on, new key pair; public key for clients written to ${publicKeyPath}`,
    };
  }
  const text = readFileSync(publicKeyPath, 'utf8');
  if (isPrivateKeyPem(text)) {
    return { kind: 'loaded', keys: keysFromPrivatePem(text), privateKeyPem: text, note: `signature check on, private key from ${publicKeyPath}` };
  }
  // The client's own key pair: without the private half signatures cannot be decrypted, but their
  // presence and form still are checked, so an unsigned client is still refused.
  try {
    const keys = keysFromPublicPem(text);
    return {
      kind: 'public_only',
      publicKeyPem: keys.publicKeyPem,
      note: `signature required; ${publicKeyPath} holds only a public key, so x-cf-signature is checked for form only (pass --private-key PATH to decrypt it)`,
    };
  } catch {
    return { kind: 'error', message: `--public-key ${publicKeyPath} holds neither a PEM RSA public key nor a private key` };
  }
}
