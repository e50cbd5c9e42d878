// The typed IPC contract: every channel once, with zod input and output, and every event main
// pushes to the renderer. preload, ipc, the HTTP bridge, the CLI and renderer/api.ts derive from it.
import { z } from 'zod';
import { Order, ProfileKind } from './domain.ts';
import type { ChannelName, EventName } from './channels.ts';
import type { Result } from './result.ts';

const VerificationRef = z.object({ verificationId: z.string().min(1).max(50) }).strict();
const Nothing = z.undefined().or(z.null()).or(z.object({}).strict());

export const AppInfo = z.object({
  version: z.string(),
  profile: ProfileKind,
  demo: z.boolean(),
  transport: z.enum(['electron', 'browser', 'cli']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const contract = {
  'app.info': { input: Nothing, output: AppInfo },
  'order.create': {
    input: z
      .object({
        name: z.string().max(1000),
        note: z.string().max(500).optional(),
        replaces: z.string().min(1).max(50).optional(),
      })
      .strict(),
    output: Order,
  },
  'order.get': { input: VerificationRef, output: Order },
  'order.open': { input: Nothing, output: z.array(Order) },
  'order.recheck': { input: VerificationRef, output: Order },
  'demo.pay': {
    input: VerificationRef.extend({ nameAtBank: z.string().min(1).max(140).optional() }).strict(),
    output: z.null(),
  },
  'demo.fail': { input: VerificationRef, output: z.null() },
  'demo.expire': { input: VerificationRef, output: z.null() },
  /** The simulator's fault plan (electron/simulator/faults.ts FaultsInput); null clears it. */
  'demo.fault': { input: z.object({ faults: z.record(z.string(), z.unknown()).nullable() }).strict(), output: z.null() },
  'clipboard.write': {
    input: z.object({ text: z.string().max(10_000), sensitive: z.boolean().optional() }).strict(),
    output: z.null(),
  },
  /** Main draws the order's QR as a PNG and asks where to save it; false when the agent cancels. */
  'qr.save': { input: VerificationRef, output: z.object({ saved: z.boolean() }) },
  /** Main puts the order's QR on the clipboard as an image. */
  'qr.copy': { input: VerificationRef, output: z.null() },
  /** A separate window with only the QR, the name and the countdown (second monitor, shared screen). */
  'window.present': { input: VerificationRef, output: z.null() },
  'notify.show': {
    input: z.object({ title: z.string().min(1).max(200), body: z.string().max(500) }).strict(),
    output: z.null(),
  },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export const eventContract = {
  'order.updated': Order,
} as const satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;
export type EventPayload<K extends EventName> = z.output<(typeof eventContract)[K]>;

/** What window.rpd (or the HTTP bridge) offers the renderer. */
export type RpdApi = {
  [K in ChannelName]: (input: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>>;
} & {
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
};

export type { ChannelName, EventName };
export { CHANNELS, EVENTS } from './channels.ts';
