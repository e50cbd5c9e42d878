// The one shape every handler answers with, across IPC, HTTP bridge and CLI.
import { z } from 'zod';

/** Stable codes the UI and CLI map to words; never rename, only add. */
export const ERROR_CODES = [
  'invalid_input',
  'auth_failed',
  'ip_not_whitelisted',
  'signature_rejected',
  'rpd_not_enabled',
  'insufficient_balance',
  'duplicate_id',
  'wrong_environment',
  'rate_limited',
  'cashfree_down',
  'network_down',
  'timeout',
  'malformed_answer',
  'not_found',
  'answer_lost',
  'not_configured',
  'unavailable',
  'unknown',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppError = z.object({
  code: ErrorCode,
  message: z.string(),
  retryable: z.boolean(),
  httpStatus: z.number().int().nullable().optional(),
  cashfreeCode: z.string().nullable().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, extra: Partial<AppError> = {}): Result<never> => ({
  ok: false,
  error: { code, message, retryable: false, ...extra },
});

export const resultSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: AppError }),
  ]);
