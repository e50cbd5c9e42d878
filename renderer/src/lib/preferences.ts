// The one hook the UI reads preferences through: the settings' preferences, kept current by the
// settings.changed event, over the defaults of shared/templates.ts.
import { useEffect, useMemo } from 'react';
import { DEFAULT_MESSAGE_TEMPLATES } from '../../../shared/templates.ts';
import { setClipboardClearSeconds } from '../api.ts';
import { appSettings } from '../features/settings/appSettings.ts';
import { useSettings } from '../features/settings/useSettings.ts';

export interface UiPreferences {
  messageTemplates: Readonly<Record<string, string>>;
  clipboardClearSeconds: number;
}

export const DEFAULT_PREFERENCES: UiPreferences = { messageTemplates: DEFAULT_MESSAGE_TEMPLATES, clipboardClearSeconds: 60 };

export function usePreferences(): UiPreferences {
  const saved = useSettings(appSettings)?.preferences;
  const prefs = useMemo(
    () =>
      saved
        ? { messageTemplates: { ...DEFAULT_MESSAGE_TEMPLATES, ...saved.messageTemplates }, clipboardClearSeconds: saved.clipboardClearSeconds }
        : DEFAULT_PREFERENCES,
    [saved],
  );
  useEffect(() => setClipboardClearSeconds(prefs.clipboardClearSeconds), [prefs.clipboardClearSeconds]);
  return prefs;
}
