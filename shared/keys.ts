// The one rule for Cashfree keys: they travel as HTTP header values, so printable ASCII without
// spaces. Settings checks a paste with it at save; the client checks again before each call.

/** Printable ASCII, no spaces: what a header value may carry unchanged. */
export const KEY_TEXT = /^[\x21-\x7e]+$/;

const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` cannot be a key (the first offending character named), or null when it can. */
export function keyProblem(what: string, value: string): string | null {
  if (value === '') return `The ${what} is empty.`;
  if (KEY_TEXT.test(value)) return null;
  const bad = [...value].find((ch) => !KEY_TEXT.test(ch)) ?? '';
  // Named by code point only: the message never quotes any part of a secret.
  const shown = /\s/.test(bad) ? 'a space' : /[\p{Cc}\p{Cf}]/u.test(bad) ? `an invisible character (${codePoint(bad)})` : `a character outside plain ASCII (${codePoint(bad)})`;
  return `The ${what} contains ${shown}; keys are plain letters, digits and symbols. Copy it again from the Cashfree dashboard.`;
}
