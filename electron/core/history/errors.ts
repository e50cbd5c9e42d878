// Failures of the history store that callers tell apart. Messages never carry personal data or keys.

export const HISTORY_ERROR_CODES = [
  /** The data key does not open this database (another key, or the key file was replaced). */
  'wrong_key',
  /** One row's sealed data fails to open: damaged bytes. */
  'undecryptable_row',
  /** The database was written by a newer version of the app; refusing to touch it. */
  'schema_too_new',
  'duplicate_id',
  'not_found',
  'invalid_input',
  /** The data key exists but the protector that guards it is not available here. */
  'key_unavailable',
] as const;
export type HistoryErrorCode = (typeof HISTORY_ERROR_CODES)[number];

export class HistoryError extends Error {
  readonly code: HistoryErrorCode;
  constructor(code: HistoryErrorCode, message: string) {
    super(message);
    this.name = 'HistoryError';
    this.code = code;
  }
}
