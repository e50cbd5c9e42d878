import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MASK, maskAccount } from '../shared/mask.ts';

describe('maskAccount', () => {
  it('keeps only the last four digits behind a fixed mask', () => {
    expect(maskAccount('026291800001191')).toBe('••••1191');
    expect(maskAccount('1234 5678 9012')).toBe('••••9012');
    expect(maskAccount('1191')).toBe(MASK);
    expect(maskAccount('')).toBe('');
  });

  it('never shows more than four characters of the account, nor its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{5,20}$/), (account) => {
        const masked = maskAccount(account);
        expect(masked).toBe(MASK + account.slice(-4));
        expect(masked.length).toBe(MASK.length + 4);
      }),
    );
  });
});
