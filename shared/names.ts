// The customer's name as the agent types it, checked before any call to Cashfree: the one name rule.
// Pure: no Node, no DOM, no zod. Where a name crosses into the app it is checked once: order.create's
// schema (shared/contract/orders.ts), the CLI's --name, a rpd-desk://new link; the Cashfree client
// checks what it sends. The window and the extension apply it as the agent types or selects, for
// instant feedback.
//
// Cashfree compares this name with the account holder's name at the bank. Bank and UPI payee
// names are letters, spaces and a few marks (initials "R.K.", "D'Souza", "Rao-Patil"); NPCI caps
// a payee name at 99 characters, so 100 leaves room and still catches pasted paragraphs.

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 100;

export type NameCheck =
  | { ok: true; name: string; /** Accepted, with something the agent should know. */ hint?: string }
  | { ok: false; reason: string; /** A corrected name to offer in one click. */ suggestion?: string };

// Letters of any script, combining marks (Devanagari vowel signs, viramas), space, . ' -
const ALLOWED = /^[\p{L}\p{M} .'-]$/u;
const LETTER = /\p{L}/u;
// Letters and marks that draw nothing: Hangul fillers, the combining grapheme joiner, Khmer
// inherent vowels, Mongolian and Unicode variation selectors, the Braille blank. They pass as
// "letters" yet make a name that looks like another one.
// The class lists single code points on purpose: each one is refused on its own.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u115F\u1160\u3164\uFFA0\u034F\u17B4\u17B5\u180B-\u180F\u2800\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const LOOKALIKE_SCRIPTS = [
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
] as const;
const LATIN = /\p{Script=Latin}/u;
const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;

/** Banks keep account names in Latin letters, so a name in another script may match poorly. */
export const NON_LATIN_HINT = 'Banks usually hold the name in Latin letters (as on a cheque or passbook): if the match is poor, try the name in English letters.';

const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Shows a character so an agent can see it, even when it is invisible. */
function describeChar(ch: string): string {
  if (!INVISIBLE.test(ch) && /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch)) return `"${ch}"`;
  return `an invisible or control character (${codePoint(ch)})`;
}

/** "Sharma, Priya" as it comes from a CRM: offered back as "Priya Sharma". */
function surnameFirst(name: string): string | undefined {
  const m = /^([^,]+),([^,]+)$/.exec(name);
  if (!m) return undefined;
  const turned = normalizeName(`${m[2]} ${m[1]}`);
  return validateName(turned).ok ? turned : undefined;
}

/** The first word that mixes Latin with a look-alike script, and the odd character in it. */
function mixedScript(name: string): string | null {
  let position = 0;
  for (const word of name.split(/([ .'-])/)) {
    const chars = Array.from(word);
    for (const [script, pattern] of LOOKALIKE_SCRIPTS) {
      if (!LATIN.test(word) || !pattern.test(word)) continue;
      const latin = chars.filter((c) => LATIN.test(c)).length;
      const other = chars.length - latin;
      // Name the character from the smaller script: "Priyа" has one Cyrillic "а".
      const odd = other <= latin ? chars.findIndex((c) => pattern.test(c)) : chars.findIndex((c) => LATIN.test(c));
      const ch = chars[odd] ?? '';
      const which = other <= latin ? script : 'Latin';
      return `The word "${word}" mixes Latin and ${script} letters: the ${which} "${ch}" (${codePoint(ch)}) at position ${position + odd + 1} only looks like a Latin letter. Type the word again in one script.`;
    }
    position += chars.length;
  }
  return null;
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
    if (!ALLOWED.test(ch) || INVISIBLE.test(ch)) {
      const suggestion = ch === ',' ? surnameFirst(name) : undefined;
      if (suggestion) return { ok: false, reason: 'Bank names have no comma: this looks like surname first.', suggestion };
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
  const mixed = mixedScript(name);
  if (mixed) return { ok: false, reason: mixed };
  return NON_LATIN_LETTER.test(name) ? { ok: true, name, hint: NON_LATIN_HINT } : { ok: true, name };
}
