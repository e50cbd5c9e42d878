import { describe, expect, it } from 'vitest';
import { buildDiagnostics, MAX_DIAGNOSTIC_ERRORS, RecentErrors } from '../../electron/core/log/diagnostics.ts';
import { Redactor } from '../../electron/core/log/redact.ts';

const base = {
  appVersion: '0.1.0',
  versions: { electron: '45.5.0', chrome: '142.0.7444.52', node: '24.11.0' },
  os: { platform: 'win32', arch: 'x64', release: '10.0.22631' },
  profileKind: 'sandbox' as const,
  packaged: true,
  keychain: 'os' as const,
  updateStatus: 'up to date',
  logFile: 'C:\\Users\\agent\\AppData\\Roaming\\RPD Desk\\logs\\main.log',
  now: Date.UTC(2026, 10, 25, 12, 0, 0),
};

describe('buildDiagnostics', () => {
  it('lists versions, profile and the newest errors first', () => {
    const text = buildDiagnostics({
      ...base,
      lastErrors: [
        { at: Date.UTC(2026, 10, 25, 11, 0), code: 'timeout', message: 'Cashfree did not answer in 15 s' },
        { at: Date.UTC(2026, 10, 25, 11, 30), code: 'auth_failed', message: 'Invalid clientId and clientSecret combination' },
      ],
    });
    expect(text).toContain('App version: 0.1.0');
    expect(text).toContain('Electron: 45.5.0');
    expect(text).toContain('OS: win32 10.0.22631 (x64)');
    expect(text).toContain('Profile: sandbox');
    expect(text).toContain('Generated: 2026-11-25T12:00:00.000Z');
    expect(text.indexOf('[auth_failed]')).toBeLessThan(text.indexOf('[timeout]'));
    expect(text).toContain('Recent errors (2):');
  });

  it('caps the error list and never carries secrets or account numbers', () => {
    const redactor = new Redactor();
    redactor.registerSecret('myRuntimeSecret99');
    const lastErrors = Array.from({ length: 15 }, (_, i) => ({
      at: base.now - i * 1000,
      code: 'auth_failed',
      message: `x-client-secret: myRuntimeSecret99 key cfsk_ma_prod_abc${i} account 026291800001191 upi ravi@ybl`,
    }));
    const text = buildDiagnostics({ ...base, lastErrors }, redactor);
    expect(text.match(/\[auth_failed\]/g)).toHaveLength(MAX_DIAGNOSTIC_ERRORS);
    expect(text).not.toContain('myRuntimeSecret99');
    expect(text).not.toMatch(/cfsk_ma_prod/);
    expect(text).not.toContain('026291800001191');
    expect(text).not.toContain('ravi@ybl');
  });

  it('says none when there were no errors', () => {
    expect(buildDiagnostics({ ...base, lastErrors: [] })).toMatch(/Recent errors \(0\):\n {2}none$/);
  });
});

describe('RecentErrors', () => {
  it('keeps the newest entries, already redacted', () => {
    const redactor = new Redactor();
    redactor.registerSecret('liveSecret123');
    const errors = new RecentErrors(3, redactor);
    for (let i = 1; i <= 5; i++) errors.record('timeout', `try ${i} with liveSecret123`, i);
    expect(errors.list()).toEqual([
      { at: 3, code: 'timeout', message: 'try 3 with [REDACTED]' },
      { at: 4, code: 'timeout', message: 'try 4 with [REDACTED]' },
      { at: 5, code: 'timeout', message: 'try 5 with [REDACTED]' },
    ]);
  });
});
