// Proves redaction on real log output: electron-log's Node entry writes real files through the
// same configureFileLogging + hook the app uses, and the files are scanned afterwards.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import log from 'electron-log/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureFileLogging } from '../../electron/shell/log/file-log.ts';
import { Redactor } from '../../electron/core/log/redact.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rpd-logs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SECRETS = [
  'cfsk_ma_test_4f1d2a9b7c6e5d4c3b2a1f0e9d8c7b6a_1a2b3c4d',
  'runtimeClientSecretQ7',
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo',
  '026291800001191',
  'success@upi',
  'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=',
];

describe('file log with redaction', () => {
  it('never writes secrets to disk, across rotated files too', async () => {
    const logger = log.create({ logId: `redaction-test-${process.pid}` });
    logger.transports.console.level = false;
    const redactor = new Redactor();
    redactor.registerSecret('runtimeClientSecretQ7');
    const filePath = configureFileLogging(logger, { dir, fileName: 'main.log', maxSizeBytes: 600, keep: 2, redactor });

    for (let i = 0; i < 6; i++) {
      logger.info('create order', { headers: { 'x-client-id': 'CF10001', 'x-client-secret': SECRETS[1] } });
      logger.warn(`server said: x-client-secret: ${SECRETS[1]} was rejected, key ${SECRETS[0]}`);
      logger.error(new Error(`signature failed with -----BEGIN PUBLIC KEY-----\n${SECRETS[2]}\n-----END PUBLIC KEY-----`));
      logger.info('status', { bank_account: SECRETS[3], upi: SECRETS[4], utr: '7048123456', 'x-cf-signature': SECRETS[5] });
    }

    const files = (await readdir(dir)).sort();
    // Rotation kept the current file and at most two older ones.
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    expect(filePath).toBe(path.join(dir, 'main.log'));
    const text = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('\n');
    expect(text).toContain('create order');
    expect(text).toContain('CF10001');
    expect(text).toContain('XXXXXXXXXXX1191');
    expect(text).toContain('[REDACTED PEM]');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('7048123456');
  });
});
