// History list and search shapes shared by main, renderer and CLI. Pure TypeScript: no Node, no DOM.
import { z } from 'zod';
import { VERDICTS, Verdict } from './verdict.ts';
import { NAME_MATCH_RESULTS, NameMatchResult, ORDER_STATES, Order, OrderState, PROFILE_KINDS, ProfileKind } from './domain.ts';

/** The fields the history list shows: no personal data from the bank beyond the masked account. */
export const HistoryRow = Order.pick({
  verificationId: true,
  refId: true,
  name: true,
  note: true,
  profile: true,
  state: true,
  createdAt: true,
  updatedAt: true,
  validUpto: true,
  answerLost: true,
  replaces: true,
}).extend({
  matchResult: NameMatchResult.nullable(),
  /** Only the last 4 digits (shared/mask.ts). */
  maskedAccount: z.string().nullable(),
  /** shared/verdict.ts, stored with the row. */
  verdict: Verdict,
});
export type HistoryRow = z.infer<typeof HistoryRow>;

export const HISTORY_PAGE_MAX = 500;

/** A history search. Every filter is optional; lists are "any of". Dates are ms since epoch, both inclusive. */
export const HistoryQuery = z.object({
  /** Typed text: every word is a prefix of a word in the entered name, the ids or the note. */
  text: z.string().max(200).optional(),
  states: z.array(OrderState).max(ORDER_STATES.length).optional(),
  /** 'none' selects orders without a name match result yet. */
  matchResults: z.array(z.union([NameMatchResult, z.literal('none')])).max(NAME_MATCH_RESULTS.length + 1).optional(),
  /** shared/verdict.ts codes: "Paid: name does NOT match" and the like. */
  verdicts: z.array(Verdict).max(VERDICTS.length).optional(),
  profiles: z.array(ProfileKind).max(PROFILE_KINDS.length).optional(),
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).optional(),
  /** nextCursor of the previous page; absent for the first page. */
  cursor: z.string().max(40).nullable().optional(),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const HistoryPage = z.object({
  rows: z.array(HistoryRow),
  nextCursor: z.string().nullable(),
});
export type HistoryPage = z.infer<typeof HistoryPage>;
