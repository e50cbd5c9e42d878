// One copy of the public settings shared by the profile banner and the Settings dialog: loaded once,
// kept current by the settings.changed event, and refreshed after every change this window makes
// (so the UI is right even if an event is missed).
import type { RpdApi } from '../../../../shared/contract.ts';
import type { PublicSettings } from '../../../../shared/settings.ts';

export interface SettingsStore {
  readonly api: RpdApi;
  subscribe(listener: () => void): () => void;
  getSnapshot(): PublicSettings | null;
  /** Reads the settings again from main. */
  refresh(): Promise<void>;
  /** Takes an answer that already carries the whole settings (settings.import). */
  set(settings: PublicSettings): void;
}

export function createSettingsStore(api: RpdApi): SettingsStore {
  let current: PublicSettings | null = null;
  let stopEvents: (() => void) | null = null;
  const listeners = new Set<() => void>();

  const set = (settings: PublicSettings): void => {
    current = settings;
    for (const listener of listeners) listener();
  };
  const refresh = async (): Promise<void> => {
    const answer = await api['settings.get'](undefined);
    if (answer.ok) set(answer.data);
  };

  return {
    api,
    subscribe(listener) {
      listeners.add(listener);
      if (!stopEvents) {
        stopEvents = api.on('settings.changed', set);
        void refresh();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stopEvents) {
          stopEvents();
          stopEvents = null;
        }
      };
    },
    getSnapshot: () => current,
    refresh,
    set,
  };
}
