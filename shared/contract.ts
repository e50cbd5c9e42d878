// The typed IPC contract: every channel once, with zod input and output, and every event main
// pushes to the renderer. preload, ipc, the HTTP bridge, the CLI and renderer/api.ts derive from it.
import { z } from 'zod';
import { Order, ProfileKind } from './domain.ts';
import { ActiveProfileAnswer, ImportPreview, Preferences, PreferencesPatch, PublicProfile, PublicSettings, SaveCredentialsRequest } from './settings.ts';
import { ErrorCode } from './result.ts';
import { HistoryPage, HistoryQuery } from './history.ts';
import type { ChannelName, EventName } from './channels.ts';
import type { Result } from './result.ts';
import { browserContract } from './browser-bridge.ts';

const VerificationRef = z.object({ verificationId: z.string().min(1).max(50) }).strict();
const Nothing = z.undefined().or(z.null()).or(z.object({}).strict());
const ProfileRef = z.object({ kind: ProfileKind }).strict();

export const ProbeOutcome = z.object({ ok: z.boolean(), code: z.union([z.literal('ok'), ErrorCode]), message: z.string() });
export type ProbeOutcome = z.infer<typeof ProbeOutcome>;

export const AppInfo = z.object({
  version: z.string(),
  profile: ProfileKind,
  demo: z.boolean(),
  transport: z.enum(['electron', 'browser', 'cli']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const contract = {
  'app.info': { input: Nothing, output: AppInfo },
  /** "Copy diagnostics": versions, profile kind, recent errors; never a secret. */
  'app.diagnostics': { input: Nothing, output: z.object({ text: z.string() }) },
  'app.openLogs': { input: Nothing, output: z.null() },
  /** The agent started typing: open the connection now so Generate pays one round trip. */
  'order.prewarm': { input: Nothing, output: z.null() },
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
  /** The order on the agent's screen (null: none): main follows it more closely than the rest. */
  'order.focus': { input: z.object({ verificationId: z.string().min(1).max(50).nullable() }).strict(), output: z.null() },
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
  'settings.get': { input: Nothing, output: PublicSettings },
  'settings.setProfile': {
    input: z.object({ kind: ProfileKind, confirmProduction: z.boolean().optional() }).strict(),
    output: ActiveProfileAnswer,
  },
  'settings.saveCredentials': { input: SaveCredentialsRequest.extend({ kind: ProfileKind }).strict(), output: PublicProfile },
  'settings.deleteCredentials': { input: ProfileRef, output: PublicProfile },
  /** A new address removes the profile's saved secret, unless clientSecret enters it again in the same save. */
  'settings.setBaseUrl': {
    input: z
      .object({ kind: ProfileKind, url: z.string().max(2000).nullable() })
      .extend(SaveCredentialsRequest.pick({ clientSecret: true, allowWeak: true }).shape)
      .strict(),
    output: PublicProfile,
  },
  'settings.updatePreferences': { input: PreferencesPatch, output: Preferences },
  'settings.testConnection': { input: ProfileRef, output: ProbeOutcome },
  'settings.export': { input: Nothing, output: z.object({ json: z.string() }) },
  /** What a settings file would change; nothing is applied. */
  'settings.importPreview': { input: z.object({ json: z.string().max(200_000) }).strict(), output: ImportPreview },
  /** Applies only the changes the agent confirmed (ids from settings.importPreview). */
  'settings.import': {
    input: z.object({ json: z.string().max(200_000), apply: z.array(z.string().max(100)).max(200) }).strict(),
    output: PublicSettings,
  },
  'history.search': { input: HistoryQuery.strict().or(Nothing), output: HistoryPage },
  'history.info': {
    input: Nothing,
    output: z.object({ count: z.number().int(), protection: z.enum(['keychain', 'keyfile']), retentionDays: z.number().int() }),
  },
  'history.export': {
    input: z.object({ query: HistoryQuery.strict().optional(), full: z.boolean().optional() }).strict(),
    /** In the app the file is saved where the agent chose (savedTo); in a browser the CSV comes back to download. */
    output: z.object({ rows: z.number().int(), savedTo: z.string().nullable(), csv: z.string().nullable() }),
  },
  'history.deleteAll': { input: z.object({ confirm: z.literal(true) }).strict(), output: z.object({ deleted: z.number().int() }) },
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
  ...browserContract,
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

/** What the tray, a deep link or a global shortcut asks the window to do. */
export const AppCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new-order'), name: z.string().optional() }),
  z.object({ kind: z.literal('open-order'), verificationId: z.string() }),
  z.object({ kind: z.literal('open-history') }),
]);
export type AppCommand = z.infer<typeof AppCommand>;

export const eventContract = {
  'order.updated': Order,
  /** Cashfree was asked about an order (changed or not): the window shows "checked hh:mm:ss". */
  'order.checked': z.object({ verificationId: z.string(), checkedAt: z.number() }),
  'settings.changed': PublicSettings,
  'app.command': AppCommand,
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
