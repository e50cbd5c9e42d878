// The settings feature's channel and event names, free of zod so the preload can list them (shared/channels.ts).
// Its slice (settings.ts) gives each name its schemas; TypeScript holds both to the same names.
export const SETTINGS_CHANNELS = [
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
] as const;
export const SETTINGS_EVENTS = ['settings.changed'] as const;
