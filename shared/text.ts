// Characters that hide or reorder text: control characters (NUL, ESC) with the terminal codes they
// start, and format characters (bidi overrides, zero-width spaces, a stray BOM). Pure.

/** ANSI escape sequences (colours, cursor moves), removed whole rather than leaving "[31m". */
// eslint-disable-next-line no-control-regex -- ESC is exactly what this looks for
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]/g;
/** Tab and line breaks stay; so do ZWNJ and ZWJ, which Indic scripts need to spell names. */
const INVISIBLE = /(?![\t\n\r\u200c\u200d])[\p{Cc}\p{Cf}]/gu;

/** The text without control and format characters (tab, line breaks, ZWNJ and ZWJ kept). */
export function dropInvisible(text: string): string {
  return text.replace(ANSI, '').replace(INVISIBLE, '');
}

/** A one-line note as an agent sees it: invisible characters gone, tabs and line breaks a space. */
export function cleanNote(text: string): string {
  return dropInvisible(text).replace(/\s*[\t\n\r]+\s*/g, ' ').trim();
}
