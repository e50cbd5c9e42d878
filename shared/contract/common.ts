// What the contract's slices share: the shape of a channel, and the inputs several features take.
import { z } from 'zod';
import { ProfileKind } from '../domain.ts';
import { VERIFICATION_ID_PATTERN, VERIFICATION_ID_RULE } from '../ids.ts';
import type { ChannelName, EventName } from '../channels.ts';

export interface ChannelSchemas {
  input: z.ZodType;
  output: z.ZodType;
}
/** A feature's channels: exactly the names its <feature>.channels.ts lists, each with its zod input and output. */
export type ChannelSlice<Names extends readonly ChannelName[]> = { readonly [K in Names[number]]: ChannelSchemas };
/** A feature's events: exactly the names its <feature>.channels.ts lists, each with its payload schema. */
export type EventSlice<Names extends readonly EventName[]> = { readonly [K in Names[number]]: z.ZodType };

/**
 * Marks a refusal by one of the input rules in shared/ (the customer's name, shared/names.ts) as the
 * `params` of a custom issue: its reason is already the sentence the agent reads, so the edge
 * (bindHandlers) answers it as it is, without the channel and field in front.
 */
export const RULE_REFUSAL = { rule: true } as const;
/** Whether an issue is a rule's refusal (RULE_REFUSAL), answered in its own words. */
export const isRuleRefusal = (issue: z.core.$ZodIssue): boolean => issue.code === 'custom' && issue.params?.['rule'] === true;

export const Nothing = z.undefined().or(z.null()).or(z.object({}).strict());

/** The one verification-id rule (shared/ids.ts), wherever an id comes in. */
export const VerificationId = z.string().regex(VERIFICATION_ID_PATTERN, `A verification id is ${VERIFICATION_ID_RULE}.`);
export const VerificationRef = z.object({ verificationId: VerificationId }).strict();
export const ProfileRef = z.object({ kind: ProfileKind }).strict();
