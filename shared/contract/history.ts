// The history feature's slice of the contract: search, counts, export, delete.
import { z } from 'zod';
import { HistoryPage, HistoryQuery } from '../history.ts';
import { Nothing } from './common.ts';
import type { ChannelSlice, EventSlice } from './common.ts';
import type { HISTORY_CHANNELS, HISTORY_EVENTS } from './history.channels.ts';

export const historyChannels = {
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
} as const satisfies ChannelSlice<typeof HISTORY_CHANNELS>;

export const historyEvents = {
  /** Retention deleted old orders: lists and counts the window shows may hold some of them. */
  'history.pruned': z.object({ deleted: z.number().int().positive() }),
} as const satisfies EventSlice<typeof HISTORY_EVENTS>;
