// The customer's name as the agent types it, checked before any call to Cashfree.
// Pure: no Node, no DOM. Used by the renderer as the agent types and by the client before a call.
//
// Cashfree compares this name with the account holder's name at the bank. Bank and UPI payee
// names are letters, spaces and a few marks (initials "R.K.", "D'Souza", "Rao-Patil"); NPCI caps
// a payee name at 99 characters, so 100 leaves room and still catches pasted paragraphs.

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 100;

export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

// Letters of any script, combining marks (Devanagari vowel signs, viramas), space, . ' -
const ALLOWED = /^[\p{L}\p{M} .'-]$/u;
const LETTER = /\p{L}/u;

/** Shows a character so an agent can see it, even when it is invisible. */
function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(ch)) return `"${ch}"`;
  return `an invisible or control character (${code})`;
}

/** Trims, folds every run of whitespace to one space, uses the plain apostrophe, NFC form. */
export function normalizeName(input: string): string {
  return input
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\s\u200B]+/gu, ' ')
    .trim()
    .normalize('NFC');
}

export function validateName(input: unknown): NameCheck {
  if (typeof input !== 'string') return { ok: false, reason: "Enter the customer's name." };
  const name = normalizeName(input);
  if (name === '') return { ok: false, reason: "Enter the customer's name." };
  const chars = Array.from(name);
  let position = 0;
  for (const ch of chars) {
    position += 1;
    if (!ALLOWED.test(ch)) {
      const what = /\p{N}/u.test(ch) ? `a digit (${JSON.stringify(ch)})` : describeChar(ch);
      return {
        ok: false,
        reason: `The name contains ${what} at position ${position}. Use only letters, spaces, dots, apostrophes and hyphens.`,
      };
    }
  }
  if (!LETTER.test(name)) return { ok: false, reason: 'The name must contain letters.' };
  if (chars.length < NAME_MIN_LENGTH) {
    return { ok: false, reason: `The name is too short: enter at least ${NAME_MIN_LENGTH} characters.` };
  }
  if (chars.length > NAME_MAX_LENGTH) {
    return {
      ok: false,
      reason: `The name is too long: ${chars.length} characters, at most ${NAME_MAX_LENGTH}.`,
    };
  }
  return { ok: true, name };
}
