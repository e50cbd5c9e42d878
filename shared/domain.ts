// Domain types shared by main, renderer, CLI and tests. Pure TypeScript: no Node, no DOM.
import { z } from 'zod';

/** Which Cashfree the app talks to. Demo is the embedded simulator. */
export const PROFILE_KINDS = ['demo', 'sandbox', 'production'] as const;
export const ProfileKind = z.enum(PROFILE_KINDS);
export type ProfileKind = z.infer<typeof ProfileKind>;

/** Cashfree's order status (GET /remitter/status). */
export const CASHFREE_STATUSES = ['CREATED', 'SUCCESS', 'FAILURE', 'EXPIRED'] as const;
export type CashfreeStatus = (typeof CASHFREE_STATUSES)[number];

/**
 * The app's view of an order. `creating` is written before the POST goes out, so a crash or a
 * lost answer never loses a request; `create_failed` means Cashfree certainly has no such order.
 */
export const ORDER_STATES = ['creating', 'created', 'success', 'failure', 'expired', 'create_failed'] as const;
export const OrderState = z.enum(ORDER_STATES);
export type OrderState = z.infer<typeof OrderState>;
export const FINAL_STATES: readonly OrderState[] = ['success', 'failure', 'expired', 'create_failed'];
export const isFinal = (s: OrderState): boolean => FINAL_STATES.includes(s);

export const NAME_MATCH_RESULTS = [
  'DIRECT_MATCH',
  'GOOD_PARTIAL_MATCH',
  'MODERATE_PARTIAL_MATCH',
  'POOR_PARTIAL_MATCH',
  'NO_MATCH',
] as const;
export const NameMatchResult = z.enum(NAME_MATCH_RESULTS);
export type NameMatchResult = z.infer<typeof NameMatchResult>;

export const REVERSAL_STATUSES = ['PENDING', 'TRANSFER_INITIATED', 'TRANSFER_SUCCESS', 'FAILED'] as const;
export const ReversalStatus = z.enum(REVERSAL_STATUSES);
export type ReversalStatus = z.infer<typeof ReversalStatus>;

/** The five payment links of an order. Cashfree returns them; the app links share upi_link's parameters. */
export const UpiLinks = z.object({
  upi: z.string(),
  gpay: z.string(),
  phonepe: z.string(),
  paytm: z.string(),
  bhim: z.string(),
});
export type UpiLinks = z.infer<typeof UpiLinks>;

/** What the bank told Cashfree about the payer. Personal data: encrypted at rest. */
export const RemitterResult = z.object({
  nameAtBank: z.string(),
  bankAccount: z.string(),
  maskedAccount: z.string(),
  ifsc: z.string(),
  upi: z.string(),
  utr: z.string(),
  nameMatchScore: z.number().int().min(0).max(100).nullable(),
  nameMatchResult: NameMatchResult.nullable(),
  reversalStatus: ReversalStatus.nullable(),
  accountType: z.string(),
  processedOn: z.string(),
  pennyCollectedOn: z.string(),
});
export type RemitterResult = z.infer<typeof RemitterResult>;

export const Order = z.object({
  verificationId: z.string(),
  refId: z.string().nullable(),
  name: z.string(),
  note: z.string(),
  profile: ProfileKind,
  state: OrderState,
  /** ms since epoch */
  createdAt: z.number(),
  updatedAt: z.number(),
  /** ms since epoch, from Cashfree's valid_upto */
  validUpto: z.number().nullable(),
  links: UpiLinks.nullable(),
  /** base64 PNG from Cashfree; not kept in history (it is made again from links.upi when needed). */
  qrCode: z.string().nullable(),
  result: RemitterResult.nullable(),
  /** Cashfree had the order but its create answer was lost: no links, still tracked. */
  answerLost: z.boolean(),
  /** The order this one replaces (new link after expiry or after a lost answer). */
  replaces: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Cashfree's hosted https page for the order (its `url`), when the create answer had one. */
  pageUrl: z.string().nullable(),
  /** Cashfree's valid_upto could not be read: validUpto is creation + 10 minutes. */
  validUptoAssumed: z.boolean(),
  /** A status value outside the four documented ones, shown as Cashfree sent it; null otherwise. */
  cashfreeStatus: z.string().nullable(),
  /** Following stopped after repeated errors that will not clear by themselves (wrong keys, IP...). */
  attention: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type Order = z.infer<typeof Order>;
