// The browser extension's own narrow protocol, validated with zod at every hop: the extension's
// service worker, the native-messaging host and the app's local socket server all parse it.
// Three requests only: create an order from a name, follow it, get its result text. Nothing here
// reads settings, secrets or history. Pure: no Node, no DOM (the extension bundles this file).
import { z } from 'zod';
import { OrderState } from './domain.ts';
import { Verdict } from './verdict.ts';
import type { BROWSER_CHANNELS } from './browser-bridge.channels.ts';
import type { ChannelSlice } from './contract/common.ts';

/** Chrome native messaging host name (a contract: host manifests, the extension, the CLI). */
export const HOST_NAME = 'com.rpd_desk.bridge';

/** The extension's fixed id: from the public `key` in extension/manifest.json (README names it). */
export const EXTENSION_ID = 'nppdbiicbkiegdcakjabffjacnjdmnkf';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
/** Every origin the host answers: store-published builds get the store's id; list it here too. */
export const ALLOWED_ORIGINS: readonly string[] = [EXTENSION_ORIGIN];

/** Host-to-browser messages are capped at 1 MiB by Chrome; the app's answers stay far below. */
export const MAX_FRAME_BYTES = 64 * 1024;

const Id = z.number().int().min(0).max(2 ** 31);
const VerificationId = z.string().min(1).max(50);

export const BrowserRequest = z.discriminatedUnion('kind', [
  z
    .object({
      id: Id,
      kind: z.literal('create'),
      name: z.string().max(1000),
      /** The helpdesk page's origin, as the browser reported it to the extension. */
      origin: z.string().max(200).regex(/^https?:\/\/[^\s/]+$/),
      /** A ticket reference found on the page or typed by the agent; kept as the order's note. */
      ticket: z.string().max(100).optional(),
    })
    .strict(),
  z.object({ id: Id, kind: z.literal('follow'), verificationId: VerificationId }).strict(),
  z.object({ id: Id, kind: z.literal('result'), verificationId: VerificationId }).strict(),
]);
export type BrowserRequest = z.infer<typeof BrowserRequest>;

/** An order as the helpdesk tab may see it: final texts only, no account details but the masked result. */
export const BrowserOrder = z
  .object({
    verificationId: VerificationId,
    name: z.string(),
    state: OrderState,
    verdict: Verdict,
    /** The app's words for where the order stands ("Waiting for payment", "Verified: Direct match"). */
    status: z.string().max(300),
    /** The chat message for the customer (the agent's template), while the order can be paid. */
    message: z.string().max(5000).nullable(),
    /** The bank answered or the order ended: following stops, and the result text can be asked for. */
    final: z.boolean(),
  })
  .strict();
export type BrowserOrder = z.infer<typeof BrowserOrder>;

/** Why a request was refused; `app_not_running` and `not_allowed` make the panel offer "Open RPD Desk". */
export const BRIDGE_ERROR_CODES = ['invalid_input', 'not_found', 'not_allowed', 'app_not_running', 'forbidden', 'failed'] as const;
export const BridgeError = z.object({ code: z.enum(BRIDGE_ERROR_CODES), message: z.string().max(1000) }).strict();
export type BridgeError = z.infer<typeof BridgeError>;

export const BrowserReply = z.union([
  z.object({ id: Id, ok: z.literal(true), order: BrowserOrder }).strict(),
  z.object({ id: Id, ok: z.literal(true), text: z.string().max(5000) }).strict(),
  /** A refusal; without an id when it answers no one request (the caller or the app is gone). */
  z.object({ id: Id.nullable(), ok: z.literal(false), error: BridgeError }).strict(),
  /** Pushed while a followed order changes. */
  z.object({ kind: z.literal('update'), order: BrowserOrder }).strict(),
]);
export type BrowserReply = z.infer<typeof BrowserReply>;

/** What the host answers when the app is not there to answer. */
export const APP_NOT_RUNNING: BridgeError = {
  code: 'app_not_running',
  message: 'RPD Desk is not running (or Browser integration is off). Open RPD Desk and try again.',
};

/** Cleans a selection dragged by hand ("Ticket #123\nCustomer: Asha Rao") down to the name part. */
export function cleanSelection(text: string): string {
  const lines = text
    .split(/[\r\n]+/)
    .map((l) => l.replace(/^\s*(customer|name|customer name|cust\.?)\s*[:\-–]\s*/i, '').trim())
    .filter((l) => l !== '');
  // A hand-dragged selection: the last line is most often the value after its label.
  return (lines.length > 1 ? (lines.find((l) => /^[\p{L}\p{M} .'-]+$/u.test(l)) ?? lines[lines.length - 1]) : lines[0]) ?? '';
}

/** What Settings shows under "Browser integration" (the contract's browser.integration channels). */
export const BrowserKindSchema = z.enum(['chrome', 'chromium', 'edge', 'brave']);
export const BrowserIntegration = z.object({
  /** The agent allowed the extension to create orders (remembered). */
  allowed: z.boolean(),
  browsers: z.array(z.object({ browser: BrowserKindSchema, label: z.string(), on: z.boolean() })),
});
export type BrowserIntegration = z.infer<typeof BrowserIntegration>;

/** The browser bridge's slice of the app's contract (merged into shared/contract.ts); its names in browser-bridge.channels.ts. */
export const browserContract = {
  'browser.integration': { input: z.undefined().or(z.null()).or(z.object({}).strict()), output: BrowserIntegration },
  'browser.setIntegration': { input: z.object({ browser: BrowserKindSchema, on: z.boolean() }).strict(), output: BrowserIntegration },
} as const satisfies ChannelSlice<typeof BROWSER_CHANNELS>;
