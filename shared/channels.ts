// The names alone, so the preload can list them without pulling zod into its bundle: the merge of
// the names each feature declares beside its slice (shared/contract/<feature>.channels.ts). The
// slices give each name its schemas; TypeScript refuses a slice whose names differ from its list.
import { BROWSER_CHANNELS } from './browser-bridge.channels.ts';
import { APP_CHANNELS, APP_EVENTS } from './contract/app.channels.ts';
import { DESK_CHANNELS } from './contract/desk.channels.ts';
import { HISTORY_CHANNELS, HISTORY_EVENTS } from './contract/history.channels.ts';
import { ORDER_CHANNELS, ORDER_EVENTS } from './contract/orders.channels.ts';
import { SETTINGS_CHANNELS, SETTINGS_EVENTS } from './contract/settings.channels.ts';

export const CHANNELS = [...APP_CHANNELS, ...ORDER_CHANNELS, ...DESK_CHANNELS, ...SETTINGS_CHANNELS, ...HISTORY_CHANNELS, ...BROWSER_CHANNELS] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const EVENTS = [...ORDER_EVENTS, ...SETTINGS_EVENTS, ...HISTORY_EVENTS, ...APP_EVENTS] as const;
export type EventName = (typeof EVENTS)[number];
