// The edge every transport binds: the features' handlers merged into one per contract channel.
// Each takes `unknown`, parses it with the channel's schema, runs the feature's implementation
// and answers a Result: a CoreError thrown inside becomes { ok: false, error } here, once;
// anything else is a bug, answered as 'internal' with its cause logged. Nothing throws across.
import { contract } from '../../shared/contract.ts';
import { isRuleRefusal } from '../../shared/contract/common.ts';
import type { ChannelName, ChannelOutput } from '../../shared/contract.ts';
import type { AppError, Result } from '../../shared/result.ts';
import { fail, ok } from '../../shared/result.ts';
import type { z } from 'zod';
import { CoreError } from './error.ts';

/** A feature's implementation of one channel: parsed input in, output (or a thrown CoreError) out. */
export type Impl<K extends ChannelName> = (input: z.output<(typeof contract)[K]['input']>) => Promise<ChannelOutput<K>> | ChannelOutput<K>;
/** A feature's implementations of its slice of the contract. */
export type Impls<K extends ChannelName> = { [C in K]: Impl<C> };

export type Handler<K extends ChannelName> = (input: unknown) => Promise<Result<ChannelOutput<K>>>;
export type Handlers = { [K in ChannelName]: Handler<K> };

/** Every error answered, for diagnostics; internal ones with their cause, for the log. */
export type OnError = (channel: ChannelName, error: AppError, cause?: unknown) => void;

/** Binds the merged implementations of every feature to the contract. */
export function bindHandlers(impls: Impls<ChannelName>, onError: OnError): Handlers {
  const handlers = {} as Record<ChannelName, Handler<ChannelName>>;
  for (const channel of Object.keys(contract) as ChannelName[]) {
    handlers[channel] = bind(channel, impls[channel] as Impl<ChannelName>, onError);
  }
  return handlers as Handlers;
}

function bind<K extends ChannelName>(channel: K, impl: Impl<K>, onError: OnError): Handler<K> {
  const { input: inSchema, output: outSchema } = contract[channel];
  return async (raw) => {
    const parsed = inSchema.safeParse(raw);
    if (!parsed.success) {
      // Bad input is the caller's: answered, not recorded. A rule's refusal is its own sentence.
      const issue = parsed.error.issues[0];
      if (issue && isRuleRefusal(issue)) return fail('invalid_input', issue.message);
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return fail('invalid_input', `Invalid input for ${channel}: ${where}${issue?.message ?? 'not accepted'}.`);
    }
    try {
      return ok(outSchema.parse(await impl(parsed.data as never)) as ChannelOutput<K>);
    } catch (err) {
      if (err instanceof CoreError) {
        const error = err.toAppError();
        if (error.code !== 'invalid_input') onError(channel, error);
        return { ok: false, error };
      }
      const error: AppError = { code: 'internal', message: `Something went wrong in ${channel}. The details are in the log.`, retryable: false };
      onError(channel, error, err);
      return { ok: false, error };
    }
  };
}
