// CSV cells that survive both CSV parsers and spreadsheets. Pure: no I/O.
import { dropInvisible } from '../../../shared/text.ts';

/** Starts that make Excel, LibreOffice or Sheets treat a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** `;` too: Excel splits on it in many locales, and `a;=1+1` would make `=1+1` a cell of its own. */
const NEEDS_QUOTES = /[",;\r\n]/;
/**
 * One CSV cell: invisible characters dropped; a cell starting like a formula gets a leading `'` so
 * spreadsheets show it as text; a cell with a comma, semicolon, quote or line break is quoted with
 * its quotes doubled (RFC 4180).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = dropInvisible(String(value));
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 asks. */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
