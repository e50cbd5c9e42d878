// Every word an agent reads for a code: verdicts, order states, name-match results, refund states
// and profiles, with the tone and icon that go with them, and the one ticket text. The status pill,
// the session list, history rows and filters, the result card, notifications, the copied result,
// the tray and the CLI all read them here. Pure: no Node, no DOM.
import type { NameMatchResult, Order, OrderState, ProfileKind, ReversalStatus } from './domain.ts';
import { maskAccount } from './mask.ts';
import { bankTimeIst, istFull } from './ist.ts';
import type { Verdict } from './verdict.ts';
import { orderVerdict } from './verdict.ts';
import { detectWallet } from './wallet.ts';

/** good green, warn amber, bad red, info blue (still going), muted grey (over, nothing to judge). */
export type Tone = 'good' | 'warn' | 'bad' | 'info' | 'muted';

export interface VerdictWords {
  label: string;
  tone: Tone;
  /** Drawn beside the words (never alone) so colour is not the only signal. */
  icon: string;
  /** What the agent does next. */
  advice: string;
}

export const VERDICT_WORDS: Record<Verdict, VerdictWords> = {
  verified: { label: 'Verified: name matches', tone: 'good', icon: '✓', advice: 'The account was paid from and its name matches the customer.' },
  check_name: { label: 'Paid: check the name', tone: 'warn', icon: '!', advice: 'Only part of the name agrees: confirm with the customer before going on.' },
  name_mismatch: { label: 'Paid: name does NOT match', tone: 'bad', icon: '✕', advice: 'The account belongs to someone else: do not approve it.' },
  wallet: { label: 'Paid from a wallet: ask for a bank account', tone: 'bad', icon: '✕', advice: 'A wallet is not a bank account: ask the customer to pay from their bank account.' },
  paid_no_name: { label: 'Paid: no name result', tone: 'warn', icon: '!', advice: 'Cashfree compared no name: check the name at bank yourself.' },
  waiting: { label: 'Waiting for payment', tone: 'info', icon: '…', advice: 'The customer has not paid yet.' },
  creating: { label: 'Creating…', tone: 'muted', icon: '…', advice: 'The order is being created with Cashfree.' },
  failed: { label: 'Payment failed', tone: 'bad', icon: '✕', advice: 'The payment did not go through: make a new link.' },
  expired: { label: 'Expired', tone: 'muted', icon: '⌛', advice: 'The link ran out before the customer paid: make a new link.' },
  not_created: { label: 'Not created', tone: 'bad', icon: '✕', advice: 'Cashfree did not create this order, so no link was sent.' },
  needs_attention: { label: 'Needs attention', tone: 'warn', icon: '!', advice: 'Following this order stopped on an error: see the message and re-check.' },
};

/** Final verdicts on a paid order, in the order the history filter lists them. */
export const PAID_VERDICTS: readonly Verdict[] = ['verified', 'check_name', 'name_mismatch', 'wallet', 'paid_no_name'];

/** The order's state alone (the CLI's state column, the history "Status" filter). "Paid" is not "Verified". */
export const STATE_WORDS: Record<OrderState, string> = {
  creating: 'Creating',
  created: 'Waiting for payment',
  success: 'Paid',
  failure: 'Failed',
  expired: 'Expired',
  create_failed: 'Not created',
};

export interface MatchWords {
  label: string;
  tone: Tone;
  reason: string;
}

export const NAME_MATCH_WORDS: Record<NameMatchResult, MatchWords> = {
  DIRECT_MATCH: { label: 'Direct match', tone: 'good', reason: 'The name at the bank is the name you typed.' },
  GOOD_PARTIAL_MATCH: { label: 'Good partial match', tone: 'good', reason: 'Same name with small differences in spelling, order or initials.' },
  MODERATE_PARTIAL_MATCH: { label: 'Moderate partial match', tone: 'warn', reason: 'Only part of the name agrees: confirm with the customer.' },
  POOR_PARTIAL_MATCH: { label: 'Poor partial match', tone: 'warn', reason: 'Little of the name agrees: ask for proof before going on.' },
  NO_MATCH: { label: 'No match', tone: 'bad', reason: 'The account belongs to someone else.' },
};

export const NO_MATCH_RESULT: MatchWords = { label: 'No result', tone: 'muted', reason: 'Cashfree gave no name match for this payment.' };

export function nameMatchWords(result: NameMatchResult | null): MatchWords {
  return result ? NAME_MATCH_WORDS[result] : NO_MATCH_RESULT;
}

export const REVERSAL_WORDS: Record<ReversalStatus, string> = {
  PENDING: 'Refund of ₹1 pending',
  TRANSFER_INITIATED: 'Refund of ₹1 on its way',
  TRANSFER_SUCCESS: '₹1 refunded to the customer',
  FAILED: 'Refund of ₹1 failed: raise it with Cashfree',
};

export function reversalWords(status: ReversalStatus | null): string {
  return status ? REVERSAL_WORDS[status] : 'No refund information yet';
}

export const PROFILE_WORDS: Record<ProfileKind, string> = { demo: 'Demo', sandbox: 'Sandbox', production: 'Production' };

/** "as***@okhdfcbank": enough to recognise, not enough to reuse. */
export function maskUpi(upi: string): string {
  const [user = '', handle] = upi.split('@');
  if (handle === undefined) return upi.length > 2 ? `${upi.slice(0, 2)}***` : upi;
  return `${user.slice(0, 2)}***@${handle}`;
}

/**
 * The text an agent pastes into a ticket, the same from the desk and from history. Account and
 * UPI id are masked unless the agent asks for them in full; times are IST.
 */
export function ticketText(order: Order, { unmasked = false }: { unmasked?: boolean } = {}): string {
  const r = order.result;
  const lines: [string, string | null | undefined][] = [
    [`RPD ${order.verificationId}`, VERDICT_WORDS[orderVerdict(order)].label],
    ['Customer name entered', order.name],
    ['Profile', PROFILE_WORDS[order.profile]],
    ['Created', istFull(order.createdAt)],
    ['Cashfree reference', order.refId],
  ];
  if (r) {
    const match = nameMatchWords(r.nameMatchResult);
    const wallet = detectWallet(r);
    lines.push(
      ['Name at bank', r.nameAtBank],
      ['Name match', `${match.label}${r.nameMatchScore === null ? '' : ` (${r.nameMatchScore}/100)`}`],
      ['Account', unmasked ? r.bankAccount : maskAccount(r.bankAccount) || r.maskedAccount],
      ['IFSC', r.ifsc],
      ['UPI id', unmasked ? r.upi : maskUpi(r.upi)],
      ['UTR', r.utr],
      ['Wallet', wallet.wallet ? `yes: ${wallet.reason}` : null],
      ['Paid at', bankTimeIst(r.pennyCollectedOn || r.processedOn)],
      ['Refund', reversalWords(r.reversalStatus)],
    );
  }
  if (order.note) lines.push(['Note', order.note]);
  if (order.replaces) lines.push(['Replaces', order.replaces]);
  return lines
    .filter((l): l is [string, string] => typeof l[1] === 'string' && l[1] !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}
