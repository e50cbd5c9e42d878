// Electron accelerators ("CommandOrControl+Alt+R") in the words of the agent's keyboard.
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export const MOD = isMac ? '⌘' : 'Ctrl';

const WORDS: Record<string, string> = {
  commandorcontrol: MOD,
  cmdorctrl: MOD,
  control: 'Ctrl',
  ctrl: 'Ctrl',
  command: '⌘',
  cmd: '⌘',
  alt: isMac ? '⌥' : 'Alt',
  option: '⌥',
  shift: 'Shift',
  super: isMac ? '⌘' : 'Win',
};

/** "CommandOrControl+Alt+R" -> "Ctrl+Alt+R" (or "⌘+⌥+R" on a Mac). */
export function formatAccelerator(accelerator: string): string {
  return accelerator
    .split('+')
    .map((part) => WORDS[part.trim().toLowerCase()] ?? part.trim())
    .join('+');
}
