// The facts file's error table (../shared/cashfree-rpd.md, beside the project) is what the
// simulator serves: every documented row exists with its HTTP status, type, code and wording.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ERRORS, ERRORS } from '../electron/simulator/errors.ts';

const FACTS = fileURLToPath(new URL('../../shared/cashfree-rpd.md', import.meta.url));

type Row = { status: number; type: string; codes: string[]; message: string | null };

/** The rows of the "## Errors" table; the message without its "(...)" remarks, null when it is only a remark. */
function errorTable(text: string): Row[] {
  const section = text.slice(text.indexOf('## Errors'));
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^\d{3}$/.test(cells[1] ?? '')) continue;
    const [, status, type, code, seen] = cells as [string, string, string, string, string];
    const message = seen.replace(/\s*\((?:\*\*checked\*\*|with|status|wrong)[^)]*\)+.*$/, '').replace(/;?\s*also seen:.*$/, '').trim();
    rows.push({ status: Number(status), type, codes: code.split(' / '), message: message === '' ? null : message });
  }
  return rows;
}

const served = [...Object.values(ERRORS), ...Object.values(ACCOUNT_ERRORS)];

describe.runIf(existsSync(FACTS))('the facts file error table', () => {
  const rows = errorTable(existsSync(FACTS) ? readFileSync(FACTS, 'utf8') : '');

  it('is read whole', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
  });

  it.each(rows.map((r) => [`${r.status} ${r.type} ${r.codes.join('/')}`, r] as const))('%s is served as documented', (_name, row) => {
    const same = served.filter((e) => e.status === row.status && e.body.type === row.type && row.codes.includes(e.body.code));
    expect(same.length, 'no simulator error with this status, type and code').toBeGreaterThan(0);
    if (row.message === null) return;
    // "..." in the table stands for text the table leaves out; the IP is the caller's.
    const pattern = new RegExp(
      `^${row.message
        .split('...')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+\\\.\d+\\\.\d+\\\.\d+/, '\\d+\\.\\d+\\.\\d+\\.\\d+'))
        .join('.*')}$`,
    );
    expect(same.map((e) => e.body.message.replace('1.2.3.4', '106.51.91.104'))).toContainEqual(expect.stringMatching(pattern));
  });
});
