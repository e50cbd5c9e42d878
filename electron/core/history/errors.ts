// Failures of the history store, as the core's one error. The reason tells them apart where the
// agent-facing code is too coarse (a wrong key and a damaged row are both 'internal' to the
// agent). Messages never carry personal data or keys.
import type { ErrorCode } from '../../../shared/result.ts';
import { CoreError } from '../error.ts';

const REASON_CODES = {
  /** The data key does not open this database (another key, or the key file was replaced). */
  wrong_key: 'internal',
  /** One row's sealed data fails to open: damaged bytes. */
  undecryptable_row: 'internal',
  /** The database was written by a newer version of the app; refusing to touch it. */
  schema_too_new: 'internal',
  duplicate_id: 'duplicate_id',
  not_found: 'not_found',
  invalid_input: 'invalid_input',
  /** The data key exists but the protector that guards it is not available here. */
  key_unavailable: 'unavailable',
} as const satisfies Record<string, ErrorCode>;

export type HistoryErrorReason = keyof typeof REASON_CODES;
export const HISTORY_ERROR_REASONS = Object.keys(REASON_CODES) as HistoryErrorReason[];

export const historyError = (reason: HistoryErrorReason, message: string): CoreError =>
  new CoreError({ code: REASON_CODES[reason], message: `History: ${message}.`, details: { reason } });

export const historyErrorReason = (err: unknown): HistoryErrorReason | null =>
  err instanceof CoreError && typeof err.details?.reason === 'string' && err.details.reason in REASON_CODES ? (err.details.reason as HistoryErrorReason) : null;

/** "No such order": one error wherever an order is looked up by id and is not in this history. */
export const noSuchOrder = (verificationId: string): CoreError =>
  new CoreError({ code: 'not_found', message: `There is no order ${verificationId} on this computer.`, details: { reason: 'not_found' } });

/** The order is not (any longer) in this history: deleted by the agent or by retention. */
export const isNoSuchOrder = (err: unknown): boolean => historyErrorReason(err) === 'not_found';
