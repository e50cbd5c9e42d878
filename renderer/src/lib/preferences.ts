// The one hook the UI reads preferences through: the settings' preferences, kept current by the
// settings.changed event, over the defaults of shared/templates.ts.
import { useMemo } from 'react';
import { DEFAULT_MESSAGE_TEMPLATES } from '../../../shared/templates.ts';
import { useDesk } from '../context.ts';
import { useSettings } from '../features/settings/useSettings.ts';

export interface UiPreferences {
  messageTemplates: Readonly<Record<string, string>>;
  clipboardClearSeconds: number;
  globalShortcut: string | null;
}

export const DEFAULT_PREFERENCES: UiPreferences = { messageTemplates: DEFAULT_MESSAGE_TEMPLATES, clipboardClearSeconds: 60, globalShortcut: null };

export function usePreferences(): UiPreferences {
  const saved = useSettings(useDesk().settings)?.preferences;
  return useMemo(
    () =>
      saved
        ? {
            messageTemplates: { ...DEFAULT_MESSAGE_TEMPLATES, ...saved.messageTemplates },
            clipboardClearSeconds: saved.clipboardClearSeconds,
            globalShortcut: saved.globalShortcut || null,
          }
        : DEFAULT_PREFERENCES,
    [saved],
  );
}
