import { useSyncExternalStore } from 'react';
import type { PublicSettings } from '../../../../shared/settings.ts';
import type { SettingsStore } from './store.ts';

export function useSettings(store: SettingsStore): PublicSettings | null {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
