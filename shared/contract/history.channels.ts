// The history feature's channel and event names, free of zod so the preload can list them (shared/channels.ts).
// Its slice (history.ts) gives each name its schemas; TypeScript holds both to the same names.
export const HISTORY_CHANNELS = [
  'history.search',
  'history.info',
  'history.export',
  'history.deleteAll',
] as const;
export const HISTORY_EVENTS = ['history.pruned'] as const;
