import { describe, expect, it } from 'vitest';
import { detectWallet } from '../shared/wallet.ts';

describe('wallet (PPI) payer detection', () => {
  it.each([
    // what the simulator reports for a wallet payment
    [{ upi: '9876543210@paytm', ifsc: 'PYTM0123456', accountType: '' }, /IFSC PYTM0123456/],
    [{ upi: 'asha@ikwik', ifsc: '', accountType: '' }, /@ikwik/],
    [{ upi: 'asha@okicici', ifsc: 'ICIC0001234', accountType: 'WALLET' }, /account type/],
    [{ upi: '9876543210@paytm', ifsc: '', accountType: '' }, /@paytm/],
  ])('flags %o', (payer, reason) => {
    const check = detectWallet(payer);
    expect(check.wallet).toBe(true);
    if (check.wallet) expect(check.reason).toMatch(reason);
  });

  it.each([
    { upi: 'asha93@okaxis', ifsc: 'UTIB0682005', accountType: 'SAVINGS' },
    { upi: 'ravi@ybl', ifsc: 'YESB0000262', accountType: 'CURRENT' },
    // Paytm app linked to an HDFC bank account: a bank account
    { upi: 'ravi@paytm', ifsc: 'HDFC0001234', accountType: 'SAVINGS' },
    { upi: 'success@upi', ifsc: 'YESB0000262', accountType: '' },
  ])('accepts the bank account %o', (payer) => {
    expect(detectWallet(payer)).toEqual({ wallet: false });
  });
});
