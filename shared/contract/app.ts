// The app feature's slice of the contract: what runs, diagnostics, the logs folder, and the
// commands main pushes to the window.
import { z } from 'zod';
import { ProfileKind } from '../domain.ts';
import { Nothing } from './common.ts';
import type { ChannelSlice, EventSlice } from './common.ts';
import type { APP_CHANNELS, APP_EVENTS } from './app.channels.ts';

export const AppInfo = z.object({
  version: z.string(),
  profile: ProfileKind,
  demo: z.boolean(),
  transport: z.enum(['electron', 'browser', 'cli']),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** What the tray, a deep link or a global shortcut asks the window to do. */
export const AppCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new-order'), name: z.string().optional() }),
  z.object({ kind: z.literal('open-order'), verificationId: z.string() }),
  z.object({ kind: z.literal('open-history') }),
]);
export type AppCommand = z.infer<typeof AppCommand>;

export const appChannels = {
  'app.info': { input: Nothing, output: AppInfo },
  /** "Copy diagnostics": versions, profile kind, recent errors; never a secret. */
  'app.diagnostics': { input: Nothing, output: z.object({ text: z.string() }) },
  'app.openLogs': { input: Nothing, output: z.null() },
} as const satisfies ChannelSlice<typeof APP_CHANNELS>;

export const appEvents = {
  'app.command': AppCommand,
} as const satisfies EventSlice<typeof APP_EVENTS>;
