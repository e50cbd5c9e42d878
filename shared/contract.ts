// The typed IPC contract: the merge of the features' slices (shared/contract/), each channel
// once with zod input and output, and every event main pushes to the renderer. preload, ipc,
// the HTTP bridge, the CLI and renderer/api.ts derive from it.
import type { z } from 'zod';
import type { ChannelName, EventName } from './channels.ts';
import type { Result } from './result.ts';
import type { ChannelSchemas } from './contract/common.ts';
import { appChannels, appEvents } from './contract/app.ts';
import { orderChannels, orderEvents } from './contract/orders.ts';
import { deskChannels } from './contract/desk.ts';
import { settingsChannels, settingsEvents } from './contract/settings.ts';
import { historyChannels, historyEvents } from './contract/history.ts';
import { browserContract } from './browser-bridge.ts';

export const contract = {
  ...appChannels,
  ...orderChannels,
  ...deskChannels,
  ...settingsChannels,
  ...historyChannels,
  ...browserContract,
} as const satisfies Record<ChannelName, ChannelSchemas>;

export const eventContract = {
  ...orderEvents,
  ...settingsEvents,
  ...historyEvents,
  ...appEvents,
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
export { AppCommand, AppInfo } from './contract/app.ts';
export { ProbeOutcome } from './contract/settings.ts';
