import type { AppError, ErrorCode } from '../../../shared/result.ts';

export class CashfreeError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly httpStatus: number | null;
  readonly cashfreeCode: string | null;

  constructor(code: ErrorCode, message: string, opts: { retryable?: boolean; httpStatus?: number | null; cashfreeCode?: string | null } = {}) {
    super(message);
    this.name = 'CashfreeError';
    this.code = code;
    this.retryable = opts.retryable ?? false;
    this.httpStatus = opts.httpStatus ?? null;
    this.cashfreeCode = opts.cashfreeCode ?? null;
  }

  toAppError(): AppError {
    return { code: this.code, message: this.message, retryable: this.retryable, httpStatus: this.httpStatus, cashfreeCode: this.cashfreeCode };
  }
}
