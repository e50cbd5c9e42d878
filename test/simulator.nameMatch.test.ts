import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchNames, nameTokens, NAME_MATCH_RESULTS, resultForScore, spellingDistance } from '../electron/simulator/nameMatch.ts';
import type { NameMatchResult } from '../electron/simulator/nameMatch.ts';

// [entered by the agent, name reported by the bank, expected result]
const REALISTIC_CASES: ReadonlyArray<readonly [string, string, NameMatchResult]> = [
  ['Rahul Kumar', 'RAHUL KUMAR', 'DIRECT_MATCH'],
  ['Rahul Kumar', 'Mr. Rahul Kumar', 'DIRECT_MATCH'],
  ['Rahul Kumar', 'KUMAR RAHUL', 'DIRECT_MATCH'],
  ['Rahul  Kumar.', 'rahul-kumar', 'DIRECT_MATCH'],
  ['Smt. Sunita Devi', 'SUNITA DEVI', 'DIRECT_MATCH'],
  ['Kumari Anjali Mehta', 'ANJALI MEHTA', 'DIRECT_MATCH'],
  ['Shri Ramesh Iyer', 'RAMESH IYER', 'DIRECT_MATCH'],
  ['Suresh Babu K', 'K SURESH BABU', 'DIRECT_MATCH'],
  ['Priya Nair', 'PRIYA NAIR W/O SURESH NAIR', 'DIRECT_MATCH'],
  ['R. Kumar', 'Rahul Kumar', 'GOOD_PARTIAL_MATCH'],
  ['RK Sharma', 'RAHUL KUMAR SHARMA', 'GOOD_PARTIAL_MATCH'],
  ['Sunil Sharma', 'SUNEEL SHARMA', 'GOOD_PARTIAL_MATCH'],
  ['Pooja Verma', 'PUJA WERMA', 'GOOD_PARTIAL_MATCH'],
  ['Phoolan Devi', 'FULAN DEVI', 'GOOD_PARTIAL_MATCH'],
  ['Shashi Tharoor', 'SASHI THAROOR', 'GOOD_PARTIAL_MATCH'],
  ['Mohammed Irfan', 'MD IRFAN', 'GOOD_PARTIAL_MATCH'],
  ['Lakshmi Narayanan', 'LAXMI NARAYANAN', 'GOOD_PARTIAL_MATCH'],
  ['Ramkumar Singh', 'RAM KUMAR SINGH', 'GOOD_PARTIAL_MATCH'],
  ['Deepak Yadav', 'DIPAK YADAV', 'GOOD_PARTIAL_MATCH'],
  ['Amit Patel', 'AMIT PATIL', 'GOOD_PARTIAL_MATCH'],
  ['Abhishek Bachchan', 'ABHISHEK BACHAN', 'GOOD_PARTIAL_MATCH'],
  ['Rahul Kumar', 'RAHUL KUMAR SHARMA', 'GOOD_PARTIAL_MATCH'],
  ['Rahul', 'RAHUL KUMAR', 'MODERATE_PARTIAL_MATCH'],
  ['Rahul Kumar', 'RAHUL SHARMA', 'POOR_PARTIAL_MATCH'],
  ['Rajesh Gupta', 'RAMESH GUPTA', 'POOR_PARTIAL_MATCH'],
  ['Rahul Kumar', 'PRIYA SHARMA', 'NO_MATCH'],
  ['Rajesh', 'RAMESH', 'NO_MATCH'],
  ['Rahul Kumar', 'BHARATHTEST GKUMARUT', 'NO_MATCH'],
  ['John Doe', 'JANE ROE', 'NO_MATCH'],
];

describe('name match', () => {
  it.each(REALISTIC_CASES)('%s vs %s is %s', (entered, atBank, expected) => {
    const match = matchNames(entered, atBank);
    expect(match.result).toBe(expected);
    expect(resultForScore(match.score)).toBe(expected);
  });

  it('only an exact match after normalisation scores 100', () => {
    expect(matchNames('Dr. Anil Kapoor', 'KAPOOR ANIL').score).toBe(100);
    expect(matchNames('Anil Kapoor', 'ANIL KAPUR').score).toBeLessThan(100);
    expect(matchNames('Anil Kapoor', 'ANIL KAPUR').score).toBeGreaterThanOrEqual(80);
  });

  it('ranks closer names higher', () => {
    const exact = matchNames('Rahul Kumar Sharma', 'RAHUL KUMAR SHARMA').score;
    const variant = matchNames('Rahul Kumar Sharma', 'RAAHUL KUMAR SHARMA').score;
    const initial = matchNames('Rahul Kumar Sharma', 'R KUMAR SHARMA').score;
    const missing = matchNames('Rahul Kumar Sharma', 'RAHUL SHARMA').score;
    const other = matchNames('Rahul Kumar Sharma', 'VIKRAM SINGH').score;
    expect(exact).toBeGreaterThan(variant);
    expect(variant).toBeGreaterThan(initial);
    expect(initial).toBeGreaterThan(missing);
    expect(missing).toBeGreaterThan(other);
  });

  it('treats names with nothing but honorifics or punctuation as no match', () => {
    expect(matchNames('Mr.', 'RAHUL KUMAR')).toEqual({ score: 0, result: 'NO_MATCH' });
    expect(matchNames('Rahul', '---')).toEqual({ score: 0, result: 'NO_MATCH' });
  });

  it('splits dotted and run-together initials but keeps Md as a name', () => {
    expect(nameTokens('Dr. A.P.J. Abdul Kalam')).toEqual(['a', 'p', 'j', 'abdul', 'kalam']);
    expect(nameTokens('RK Sharma')).toEqual(['r', 'k', 'sharma']);
    expect(nameTokens('Md Irfan')).toEqual(['md', 'irfan']);
  });

  it('counts vowel changes as cheaper than consonant changes', () => {
    expect(spellingDistance('patel', 'patil')).toBeLessThan(spellingDistance('rajesh', 'ramesh'));
    expect(spellingDistance('abc', 'abc')).toBe(0);
  });

  const nameArbitrary = fc
    .array(fc.stringMatching(/^[A-Za-z]{1,10}$/), { minLength: 1, maxLength: 4 })
    .map((words) => words.join(' '));

  it('is symmetric, bounded and consistent for any names', () => {
    fc.assert(
      fc.property(nameArbitrary, nameArbitrary, (a, b) => {
        const ab = matchNames(a, b);
        const ba = matchNames(b, a);
        expect(ab.score).toBe(ba.score);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(100);
        expect(NAME_MATCH_RESULTS).toContain(ab.result);
        expect(ab.result).toBe(resultForScore(ab.score));
      }),
      { numRuns: 300 },
    );
  });

  it('ignores case, punctuation, honorifics and word order for any name', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{2,10}$/), { minLength: 1, maxLength: 4 }), (words) => {
        const entered = words.join(' ');
        fc.pre(nameTokens(entered).length > 0); // a "name" made only of honorifics is no name
        const atBank = `MR. ${[...words].reverse().join(', ').toUpperCase()}`;
        expect(matchNames(entered, atBank).result).toBe('DIRECT_MATCH');
      }),
      { numRuns: 200 },
    );
  });
});
