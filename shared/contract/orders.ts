// The orders feature's slice of the contract: create, follow and re-check orders, and the Demo
// simulator's controls.
import { z } from 'zod';
import { Order } from '../domain.ts';
import { validateName } from '../names.ts';
import { cleanNote } from '../text.ts';
import { Nothing, RULE_REFUSAL, VerificationId, VerificationRef } from './common.ts';
import type { ChannelSlice, EventSlice } from './common.ts';
import type { ORDER_CHANNELS, ORDER_EVENTS } from './orders.channels.ts';

export const orderChannels = {
  /** The agent started typing: open the connection now so Generate pays one round trip. */
  'order.prewarm': { input: Nothing, output: z.null() },
  /**
   * The name passes the one name rule (shared/names.ts) here, once, after the fields' own checks,
   * and goes on normalized; a refusal is the rule's own sentence. The note loses invisible characters.
   */
  'order.create': {
    input: z
      .object({
        name: z.string().max(1000),
        note: z.string().max(500).transform(cleanNote).optional(),
        replaces: VerificationId.optional(),
      })
      .strict()
      .transform((input, ctx) => {
        const checked = validateName(input.name);
        if (checked.ok) return { ...input, name: checked.name };
        ctx.addIssue({ code: 'custom', message: checked.reason, path: ['name'], params: RULE_REFUSAL });
        return z.NEVER;
      }),
    output: Order,
  },
  'order.get': { input: VerificationRef, output: Order },
  'order.open': { input: Nothing, output: z.array(Order) },
  'order.recheck': { input: VerificationRef, output: Order },
  /** The order on the agent's screen (null: none): main follows it more closely than the rest. */
  'order.focus': { input: z.object({ verificationId: VerificationId.nullable() }).strict(), output: z.null() },
  'demo.pay': {
    input: VerificationRef.extend({ nameAtBank: z.string().min(1).max(140).optional() }).strict(),
    output: z.null(),
  },
  'demo.fail': { input: VerificationRef, output: z.null() },
  'demo.expire': { input: VerificationRef, output: z.null() },
  /** The simulator's fault plan (electron/simulator/faults.ts FaultsInput); null clears it. */
  'demo.fault': { input: z.object({ faults: z.record(z.string(), z.unknown()).nullable() }).strict(), output: z.null() },
} as const satisfies ChannelSlice<typeof ORDER_CHANNELS>;

export const orderEvents = {
  'order.updated': Order,
  /** Cashfree was asked about an order (changed or not): the window shows "checked hh:mm:ss". */
  'order.checked': z.object({ verificationId: z.string(), checkedAt: z.number() }),
} as const satisfies EventSlice<typeof ORDER_EVENTS>;
