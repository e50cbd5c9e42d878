// The browser bridge's channel and event names, free of zod so the preload can list them (shared/channels.ts).
// Its slice (browser-bridge.ts) gives each name its schemas; TypeScript holds both to the same names.
export const BROWSER_CHANNELS = [
  'browser.integration',
  'browser.setIntegration',
] as const;
