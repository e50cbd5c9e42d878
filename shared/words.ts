// Words an agent reads for the codes Cashfree sends. Pure, shared by the renderer and the CLI.
import type { NameMatchResult, Order, OrderState, ReversalStatus } from './domain.ts';

export const STATE_WORDS: Record<OrderState, string> = {
  creating: 'Creating…',
  created: 'Waiting for payment',
  success: 'Verified',
  failure: 'Failed',
  expired: 'Expired',
  create_failed: 'Not created',
};

export type Tone = 'good' | 'fair' | 'bad';

export const NAME_MATCH_WORDS: Record<NameMatchResult, { label: string; tone: Tone; reason: string }> = {
  DIRECT_MATCH: { label: 'Direct match', tone: 'good', reason: 'The name at the bank is the name you typed.' },
  GOOD_PARTIAL_MATCH: { label: 'Good match', tone: 'good', reason: 'Same name with small differences in spelling, order or initials.' },
  MODERATE_PARTIAL_MATCH: { label: 'Moderate match', tone: 'fair', reason: 'Only part of the name agrees: confirm with the customer.' },
  POOR_PARTIAL_MATCH: { label: 'Poor match', tone: 'bad', reason: 'Little of the name agrees: ask for proof before going on.' },
  NO_MATCH: { label: 'No match', tone: 'bad', reason: 'The account belongs to someone else.' },
};

export function nameMatchWords(result: NameMatchResult | null): { label: string; tone: Tone; reason: string } {
  return result ? NAME_MATCH_WORDS[result] : { label: 'Not compared', tone: 'fair', reason: 'Cashfree gave no name match for this payment.' };
}

export const REVERSAL_WORDS: Record<ReversalStatus, string> = {
  PENDING: 'Refund of Rs 1 not started yet',
  TRANSFER_INITIATED: 'Refund of Rs 1 on its way',
  TRANSFER_SUCCESS: 'Rs 1 refunded',
  FAILED: 'Refund of Rs 1 failed: raise it with Cashfree',
};

export function reversalWords(status: ReversalStatus | null): string {
  return status ? REVERSAL_WORDS[status] : 'No refund information yet';
}

/** The text an agent pastes into a ticket; personal details masked unless asked otherwise. */
export function resultText(order: Order, opts: { unmasked?: boolean } = {}): string {
  const r = order.result;
  const lines = [`RPD ${order.verificationId}: ${STATE_WORDS[order.state]}`, `Customer name entered: ${order.name}`];
  if (r) {
    const match = nameMatchWords(r.nameMatchResult);
    lines.push(
      `Name at bank: ${r.nameAtBank}`,
      `Name match: ${match.label}${r.nameMatchScore === null ? '' : ` (${r.nameMatchScore}/100)`}`,
      `Account: ${opts.unmasked ? r.bankAccount : r.maskedAccount}`,
      `IFSC: ${r.ifsc}`,
      `UPI id: ${opts.unmasked ? r.upi : maskUpi(r.upi)}`,
      `UTR: ${r.utr}`,
      `Paid on: ${r.pennyCollectedOn || r.processedOn}`,
      `Refund: ${reversalWords(r.reversalStatus)}`,
    );
  }
  return lines.join('\n');
}

/** "as***@okhdfcbank": enough to recognise, not enough to reuse. */
export function maskUpi(upi: string): string {
  const [user = '', handle] = upi.split('@');
  if (handle === undefined) return upi.length > 2 ? `${upi.slice(0, 2)}***` : upi;
  return `${user.slice(0, 2)}***@${handle}`;
}
