// The names alone, so the preload can list them without pulling zod into its bundle.
// The features' slices in shared/contract/ give each its schemas; a test checks that both agree.
export const CHANNELS = [
  'app.info',
  'app.diagnostics',
  'app.openLogs',
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
  'clipboard.write',
  'qr.save',
  'qr.copy',
  'window.present',
  'notify.show',
  'settings.get',
  'settings.setProfile',
  'settings.saveCredentials',
  'settings.deleteCredentials',
  'settings.setBaseUrl',
  'settings.updatePreferences',
  'settings.testConnection',
  'settings.export',
  'settings.importPreview',
  'settings.import',
  'history.search',
  'history.info',
  'history.export',
  'history.deleteAll',
  'browser.integration',
  'browser.setIntegration',
] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const EVENTS = ['order.updated', 'order.checked', 'settings.changed', 'app.command'] as const;
export type EventName = (typeof EVENTS)[number];
