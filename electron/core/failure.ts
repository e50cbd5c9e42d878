// An expected failure with the AppError to hand back as it is (not a bug: no stack in logs).
import type { AppError, ErrorCode, Result } from '../../shared/result.ts';

export class AppFailure extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
    this.error = error;
  }
}

export const failure = (code: ErrorCode, message: string, retryable = false): AppFailure => new AppFailure({ code, message, retryable });

/** The value of a Result, or its error thrown as an AppFailure. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new AppFailure(result.error);
  return result.data;
}
