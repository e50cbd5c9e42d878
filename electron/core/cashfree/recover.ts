// Creating an order when the answer may get lost on the way back.
//
// The verification_id is ours and written to history before the POST, so after an ambiguous
// failure (timeout, connection broken after sending, 5xx, unreadable answer) we ask Cashfree
// whether it has the order:
// - it has: the order exists but its links are lost -> 'answer_lost' (the caller keeps it as such
//   and makes a fresh order for the customer);
// - it has not (400 unknown id): nothing happened -> send the same create again, a few times at most.
// Clear refusals (401, 403, 422, duplicate id, invalid input) are thrown at once. A 429 was refused
// before any work, so it is waited out and sent again.
import { CashfreeError } from './errors.ts';
import type { CreateInput, CreateReply, RpdApi, StatusReply } from './client.ts';
import { backoffDelay } from './retry.ts';

export type CreateOutcome = { kind: 'created'; answer: CreateReply } | { kind: 'answer_lost'; status: StatusReply };

export type CreateSafelyOptions = {
  /** POSTs in all, the first included (default 3). */
  maxCreates?: number;
  /** Cashfree refused with 429 and the same create goes again after `waitMs` (the agent is told). */
  onBusy?: (waitMs: number) => void;
};

/** Whether a failed create may have been carried out by Cashfree. */
export const isAmbiguous = (err: unknown): err is CashfreeError => err instanceof CashfreeError && err.outcomeUnknown;

export async function createSafely(
  client: RpdApi,
  input: CreateInput,
  opts: CreateSafelyOptions = {},
): Promise<CreateOutcome> {
  const maxCreates = Math.max(1, opts.maxCreates ?? 3);
  const policy = client.retry;
  let waited = 0;
  // Once a POST of ours may have landed, a later "already exists" is our own order.
  let mayExist = false;

  for (let attempt = 1; ; attempt++) {
    try {
      return { kind: 'created', answer: await client.create(input) };
    } catch (err) {
      if (!(err instanceof CashfreeError)) throw err;

      if (err.code === 'duplicate_id' && mayExist) {
        return { kind: 'answer_lost', status: await client.status({ verificationId: input.verificationId }) };
      }

      if (err.code === 'rate_limited') {
        const wait = err.retryAfterMs ?? backoffDelay(policy, attempt);
        if (attempt >= maxCreates || waited + wait > policy.maxTotalWaitMs) throw err;
        waited += wait;
        opts.onBusy?.(wait);
        await policy.sleep(wait);
        continue;
      }

      if (!err.outcomeUnknown) throw err;
      mayExist = true;

      let status: StatusReply;
      try {
        status = await client.status({ verificationId: input.verificationId });
      } catch (statusErr) {
        if (statusErr instanceof CashfreeError && statusErr.code === 'not_found') {
          if (attempt >= maxCreates) throw err;
          // A short pause: whatever broke the connection may not be over yet.
          const wait = backoffDelay(policy, attempt);
          if (waited + wait <= policy.maxTotalWaitMs) {
            waited += wait;
            await policy.sleep(wait);
          }
          continue;
        }
        // Cannot tell whether the order exists: report the create failure, still marked
        // outcomeUnknown, so the caller keeps the order and asks again later.
        throw err;
      }
      return { kind: 'answer_lost', status };
    }
  }
}
