// The app feature's channel and event names, free of zod so the preload can list them (shared/channels.ts).
// Its slice (app.ts) gives each name its schemas; TypeScript holds both to the same names.
export const APP_CHANNELS = [
  'app.info',
  'app.diagnostics',
  'app.openLogs',
] as const;
export const APP_EVENTS = ['app.command'] as const;
