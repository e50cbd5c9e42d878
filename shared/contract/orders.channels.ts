// The orders feature's channel and event names, free of zod so the preload can list them (shared/channels.ts).
// Its slice (orders.ts) gives each name its schemas; TypeScript holds both to the same names.
export const ORDER_CHANNELS = [
  'order.prewarm',
  'order.create',
  'order.get',
  'order.open',
  'order.recheck',
  'order.focus',
  'demo.pay',
  'demo.fail',
  'demo.expire',
  'demo.fault',
] as const;
export const ORDER_EVENTS = ['order.updated', 'order.checked'] as const;
