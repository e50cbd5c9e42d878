// The one error the core throws: a stable code from the contract (shared/result.ts), a sentence
// an agent can act on, whether trying again may help, and details for the screen. Services
// throw it; each transport turns it into a Result once, at its edge (answerOf). Anything else
// thrown is a bug: answered as 'internal', with the cause for the log only.
import type { AppError, ErrorCode } from '../../shared/result.ts';

export interface CoreErrorInit {
  code: ErrorCode;
  message: string;
  retryable?: boolean;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(init: CoreErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'CoreError';
    this.code = init.code;
    this.retryable = init.retryable ?? false;
    this.details = init.details && Object.keys(init.details).length > 0 ? init.details : undefined;
  }

  /** The answer's error, as every transport sends it. */
  toAppError(): AppError {
    return { code: this.code, message: this.message, retryable: this.retryable, ...(this.details ? { details: this.details } : {}) };
  }
}

/** An expected failure (not a bug: no stack in logs). */
export const coreError = (code: ErrorCode, message: string, extra: Omit<CoreErrorInit, 'code' | 'message'> = {}): CoreError =>
  new CoreError({ code, message, ...extra });

export const isCoreError = (err: unknown): err is CoreError => err instanceof CoreError;
