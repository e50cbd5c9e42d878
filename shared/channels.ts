// The names alone, so the preload can list them without pulling zod into its bundle.
// shared/contract.ts gives each its schemas; a test checks that both lists agree.
export const CHANNELS = [
  'app.info',
  'order.create',
  'order.get',
  'order.open',
  'order.recheck',
  'demo.pay',
  'demo.fail',
  'demo.expire',
  'demo.fault',
  'clipboard.write',
  'qr.save',
  'qr.copy',
  'window.present',
  'notify.show',
] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const EVENTS = ['order.updated'] as const;
export type EventName = (typeof EVENTS)[number];
