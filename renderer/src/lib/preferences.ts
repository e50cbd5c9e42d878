// The one hook the UI reads preferences through. Until settings.get is in the contract it
// answers the defaults (shared/templates.ts); then only this file changes.
import { useMemo } from 'react';
import { DEFAULT_MESSAGE_TEMPLATES } from '../../../shared/templates.ts';
import { setClipboardClearSeconds } from '../api.ts';

export interface UiPreferences {
  messageTemplates: Readonly<Record<string, string>>;
  clipboardClearSeconds: number;
}

export const DEFAULT_PREFERENCES: UiPreferences = { messageTemplates: DEFAULT_MESSAGE_TEMPLATES, clipboardClearSeconds: 60 };

export function usePreferences(): UiPreferences {
  return useMemo(() => {
    setClipboardClearSeconds(DEFAULT_PREFERENCES.clipboardClearSeconds);
    return DEFAULT_PREFERENCES;
  }, []);
}
