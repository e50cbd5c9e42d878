// zod schemas for Cashfree RPD answers, and the normalised shapes the app uses.
// Tolerant of fields Cashfree adds (loose objects); strict on the fields the app acts on.
import { z } from 'zod';
import { CASHFREE_STATUSES, NAME_MATCH_RESULTS, REVERSAL_STATUSES } from '../../../shared/domain.ts';
import type {
  CashfreeStatus,
  NameMatchResult,
  OrderState,
  RemitterResult,
  ReversalStatus,
  UpiLinks,
} from '../../../shared/domain.ts';
import { maskAccount } from '../../../shared/mask.ts';
import { appLinksFromUpi } from '../../../shared/links.ts';

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Cashfree's valid_upto in either form: "2023-12-20 20:25:16" (India time, no zone) or
 * ISO 8601 with a zone. Returns ms since epoch, or null when it is neither.
 */
export function parseCashfreeTime(text: string): number | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Reject 2023-02-31 and friends: Date.UTC would roll them over silently.
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return null;
  }
  if (zone === undefined) return asUtc - IST_OFFSET_MS;
  if (zone === 'Z') return asUtc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  if (offsetMin > 14 * 60) return null;
  return asUtc - sign * offsetMin * 60 * 1000;
}

const refId = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((v) => (typeof v === 'number' ? String(v) : v));

/** Absent or null informational fields read as "" (Cashfree leaves them out on CREATED answers). */
const text = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : String(v)));

/** A 200 create answer is an order Cashfree holds: anything but these three may be odd or missing. */
const maybeString = z.unknown().optional().transform((v) => (typeof v === 'string' && v.trim() !== '' ? v : null));
const maybeRefId = z.unknown().optional().transform((v) => {
  const parsed = refId.safeParse(v);
  return parsed.success ? parsed.data : null;
});
const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

export const CreateAnswerWire = z.looseObject({
  verification_id: maybeString,
  ref_id: maybeRefId,
  valid_upto: maybeString,
  upi_link: maybeString,
  gpay: maybeString,
  phonepe: maybeString,
  paytm: maybeString,
  bhim: maybeString,
  qr_code: maybeString,
  url: maybeString,
});

export type CreateAnswer = {
  /** As Cashfree sent it; null when missing. */
  verificationId: string | null;
  refId: string | null;
  /** ms since epoch, or null when valid_upto is missing or in neither of Cashfree's forms. */
  validUpto: number | null;
  /** null when upi_link is missing or not a upi:// link; app links left out are made from it. */
  links: UpiLinks | null;
  /** base64 PNG as Cashfree sent it, or null */
  qrCode: string | null;
  /** Cashfree's hosted https page, or null */
  url: string | null;
};

const orNull = (link: string | null, scheme: RegExp): string | null => (link !== null && scheme.test(link) ? link : null);

export const CreateAnswer = CreateAnswerWire.transform((w): CreateAnswer => {
  const upi = orNull(w.upi_link, /^upi:\/\//i);
  let links: UpiLinks | null = null;
  if (upi !== null) {
    const made = appLinksFromUpi(upi);
    links = { upi, gpay: w.gpay ?? made.gpay, phonepe: w.phonepe ?? made.phonepe, paytm: w.paytm ?? made.paytm, bhim: w.bhim ?? made.bhim };
  }
  return {
    verificationId: w.verification_id,
    refId: w.ref_id,
    validUpto: w.valid_upto === null ? null : parseCashfreeTime(w.valid_upto),
    links,
    qrCode: w.qr_code !== null && BASE64.test(w.qr_code) ? w.qr_code : null,
    url: orNull(w.url, /^https?:\/\/[^\s]+$/i),
  };
});

/**
 * Why a 200 create answer cannot be used for the order `verificationId` (null when it can): no
 * payment link, no ref_id, or links made for another order (they would send the customer's Rs 1
 * to the wrong verification).
 */
export function unusableCreate(answer: CreateAnswer, verificationId: string): string | null {
  if (answer.verificationId !== null && answer.verificationId !== verificationId) {
    return `its answer is for another order (${answer.verificationId.replace(/[^A-Za-z0-9._-]/g, '?').slice(0, 50)})`;
  }
  const missing = [
    answer.verificationId === null ? 'verification_id' : null,
    answer.refId === null ? 'ref_id' : null,
    answer.links === null ? 'upi_link' : null,
  ].filter((f) => f !== null);
  return missing.length > 0 ? `its answer has no ${missing.join(', ')}` : null;
}

export const StatusAnswerWire = z.looseObject({
  verification_id: z.string().min(1),
  ref_id: refId,
  // Outside the four documented values it is kept as sent: not final, never an error.
  status: z.string().min(1),
  bank_account: text,
  ifsc: text,
  upi: text,
  name_at_bank: text,
  utr: text,
  name_match_score: text,
  name_match_result: text,
  added_on: text,
  processed_on: text,
  penny_collected_on: text,
  reversal_status: text,
  account_type: text,
});

/** Status answer: every informational field a string ("" when absent), the score a number or null. */
export type StatusAnswer = {
  verificationId: string;
  refId: string;
  /** One of the four documented values, or whatever else Cashfree sent. */
  status: CashfreeStatus | (string & {});
  bankAccount: string;
  ifsc: string;
  upi: string;
  nameAtBank: string;
  utr: string;
  nameMatchScore: number | null;
  nameMatchResult: string;
  addedOn: string;
  processedOn: string;
  pennyCollectedOn: string;
  reversalStatus: string;
  accountType: string;
};

/** "10" -> 10; "" or anything outside 0..100 -> null (informational: never fails the answer). */
export function parseScore(raw: string): number | null {
  const trimmed = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const n = Math.round(Number(trimmed));
  return n >= 0 && n <= 100 ? n : null;
}

export const StatusAnswer = StatusAnswerWire.transform(
  (w): StatusAnswer => ({
    verificationId: w.verification_id,
    refId: w.ref_id,
    status: w.status,
    bankAccount: w.bank_account,
    ifsc: w.ifsc,
    upi: w.upi,
    nameAtBank: w.name_at_bank,
    utr: w.utr,
    nameMatchScore: parseScore(w.name_match_score),
    nameMatchResult: w.name_match_result,
    addedOn: w.added_on,
    processedOn: w.processed_on,
    pennyCollectedOn: w.penny_collected_on,
    reversalStatus: w.reversal_status,
    accountType: w.account_type,
  }),
);

/** A field read if it is text, else dropped: one odd field must not cost the others. */
const maybeText = z.string().optional().catch(undefined);
const ErrorFields = z.looseObject({ type: maybeText, code: maybeText, message: maybeText });

/**
 * Cashfree's error body. Every field optional: gateways in front of Cashfree answer with anything.
 * Fields missing at the top are taken from the extra `error` object some answers carry.
 */
export const ErrorBody = z
  .looseObject({ type: maybeText, code: maybeText, message: maybeText, error: z.unknown().optional() })
  .transform((body) => {
    const inner = ErrorFields.safeParse(body.error);
    if (!inner.success) return body;
    return { ...body, type: body.type ?? inner.data.type, code: body.code ?? inner.data.code, message: body.message ?? inner.data.message };
  });
export type ErrorBody = z.output<typeof ErrorBody>;

const oneOf = <T extends string>(values: readonly T[], raw: string): T | null =>
  (values as readonly string[]).includes(raw) ? (raw as T) : null;

const ORDER_STATE_OF: Record<CashfreeStatus, OrderState> = {
  CREATED: 'created',
  SUCCESS: 'success',
  FAILURE: 'failure',
  EXPIRED: 'expired',
};

export const isKnownStatus = (status: string): status is CashfreeStatus => (CASHFREE_STATUSES as readonly string[]).includes(status);

/** The app's state for a status answer; null for a status outside the documented four. */
export function toOrderState(status: Pick<StatusAnswer, 'status'>): OrderState | null {
  return isKnownStatus(status.status) ? ORDER_STATE_OF[status.status] : null;
}

/** A time as sent when it parses, else "" (unknown): Cashfree's own examples carry "...+05:3". */
const readableTime = (text: string): string => (parseCashfreeTime(text) === null ? '' : text);

/** The payer's details, or null while nobody has paid (CREATED, or EXPIRED without a payment). */
export function toRemitterResult(status: StatusAnswer): RemitterResult | null {
  const hasPayer = [status.bankAccount, status.upi, status.nameAtBank, status.utr].some((v) => v !== '');
  if (!hasPayer) return null;
  return {
    nameAtBank: status.nameAtBank,
    bankAccount: status.bankAccount,
    maskedAccount: maskAccount(status.bankAccount),
    ifsc: status.ifsc,
    upi: status.upi,
    utr: status.utr,
    nameMatchScore: status.nameMatchScore,
    nameMatchResult: oneOf<NameMatchResult>(NAME_MATCH_RESULTS, status.nameMatchResult),
    reversalStatus: oneOf<ReversalStatus>(REVERSAL_STATUSES, status.reversalStatus),
    accountType: status.accountType,
    processedOn: readableTime(status.processedOn),
    pennyCollectedOn: readableTime(status.pennyCollectedOn),
  };
}
