import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NAME_MAX_LENGTH, validateName } from '../shared/names.ts';

describe('validateName', () => {
  it.each([
    ['  Ravi   Kumar ', 'Ravi Kumar'],
    ['R.K. Sharma', 'R.K. Sharma'],
    ["D’Souza", "D'Souza"],
    ['Rao-Patil', 'Rao-Patil'],
    ['राहुल शर्मा', 'राहुल शर्मा'],
    ['Ravi\tKumar\n', 'Ravi Kumar'],
    ['Jo', 'Jo'],
  ])('accepts %j as %j', (input, expected) => {
    expect(validateName(input)).toEqual({ ok: true, name: expected });
  });

  it('says the name is missing when empty or blank', () => {
    for (const input of ['', '   ', '\n\t']) {
      const r = validateName(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/enter the customer's name/i);
    }
  });

  it('names the character that is not allowed and where it is', () => {
    const r = validateName('Ravi K7umar');
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('"7"') });
    if (!r.ok) expect(r.reason).toContain('position 7');
    const at = validateName('ravi@bank');
    if (!at.ok) expect(at.reason).toContain('"@"');
    else throw new Error('accepted an @');
  });

  it('shows control characters by code point', () => {
    const r = validateName('Ravi\u0007Kumar');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('U+0007');
  });

  it('rejects names that are too short, too long, or have no letters', () => {
    expect(validateName('A').ok).toBe(false);
    const long = validateName('a'.repeat(NAME_MAX_LENGTH + 1));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.reason).toContain(String(NAME_MAX_LENGTH + 1));
    expect(validateName('a'.repeat(NAME_MAX_LENGTH)).ok).toBe(true);
    expect(validateName("-- .'").ok).toBe(false);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = validateName(input);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        const r = validateName(input);
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('accepted names validate again to themselves', () => {
    const piece = fc.constantFrom('a', 'Z', 'é', 'ß', 'क', 'ि', '्', 'ा', ' ', '.', "'", '-', '\u2019', '\t', 'Ω', 'ñ');
    const nameish = fc.array(piece, { maxLength: 120 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(nameish, fc.string({ unit: 'binary', maxLength: 120 })), (input) => {
        const r = validateName(input);
        if (r.ok) expect(validateName(r.name)).toEqual(r);
      }),
    );
  });

  it('rejects every control character that is not whitespace', () => {
    const control = fc
      .integer({ min: 0, max: 0x9f })
      .filter((cp) => (cp < 0x20 || cp >= 0x7f) && !/\s/.test(String.fromCharCode(cp)));
    fc.assert(
      fc.property(control, fc.integer({ min: 0, max: 5 }), (cp, at) => {
        const base = 'Ravi Kumar';
        const input = base.slice(0, at + 1) + String.fromCharCode(cp) + base.slice(at + 1);
        const r = validateName(input);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason).toContain('U+');
      }),
    );
  });
});
