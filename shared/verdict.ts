// The one verdict on an order, computed here and nowhere else: what the status pill, the session
// list, history rows and filters, the result card, notifications, the copied result, the CSV and
// `rpd history` all say. A payment is not a verification: SUCCESS only means the Rs 1 arrived;
// whether the account is the customer's is the name match, and whether it is a bank account at all
// is the wallet check. Pure: no Node, no DOM.
import { z } from 'zod';
import type { NameMatchResult, Order, OrderState } from './domain.ts';
import { detectWallet } from './wallet.ts';

export const VERDICTS = [
  'verified',
  'check_name',
  'name_mismatch',
  'wallet',
  'paid_no_name',
  'waiting',
  'creating',
  'failed',
  'expired',
  'not_created',
  'needs_attention',
] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

/** What the verdict is read from: an order, or a history row plus the wallet flag stored with it. */
export interface VerdictInput {
  state: OrderState;
  nameMatchResult: NameMatchResult | null;
  /** Paid from a wallet or prepaid handle rather than a bank account. */
  wallet: boolean;
  /** Following stopped on an error that needs the agent. */
  attention: boolean;
}

export function verdict({ state, nameMatchResult, wallet, attention }: VerdictInput): Verdict {
  switch (state) {
    case 'creating':
      return attention ? 'needs_attention' : 'creating';
    case 'created':
      return attention ? 'needs_attention' : 'waiting';
    case 'failure':
      return 'failed';
    case 'expired':
      return 'expired';
    case 'create_failed':
      return 'not_created';
    case 'success':
      // A wallet is not a bank account, whatever its name says.
      if (wallet) return 'wallet';
      switch (nameMatchResult) {
        case 'DIRECT_MATCH':
        case 'GOOD_PARTIAL_MATCH':
          return 'verified';
        case 'MODERATE_PARTIAL_MATCH':
        case 'POOR_PARTIAL_MATCH':
          return 'check_name';
        case 'NO_MATCH':
          return 'name_mismatch';
        case null:
          return 'paid_no_name';
      }
  }
}

export function orderVerdict(order: Order): Verdict {
  const r = order.result;
  return verdict({
    state: order.state,
    nameMatchResult: r?.nameMatchResult ?? null,
    wallet: r !== null && detectWallet({ upi: r.upi, ifsc: r.ifsc, accountType: r.accountType }).wallet,
    attention: order.attention !== null,
  });
}
