// The settings feature's channels (shared/contract/settings.ts) over the settings service.
import type { settingsChannels } from '../../../shared/contract/settings.ts';
import type { ProbeOutcome } from '../../../shared/contract.ts';
import type { ProfileKind } from '../../../shared/domain.ts';
import type { Impls } from '../handlers.ts';
import type { SettingsService } from './service.ts';

export interface SettingsFeature {
  settings: SettingsService;
  testConnection: (profile: ProfileKind) => Promise<ProbeOutcome>;
  /** After a settings change; names the profile whose keys or address changed. */
  changed: (profile?: ProfileKind) => void;
}

export function settingsHandlers({ settings, testConnection, changed }: SettingsFeature): Impls<keyof typeof settingsChannels> {
  const after = <T>(value: T, profile?: ProfileKind): T => {
    changed(profile);
    return value;
  };
  return {
    'settings.get': () => settings.getPublicSettings(),
    'settings.setProfile': ({ kind, confirmProduction }) => {
      const answer = settings.setActiveProfile(kind, { confirmProduction });
      return answer.status === 'switched' ? after(answer) : answer;
    },
    'settings.saveCredentials': async ({ kind, ...input }) => after(await settings.saveCredentials(kind, input), kind),
    'settings.deleteCredentials': ({ kind }) => after(settings.deleteCredentials(kind), kind),
    'settings.setBaseUrl': async ({ kind, url, ...secret }) => after(await settings.setCustomBaseUrl(kind, url, secret), kind),
    'settings.updatePreferences': (patch) => after(settings.applyPreferences(patch)),
    'settings.testConnection': ({ kind }) => testConnection(kind),
    'settings.export': () => ({ json: settings.exportSettingsJson() }),
    'settings.importPreview': ({ json }) => settings.previewImport(json),
    'settings.import': async ({ json, apply }) => {
      const imported = await settings.importSettings(json, apply);
      // An imported address takes effect at the next call of its profile.
      changed('sandbox');
      return after(imported, 'production');
    },
  };
}
