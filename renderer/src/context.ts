// The one way the UI reaches main: the api client and the settings store over it, made once in
// main.tsx and read with useDesk() anywhere below.
import { createContext, useContext } from 'react';
import type { RpdApi } from '../../shared/contract.ts';
import type { SettingsStore } from './features/settings/store.ts';
import { createSettingsStore } from './features/settings/store.ts';

export interface Desk {
  api: RpdApi;
  isDesktop: boolean;
  settings: SettingsStore;
}

export function createDesk(api: RpdApi, isDesktop: boolean): Desk {
  return { api, isDesktop, settings: createSettingsStore(api) };
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk() outside <DeskContext.Provider>');
  return desk;
}
