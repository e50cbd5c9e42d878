import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NAME_MAX_LENGTH, NON_LATIN_HINT, validateName } from '../shared/names.ts';

describe('validateName', () => {
  it.each([
    ['  Ravi   Kumar ', 'Ravi Kumar'],
    ['R.K. Sharma', 'R.K. Sharma'],
    ["D’Souza", "D'Souza"],
    ['Rao-Patil', 'Rao-Patil'],
    ['Ravi\tKumar\n', 'Ravi Kumar'],
    ['Jo', 'Jo'],
  ])('accepts %j as %j', (input, expected) => {
    expect(validateName(input)).toEqual({ ok: true, name: expected });
  });

  it('accepts a name in another script, with the hint that banks hold names in Latin letters', () => {
    expect(validateName('राहुल शर्मा')).toEqual({ ok: true, name: 'राहुल शर्मा', hint: NON_LATIN_HINT });
    expect(NON_LATIN_HINT).toMatch(/Latin letters/);
  });

  it('offers "Priya Sharma" for a surname-first "Sharma, Priya"', () => {
    expect(validateName('Sharma, Priya')).toEqual({ ok: false, reason: expect.stringMatching(/comma/), suggestion: 'Priya Sharma' });
    expect(validateName(' Rao-Patil ,  R.K. ')).toMatchObject({ suggestion: 'R.K. Rao-Patil' });
    // Two commas are not a surname-first name: refused without a guess.
    expect(validateName('Sharma, Priya, K')).not.toHaveProperty('suggestion');
  });

  it.each(['\u115F', '\u1160', '\u3164', '\uFFA0', '\u034F', '\u2800'])('refuses the invisible filler %s, naming it', (escaped) => {
    const ch = JSON.parse(`"${escaped}"`) as string;
    const r = validateName(`Priya${ch}Sharma`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    // Alone, too: a name of fillers is no name.
    expect(validateName(`${ch}${ch}${ch}`).ok).toBe(false);
  });

  it('refuses a word that mixes Latin with Cyrillic or Greek look-alikes, naming the character', () => {
    const cyrillic = validateName('Priy\u0430 Sharma');
    expect(cyrillic).toEqual({ ok: false, reason: expect.stringContaining('Cyrillic "\u0430" (U+0430) at position 5') });
    const greek = validateName('\u0391sha Kumari');
    expect(greek).toEqual({ ok: false, reason: expect.stringContaining('Greek "\u0391" (U+0391) at position 1') });
    // Whole words in one script each are a real name, not a disguise.
    expect(validateName('Ivan Иванов').ok).toBe(true);
    expect(validateName('Иван Иванов')).toMatchObject({ ok: true });
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
