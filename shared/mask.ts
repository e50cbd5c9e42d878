// Masking for personal data shown on screen, in history lists and exports. Pure: no Node, no DOM.

/** The mask in front of the visible digits. A fixed width hides how long the account number is. */
export const MASK = '••••';

/**
 * Keeps only the last four characters of an account number: '026291800001191' -> '••••1191'.
 * Numbers of four characters or fewer are masked entirely; an empty input stays empty.
 */
export function maskAccount(account: string): string {
  const compact = account.replace(/\s+/g, '');
  if (compact === '') return '';
  if (compact.length <= 4) return MASK;
  return MASK + compact.slice(-4);
}
