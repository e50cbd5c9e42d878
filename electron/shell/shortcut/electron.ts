// The global shortcut that brings the window forward. Validation lives in policy.ts.
import { globalShortcut } from 'electron';
import { validateShortcut } from './policy.ts';

export type ShortcutResult = { ok: true; accelerator: string } | { ok: false; reason: string };

let current: string | null = null;

/**
 * Call after 'ready' (and again when the setting changes): replaces the previous shortcut.
 * Fails without changing anything if the text is invalid or another program holds the keys.
 */
export function setShowShortcut(accelerator: string, onPress: () => void): ShortcutResult {
  const checked = validateShortcut(accelerator);
  if (!checked.ok) return checked;
  if (current === checked.accelerator) return checked;
  if (!globalShortcut.register(checked.accelerator, onPress)) {
    return { ok: false, reason: 'another program already uses this shortcut' };
  }
  if (current) globalShortcut.unregister(current);
  current = checked.accelerator;
  return checked;
}

/** Call on 'will-quit'. */
export function clearShowShortcut(): void {
  if (current) globalShortcut.unregister(current);
  current = null;
}
