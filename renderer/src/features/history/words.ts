// Words and formats the history view shows: one place, so the list, the detail pane and the
// copied ticket text say the same thing.
import type { NameMatchResult, Order, OrderState, ReversalStatus } from '../../../../shared/domain.ts';
import { PROFILE_NAMES } from '../../../../shared/domain.ts';
import { maskAccount } from '../../../../shared/mask.ts';

export const STATE_WORDS: Record<OrderState, string> = {
  creating: 'Creating',
  created: 'Waiting for payment',
  success: 'Verified',
  failure: 'Failed',
  expired: 'Expired',
  create_failed: 'Not created',
};

export const MATCH_WORDS: Record<NameMatchResult, string> = {
  DIRECT_MATCH: 'Direct match',
  GOOD_PARTIAL_MATCH: 'Good partial match',
  MODERATE_PARTIAL_MATCH: 'Moderate partial match',
  POOR_PARTIAL_MATCH: 'Poor partial match',
  NO_MATCH: 'No match',
};

export const PROFILE_WORDS = PROFILE_NAMES;

export const REVERSAL_WORDS: Record<ReversalStatus, string> = {
  PENDING: 'Refund of ₹1 pending',
  TRANSFER_INITIATED: 'Refund of ₹1 on its way',
  TRANSFER_SUCCESS: '₹1 refunded to the customer',
  FAILED: 'Refund of ₹1 failed',
};

/** The colour family of a state: calm green for done, red for failed, amber for waiting. */
export function stateTone(state: OrderState): 'ok' | 'bad' | 'wait' | 'muted' {
  if (state === 'success') return 'ok';
  if (state === 'failure' || state === 'create_failed') return 'bad';
  if (state === 'expired') return 'muted';
  return 'wait';
}

export function matchTone(match: NameMatchResult | null): 'ok' | 'bad' | 'wait' | 'muted' {
  if (match === 'DIRECT_MATCH' || match === 'GOOD_PARTIAL_MATCH') return 'ok';
  if (match === 'MODERATE_PARTIAL_MATCH') return 'wait';
  if (match === 'POOR_PARTIAL_MATCH' || match === 'NO_MATCH') return 'bad';
  return 'muted';
}

const sameYear = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
const otherYear = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const full = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'medium', hour12: false });

/** "25 Nov, 14:03" this year, "25 Nov 2025, 14:03" before. */
export function shortTime(ms: number, now: number = Date.now()): string {
  const when = new Date(ms);
  return (when.getFullYear() === new Date(now).getFullYear() ? sameYear : otherYear).format(when);
}

export function fullTime(ms: number): string {
  return full.format(new Date(ms));
}

/** Cashfree's times come as text ("2026-01-15 09:31:02" or ISO); shown as given when not a date. */
export function bankTime(text: string): string {
  if (text.trim() === '') return '';
  const ms = Date.parse(text.includes('T') ? text : text.replace(' ', 'T'));
  return Number.isNaN(ms) ? text : fullTime(ms);
}

/** A local calendar day (yyyy-mm-dd from <input type=date>) to its first or last millisecond. */
export function dayStart(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : undefined;
}

export function dayEnd(day: string): number | undefined {
  const start = dayStart(day);
  if (start === undefined) return undefined;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime() - 1;
}

/**
 * The result as text for a support ticket. The account number is masked unless the agent asks
 * for it in full; the other bank details are what a ticket needs to close the case.
 */
export function ticketText(order: Order, { fullAccount }: { fullAccount: boolean }): string {
  const lines: [string, string | null | undefined][] = [
    ['Reverse penny drop', order.verificationId],
    ['Customer name entered', order.name],
    ['Status', STATE_WORDS[order.state]],
    ['Profile', PROFILE_WORDS[order.profile]],
    ['Created', fullTime(order.createdAt)],
    ['Cashfree reference', order.refId],
  ];
  const r = order.result;
  if (r) {
    lines.push(
      ['Name at bank', r.nameAtBank],
      ['Account', fullAccount ? r.bankAccount : maskAccount(r.bankAccount) || r.maskedAccount],
      ['IFSC', r.ifsc],
      ['UPI id', r.upi],
      ['UTR', r.utr],
      ['Name match', r.nameMatchResult ? `${MATCH_WORDS[r.nameMatchResult]}${r.nameMatchScore === null ? '' : ` (score ${r.nameMatchScore})`}` : null],
      ['Paid at', bankTime(r.pennyCollectedOn)],
      ['Refund', r.reversalStatus ? REVERSAL_WORDS[r.reversalStatus] : null],
    );
  }
  if (order.note) lines.push(['Note', order.note]);
  if (order.replaces) lines.push(['Replaces', order.replaces]);
  return lines
    .filter((l): l is [string, string] => typeof l[1] === 'string' && l[1] !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}
