// Did the payer use a wallet (PPI) rather than a bank account? A wallet's "name at bank" is the
// KYC name of the wallet, and its account number is not a bank account, so the agent is warned.

/** IFSC bank codes under which payments from prepaid wallets are reported. */
const WALLET_IFSC_PREFIXES = ['PYTM'];
/** UPI handles issued to prepaid wallets rather than bank accounts. */
const WALLET_HANDLES = ['ikwik', 'mbk', 'paytm'];

export interface PayerAccount {
  upi: string;
  ifsc: string;
  accountType: string;
}

export type WalletCheck = { wallet: false } | { wallet: true; reason: string };

export function detectWallet({ upi, ifsc, accountType }: PayerAccount): WalletCheck {
  if (/wallet|ppi|prepaid/i.test(accountType)) return { wallet: true, reason: `the account type is "${accountType}"` };
  const bankCode = ifsc.trim().toUpperCase().slice(0, 4);
  if (WALLET_IFSC_PREFIXES.includes(bankCode)) return { wallet: true, reason: `IFSC ${ifsc} belongs to a wallet issuer` };
  const handle = upi.split('@')[1]?.trim().toLowerCase() ?? '';
  // @paytm is a wallet only when no bank IFSC says otherwise (Paytm also links bank accounts).
  if (WALLET_HANDLES.includes(handle) && (handle !== 'paytm' || !ifsc.trim())) {
    return { wallet: true, reason: `the UPI id ends in @${handle}, a wallet handle` };
  }
  return { wallet: false };
}
