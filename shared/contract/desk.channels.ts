// The desk feature's channel and event names, free of zod so the preload can list them (shared/channels.ts).
// Its slice (desk.ts) gives each name its schemas; TypeScript holds both to the same names.
export const DESK_CHANNELS = [
  'clipboard.write',
  'qr.save',
  'qr.copy',
  'window.present',
  'notify.show',
] as const;
