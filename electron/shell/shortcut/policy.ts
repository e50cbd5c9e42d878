// Validation of the configurable global shortcut that brings the window forward. A global
// shortcut takes the key away from every other program, so plain keys and one-modifier letter
// combinations (Ctrl+C, Ctrl+V...) are refused.

export const DEFAULT_SHOW_SHORTCUT = 'CommandOrControl+Alt+D';

const MODIFIERS: Readonly<Record<string, string>> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Meta',
};

const NAMED_KEYS = [
  'Plus', 'Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Return', 'Enter', 'Up', 'Down', 'Left',
  'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc', 'PrintScreen',
  'num0', 'num1', 'num2', 'num3', 'num4', 'num5', 'num6', 'num7', 'num8', 'num9',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
];
const NAMED_KEY_BY_LOWER = new Map(NAMED_KEYS.map((k) => [k.toLowerCase(), k]));
const PUNCTUATION = new Set([')', '!', '@', '#', '$', '%', '^', '&', '*', '(', ':', ';', '<', '=', '>', '?', '_', '-', '[', ']', '{', '}', '\\', '|', '/', '~', '`', ',', '.', "'", '"']);

export type ShortcutCheck = { ok: true; accelerator: string } | { ok: false; reason: string };

function normaliseKey(raw: string): { key: string; plainCharacter: boolean } | null {
  if (/^[a-z0-9]$/i.test(raw)) return { key: raw.toUpperCase(), plainCharacter: true };
  if (PUNCTUATION.has(raw)) return { key: raw, plainCharacter: true };
  const f = /^f([1-9]|1[0-9]|2[0-4])$/i.exec(raw);
  if (f) return { key: `F${f[1]}`, plainCharacter: false };
  const named = NAMED_KEY_BY_LOWER.get(raw.toLowerCase());
  return named ? { key: named, plainCharacter: false } : null;
}

/** Checks an Electron accelerator string and returns it in canonical spelling. */
export function validateShortcut(input: string): ShortcutCheck {
  const text = input.trim();
  if (text === '' || text.length > 64) return { ok: false, reason: 'shortcut is empty or too long' };
  const parts = text.split('+').map((p) => p.trim());
  // "Ctrl++" means Ctrl and the plus key: the split leaves two empty parts at the end.
  if (parts.length >= 3 && parts.at(-1) === '' && parts.at(-2) === '') parts.splice(-2, 2, 'Plus');
  if (parts.some((p) => p === '')) return { ok: false, reason: 'shortcut has an empty part' };
  const keyPart = parts.pop() ?? '';
  const modifiers: string[] = [];
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (!modifier) return { ok: false, reason: `"${part}" is not a modifier key` };
    if (modifiers.includes(modifier)) return { ok: false, reason: `"${part}" appears twice` };
    modifiers.push(modifier);
  }
  const key = normaliseKey(keyPart);
  if (!key) return { ok: false, reason: `"${keyPart}" is not a key Electron knows` };
  const strong = modifiers.filter((m) => m !== 'Shift');
  if (strong.length === 0) return { ok: false, reason: 'a global shortcut needs Ctrl, Cmd, Alt or Super' };
  if (key.plainCharacter && modifiers.length < 2) {
    return { ok: false, reason: 'letters, digits and symbols need two modifiers (Ctrl+C and the like belong to other programs)' };
  }
  return { ok: true, accelerator: [...modifiers, key.key].join('+') };
}
