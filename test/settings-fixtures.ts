// Test keys shaped like Cashfree's, and a scan of a folder for any of them in clear.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SANDBOX_KEYS = {
  clientId: 'TEST10293847566f1e2d3c4b5a69788',
  clientSecret: 'cfsk_ma_test_8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a_1f2e3d4c',
};
export const PRODUCTION_KEYS = {
  clientId: '4829105736ab9c8d7e6f5a4b3c2d1e0f',
  clientSecret: 'cfsk_ma_prod_0a1b2c3d4e5f60718293a4b5c6d7e8f9_9e8d7c6b',
};

export const makePublicKeyPem = (): string =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `rpd-${prefix}-`));

/** Long base64 runs in a text, decoded: a secret merely base64-encoded is still a secret in clear. */
const decodedBase64Runs = (text: string): string =>
  (text.match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []).map((run) => Buffer.from(run, 'base64').toString('latin1')).join('\n');

/**
 * Every file under dir, as text plus its base64 runs decoded, so a test can assert a secret never
 * appears in clear (nor only base64-encoded).
 */
export function readAllFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...readAllFiles(path));
    else {
      const raw = readFileSync(path).toString('latin1');
      out.push({ path, text: `${raw}\n${decodedBase64Runs(raw)}` });
    }
  }
  return out;
}

/** The parts of a secret worth looking for: the whole and a long distinctive middle. */
export const secretNeedles = (...secrets: string[]): string[] =>
  secrets.flatMap((secret) => [secret, secret.slice(4, -4)]);

export function findSecretsIn(text: string, needles: string[]): string[] {
  return needles.filter((needle) => text.includes(needle));
}
