import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createVerificationIdGenerator, isVerificationId, newVerificationId, VERIFICATION_ID_MAX_LENGTH } from '../shared/ids.ts';

// Times from 2020 to 2100, the range the app will live in.
const time = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2100, 0, 1) });
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('newVerificationId', () => {
  it('matches Cashfree format rules: at most 50 characters of [A-Za-z0-9._-]', () => {
    fc.assert(
      fc.property(time, fc.array(unit, { minLength: 8, maxLength: 8 }), (now, rs) => {
        const gen = createVerificationIdGenerator();
        let i = 0;
        const id = gen(now, () => rs[i++ % rs.length]!);
        expect(id.length).toBeLessThanOrEqual(VERIFICATION_ID_MAX_LENGTH);
        expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
        expect(isVerificationId(id)).toBe(true);
      }),
    );
  });

  it('sorts as plain strings in the order the ids were made, for any rising clock', () => {
    fc.assert(
      fc.property(fc.array(time, { minLength: 2, maxLength: 60 }), (times) => {
        const gen = createVerificationIdGenerator();
        const ordered = [...times].sort((a, b) => a - b);
        const ids = ordered.map((t) => gen(t));
        const sorted = [...ids].sort();
        expect(sorted).toEqual(ids);
      }),
    );
  });

  it('keeps sorting after the clock steps back', () => {
    const gen = createVerificationIdGenerator();
    const a = gen(Date.UTC(2030, 0, 1, 12));
    const b = gen(Date.UTC(2030, 0, 1, 11)); // clock set back an hour
    expect(b > a).toBe(true);
  });

  it('never repeats, even with the same time and the same random numbers', () => {
    fc.assert(
      fc.property(time, fc.integer({ min: 2, max: 500 }), (now, n) => {
        const gen = createVerificationIdGenerator();
        const ids = Array.from({ length: n }, () => gen(now, () => 0.5));
        expect(new Set(ids).size).toBe(n);
        expect([...ids].sort()).toEqual(ids);
      }),
      { numRuns: 30 },
    );
  });

  it('differs between two generators (two processes) at the same millisecond', () => {
    const now = Date.UTC(2030, 5, 1);
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add(createVerificationIdGenerator()(now));
    expect(ids.size).toBe(200);
  });

  it('the shared generator makes valid, rising ids', () => {
    const ids = Array.from({ length: 1000 }, () => newVerificationId());
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(isVerificationId(id)).toBe(true);
  });
});
