// Public surface of the Cashfree RPD client.
export { CashfreeClient, DEFAULT_API_VERSION, isWorthRetrying, readAppVersion } from './client.ts';
export type { CashfreeClientConfig, CreateInput, CreateReply, RpdApi, StatusQuery, StatusReply } from './client.ts';
export { CashfreeError, isCashfreeError, redact } from './errors.ts';
export { createSafely, isAmbiguous } from './recover.ts';
export type { CreateOutcome, CreateSafelyOptions } from './recover.ts';
export { backoffDelay, resolveRetryPolicy, serverWaitMs } from './retry.ts';
export type { RetryOptions, RetryPolicy } from './retry.ts';
export { isKnownStatus, parseCashfreeTime, parseScore, toOrderState, toRemitterResult, unusableCreate } from './schemas.ts';
export type { CreateAnswer, StatusAnswer } from './schemas.ts';
export { loadPublicKey, makeSignature } from './signature.ts';
