// The app's settings store, over the real api (window.rpd or the HTTP bridge).
import { api } from '../../api.ts';
import { createSettingsStore } from './store.ts';

export const appSettings = createSettingsStore(api);
