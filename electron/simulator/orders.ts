// The simulator's order book: Cashfree RPD orders, their lifecycle and the exact answer shapes.
// Time only moves through the injected clock, and every transition is worked out when an order
// is read, so tests can jump the clock instead of waiting.

import { matchNames, nameTokens } from './nameMatch.ts';
import type { NameMatch } from './nameMatch.ts';
import { digits, pick, randomFor } from './random.ts';
import type { Random } from './random.ts';
import { formatIstIso, formatIstPlain, formatUtcIso } from './time.ts';

export type OrderStatus = 'CREATED' | 'SUCCESS' | 'FAILURE' | 'EXPIRED';
export type ReversalStatus = 'PENDING' | 'TRANSFER_INITIATED' | 'TRANSFER_SUCCESS' | 'FAILED';
export const REVERSAL_STATUSES: readonly ReversalStatus[] = ['PENDING', 'TRANSFER_INITIATED', 'TRANSFER_SUCCESS', 'FAILED'];

export const LINK_VALIDITY_MS = 10 * 60 * 1000;

/** Cashfree's two forms of valid_upto: "2023-12-20 20:25:16" (India time) or "2024-02-13T13:01:44.000Z". */
export const VALID_UPTO_FORMS = ['plain', 'iso'] as const;
export type ValidUptoForm = (typeof VALID_UPTO_FORMS)[number];

/** What the customer "paid with"; every field optional, the rest is made up from the seed. */
export interface PayOptions {
  name_at_bank?: string;
  bank_account?: string;
  ifsc?: string;
  upi?: string;
  account_type?: string;
  utr?: string;
  /** Pay from a wallet (PPI) UPI handle instead of a bank account. */
  wallet?: boolean;
  /** The Rs 1 refund ends in FAILED instead of TRANSFER_SUCCESS. */
  reversal_fails?: boolean;
  /**
   * false: the answer carries no name match (`name_match_score` and `name_match_result` ""), as
   * Cashfree answers when no name was sent, even though this order has one.
   */
  name_match?: boolean;
}

interface Payment {
  nameAtBank: string;
  bankAccount: string;
  ifsc: string;
  upi: string;
  utr: string;
  accountType: string;
  paidAt: number;
  nameMatch: NameMatch | null;
  reversalFails: boolean;
}

type OrderState =
  | { kind: 'CREATED' }
  | { kind: 'SUCCESS'; payment: Payment }
  | { kind: 'FAILURE'; at: number }
  | { kind: 'EXPIRED'; at: number };

export interface OrderRecord {
  verificationId: string;
  refId: number;
  name: string | null;
  createdAt: number;
  expiresAt: number;
  autoPayAt: number | null;
  state: OrderState;
  reversalOverride: ReversalStatus | null;
}

export interface CreateAnswer {
  verification_id: string;
  ref_id: number;
  valid_upto: string;
  upi_link: string;
  gpay: string;
  phonepe: string;
  paytm: string;
  bhim: string;
  qr_code: string;
  url: string;
}

/** The status answer: every value a string, the set of keys depending on the status. */
export type StatusAnswer = Record<string, string>;

export interface OrderSummary {
  verification_id: string;
  ref_id: number;
  name: string | null;
  valid_upto: string;
  upi_link: string;
  status: StatusAnswer;
}

export class SimulatorError extends Error {
  readonly code: 'order_not_found' | 'order_not_payable';
  constructor(code: 'order_not_found' | 'order_not_payable', message: string) {
    super(message);
    this.code = code;
  }
}

export interface OrderBookOptions {
  seed: number;
  now: () => number;
  /** Refund timeline after a payment. */
  reversalInitiatedAfterMs: number;
  reversalSuccessAfterMs: number;
}

// A handle no UPI app resolves, so a demo QR scanned by a real phone cannot move real money.
const MERCHANT_VPA = 'rpd.demo@simulator';
const MERCHANT_NAME = 'RPD Simulator';

const BANKS = [
  { ifsc: 'HDFC0', handle: 'okhdfcbank', accountDigits: 14 },
  { ifsc: 'ICIC0', handle: 'okicici', accountDigits: 12 },
  { ifsc: 'SBIN0', handle: 'oksbi', accountDigits: 11 },
  { ifsc: 'UTIB0', handle: 'okaxis', accountDigits: 15 },
  { ifsc: 'YESB0', handle: 'ybl', accountDigits: 15 },
  { ifsc: 'KKBK0', handle: 'kotak', accountDigits: 10 },
  { ifsc: 'BARB0', handle: 'barodampay', accountDigits: 14 },
  { ifsc: 'PUNB0', handle: 'pnb', accountDigits: 16 },
] as const;

const OTHER_PEOPLE = [
  'SUNITA DEVI', 'MOHAMMED IRFAN', 'ANJALI MEHTA', 'VIKRAM SINGH RATHORE', 'LAKSHMI NARAYANAN',
  'GURPREET KAUR', 'ABDUL RAHMAN', 'PRIYA NAIR', 'SURESH BABU K', 'NEHA AGARWAL',
] as const;

/** One spelling change of the kind Indian banks and customers make. */
const SPELLING_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/EE/, 'I'], [/I/, 'EE'], [/OO/, 'U'], [/U/, 'OO'], [/V/, 'W'], [/W/, 'V'], [/PH/, 'F'], [/SH/, 'S'], [/A$/, 'AA'],
];

/** The name the bank reports for a payer who was expected to be `name`; same seed and name, same answer. */
export function defaultNameAtBank(seed: number, name: string | null): string {
  const random = randomFor(seed, `name:${name ?? ''}`);
  const words = name === null ? [] : nameTokens(name).map((word) => word.toUpperCase());
  if (words.length === 0) return pick(random, OTHER_PEOPLE);
  const roll = random();
  const first = words[0] ?? '';
  const rest = words.slice(1);
  if (roll < 0.4) return words.join(' ');
  if (roll < 0.55 && rest.length > 0) return [...rest, first].join(' ');
  if (roll < 0.67 && rest.length > 0) return [first.slice(0, 1), ...rest].join(' ');
  if (roll < 0.75) return ['MR', ...words].join(' ');
  if (roll < 0.88) {
    const variant = SPELLING_VARIANTS.map(([pattern, replacement]) => first.replace(pattern, replacement)).find((word) => word !== first);
    return [variant ?? `${first}A`, ...rest].join(' ');
  }
  if (roll < 0.94 && words.length > 1) return first;
  return pick(random, OTHER_PEOPLE);
}

function phoneNumber(random: Random): string {
  return `${pick(random, ['9', '8', '7'])}${digits(random, 9)}`;
}

export class OrderBook {
  private readonly options: OrderBookOptions;
  private readonly byVerificationId = new Map<string, OrderRecord>();
  private readonly byRefId = new Map<number, OrderRecord>();
  private readonly refIds: Random;
  private lastRefId: number;

  constructor(options: OrderBookOptions) {
    this.options = options;
    this.refIds = randomFor(options.seed, 'ref_id');
    this.lastRefId = 100000 + Math.floor(this.refIds() * 800000);
  }

  has(verificationId: string): boolean {
    return this.byVerificationId.has(verificationId);
  }

  create(verificationId: string, name: string | null, autoPayAfterMs: number | null): OrderRecord {
    const createdAt = this.options.now();
    this.lastRefId += 1 + Math.floor(this.refIds() * 7);
    const order: OrderRecord = {
      verificationId,
      refId: this.lastRefId,
      name,
      createdAt,
      expiresAt: createdAt + LINK_VALIDITY_MS,
      autoPayAt: autoPayAfterMs === null ? null : createdAt + autoPayAfterMs,
      state: { kind: 'CREATED' },
      reversalOverride: null,
    };
    this.byVerificationId.set(verificationId, order);
    this.byRefId.set(order.refId, order);
    return order;
  }

  find(query: { verificationId?: string; refId?: number }): OrderRecord | undefined {
    const order =
      query.verificationId !== undefined
        ? this.byVerificationId.get(query.verificationId)
        : query.refId !== undefined
          ? this.byRefId.get(query.refId)
          : undefined;
    if (order) this.settle(order);
    return order;
  }

  private require(verificationId: string): OrderRecord {
    const order = this.find({ verificationId });
    if (!order) throw new SimulatorError('order_not_found', `no order with verification_id ${verificationId}`);
    return order;
  }

  private requireCreated(verificationId: string): OrderRecord {
    const order = this.require(verificationId);
    if (order.state.kind !== 'CREATED') {
      throw new SimulatorError('order_not_payable', `order ${verificationId} is already ${order.state.kind}`);
    }
    return order;
  }

  /** Lazy transitions: auto-pay and the 10-minute expiry happen when the order is looked at. */
  private settle(order: OrderRecord): void {
    if (order.state.kind !== 'CREATED') return;
    const now = this.options.now();
    if (order.autoPayAt !== null && order.autoPayAt < order.expiresAt && now >= order.autoPayAt) {
      order.state = { kind: 'SUCCESS', payment: this.makePayment(order, {}, order.autoPayAt) };
    } else if (now >= order.expiresAt) {
      order.state = { kind: 'EXPIRED', at: order.expiresAt };
    }
  }

  pay(verificationId: string, options: PayOptions = {}): StatusAnswer {
    const order = this.requireCreated(verificationId);
    order.state = { kind: 'SUCCESS', payment: this.makePayment(order, options, this.options.now()) };
    return this.statusAnswer(order);
  }

  fail(verificationId: string): StatusAnswer {
    const order = this.requireCreated(verificationId);
    order.state = { kind: 'FAILURE', at: this.options.now() };
    return this.statusAnswer(order);
  }

  expire(verificationId: string): StatusAnswer {
    const order = this.requireCreated(verificationId);
    order.state = { kind: 'EXPIRED', at: this.options.now() };
    return this.statusAnswer(order);
  }

  /** Forces the refund status of a paid order (or clears the override with null). */
  setReversal(verificationId: string, status: ReversalStatus | null): StatusAnswer {
    const order = this.require(verificationId);
    if (order.state.kind !== 'SUCCESS') {
      throw new SimulatorError('order_not_payable', `order ${verificationId} has no payment to refund`);
    }
    order.reversalOverride = status;
    return this.statusAnswer(order);
  }

  private makePayment(order: OrderRecord, options: PayOptions, paidAt: number): Payment {
    const random = randomFor(this.options.seed, `payment:${order.verificationId}`);
    const nameAtBank = options.name_at_bank ?? defaultNameAtBank(this.options.seed, order.name);
    const handleName = (nameTokens(nameAtBank)[0] ?? 'customer').slice(0, 10);
    const bank = pick(random, BANKS);
    const phone = phoneNumber(random);
    const wallet = options.wallet === true;
    const defaults = wallet
      ? { bankAccount: `91${phone}`, ifsc: 'PYTM0123456', upi: `${phone}@paytm`, accountType: '' }
      : {
          bankAccount: digits(random, bank.accountDigits),
          ifsc: `${bank.ifsc}${digits(random, 6)}`,
          upi: `${handleName}${digits(random, 2)}@${bank.handle}`,
          accountType: random() < 0.9 ? 'SAVINGS' : 'CURRENT',
        };
    const utr = digits(random, 12);
    return {
      nameAtBank,
      bankAccount: options.bank_account ?? defaults.bankAccount,
      ifsc: options.ifsc ?? defaults.ifsc,
      upi: options.upi ?? defaults.upi,
      utr: options.utr ?? utr,
      accountType: options.account_type ?? defaults.accountType,
      paidAt,
      nameMatch: options.name_match !== false && order.name !== null && order.name.trim() !== '' ? matchNames(order.name, nameAtBank) : null,
      reversalFails: options.reversal_fails === true,
    };
  }

  private reversalStatus(order: OrderRecord, payment: Payment): ReversalStatus {
    if (order.reversalOverride !== null) return order.reversalOverride;
    const elapsed = this.options.now() - payment.paidAt;
    if (elapsed < this.options.reversalInitiatedAfterMs) return 'PENDING';
    if (elapsed < this.options.reversalSuccessAfterMs) return 'TRANSFER_INITIATED';
    return payment.reversalFails ? 'FAILED' : 'TRANSFER_SUCCESS';
  }

  statusAnswer(order: OrderRecord): StatusAnswer {
    this.settle(order);
    const base = {
      verification_id: order.verificationId,
      ref_id: String(order.refId),
    };
    const state = order.state;
    switch (state.kind) {
      case 'CREATED':
        return {
          ...base,
          status: 'CREATED',
          added_on: formatIstIso(order.createdAt),
          processed_on: formatIstIso(order.createdAt),
          account_type: '',
        };
      case 'FAILURE':
      case 'EXPIRED':
        // No account_type here, unlike CREATED.
        return {
          ...base,
          status: state.kind,
          name_match_score: '0',
          added_on: formatIstIso(order.createdAt),
          processed_on: formatIstIso(state.at),
        };
      case 'SUCCESS': {
        const payment = state.payment;
        return {
          bank_account: payment.bankAccount,
          ifsc: payment.ifsc,
          upi: payment.upi,
          name_at_bank: payment.nameAtBank,
          ...base,
          utr: payment.utr,
          status: 'SUCCESS',
          // "" when no name was sent: there was nothing to match.
          name_match_score: payment.nameMatch ? String(payment.nameMatch.score) : '',
          name_match_result: payment.nameMatch ? payment.nameMatch.result : '',
          added_on: formatIstIso(order.createdAt),
          // The bank confirms a moment after the money arrives.
          processed_on: formatIstIso(payment.paidAt + 1000),
          penny_collected_on: formatIstIso(payment.paidAt),
          reversal_status: this.reversalStatus(order, payment),
          account_type: payment.accountType,
        };
      }
    }
  }

  /** The parameters of every Cashfree example: tn=BAV, Rs 1.00, tr and tid the ref_id. */
  upiParams(order: OrderRecord): string {
    return `pa=${MERCHANT_VPA}&pn=${encodeURIComponent(MERCHANT_NAME)}&tn=BAV&am=1.00&cu=INR&tr=${order.refId}&tid=${order.refId}`;
  }

  /** valid_upto as Cashfree writes it: India time without a zone ('plain'), or ISO 8601 in UTC ('iso'). */
  createAnswer(order: OrderRecord, qrCode: string, origin: string, validUptoForm: ValidUptoForm = 'plain'): CreateAnswer {
    const params = this.upiParams(order);
    return {
      verification_id: order.verificationId,
      ref_id: order.refId,
      valid_upto: validUptoForm === 'iso' ? formatUtcIso(order.expiresAt) : formatIstPlain(order.expiresAt),
      upi_link: `upi://pay?${params}`,
      gpay: `tez://upi/pay?${params}`,
      phonepe: `phonepe://pay?${params}`,
      paytm: `paytmmp://pay?${params}`,
      bhim: `bhim://upi://pay?${params}`,
      qr_code: qrCode,
      url: `${origin}/__sim/checkout/${encodeURIComponent(order.verificationId)}`,
    };
  }

  summaries(): OrderSummary[] {
    return [...this.byVerificationId.values()].map((order) => ({
      verification_id: order.verificationId,
      ref_id: order.refId,
      name: order.name,
      valid_upto: formatIstPlain(order.expiresAt),
      upi_link: `upi://pay?${this.upiParams(order)}`,
      status: this.statusAnswer(order),
    }));
  }

  clear(): void {
    this.byVerificationId.clear();
    this.byRefId.clear();
  }
}
