// Name match between the name a merchant sent and the name the remitter's bank reports.
// Cashfree does not publish its algorithm; this one behaves the way agents expect:
// case, spacing, punctuation, honorifics and word order do not matter, initials match
// the names they abbreviate, and common Indian transliteration variants count as near-equal.

import type { NameMatchResult } from '../../shared/domain.ts';
export { NAME_MATCH_RESULTS } from '../../shared/domain.ts';
export type { NameMatchResult };

export interface NameMatch {
  /** 0..100 */
  score: number;
  result: NameMatchResult;
}

const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'shri', 'sri', 'shree', 'sree', 'smt', 'shrimati',
  'srimati', 'kumari', 'kum', 'km', 'master', 'mast', 'late', 'capt', 'col', 'adv', 'er', 'ca',
]);

const ABBREVIATED_NAMES = new Set(['md', 'mst', 'sk']);

// Relations printed by some banks: "RAVI S/O MOHAN" keeps only the account holder.
const RELATION_MARKERS = new Set(['s/o', 'd/o', 'w/o', 'c/o']);

/** Lower-case words without honorifics; dots and other punctuation separate words. */
export function nameTokens(name: string): string[] {
  const lowered = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const relation = lowered.split(/\s+/).findIndex((word) => RELATION_MARKERS.has(word));
  const holderPart = relation > 0 ? lowered.split(/\s+/).slice(0, relation).join(' ') : lowered;
  const words = holderPart
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0 && !HONORIFICS.has(word));
  // "RK" (no vowel, two or three letters) is a run of initials; "Md" is a name, not initials.
  return words.flatMap((word) =>
    word.length <= 3 && word.length > 1 && !/[aeiouy]/.test(word) && !ABBREVIATED_NAMES.has(word) ? [...word] : [word],
  );
}

const SPELLING_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(mohd|md|mohammed|mohammad|muhammad|muhammed|mohamed|mohamad|muhamad)$/g, 'mohammad'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/q/g, 'k'],
  [/z/g, 'j'],
  [/ck/g, 'k'],
  [/x/g, 'ks'],
  [/([bcdgkpt])h/g, '$1'], // bh/dh/gh/kh/th/ch: aspiration is spelt either way
  [/sh/g, 's'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
  [/ou/g, 'u'],
  [/y$/g, 'i'],
  [/([a-z])\1+/g, '$1'], // doubled letters: Abbas/Abas, Krishnan/Krisnan
  [/a$/g, ''], // trailing schwa: Rama/Ram, Krishna/Krishn
];

/** Spelling-insensitive key for one word. */
export function canonicalWord(word: string): string {
  let key = word;
  for (const [pattern, replacement] of SPELLING_RULES) key = key.replace(pattern, replacement);
  return key.length > 0 ? key : word;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * Edit distance where vowels are cheap: romanised Indian names vary mostly in vowels
 * (Patel/Patil, Deepak/Dipak), while a different consonant usually means a different name
 * (Rajesh/Ramesh).
 */
export function spellingDistance(a: string, b: string): number {
  const indel = (c: string | undefined): number => (c !== undefined && VOWELS.has(c) ? 0.5 : 1);
  let previous = [0];
  for (let j = 1; j <= b.length; j++) previous.push((previous[j - 1] ?? 0) + indel(b[j - 1]));
  for (let i = 1; i <= a.length; i++) {
    const current = [(previous[0] ?? 0) + indel(a[i - 1])];
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1];
      const y = b[j - 1];
      const cost = x === y ? 0 : x !== undefined && y !== undefined && VOWELS.has(x) && VOWELS.has(y) ? 0.3 : 1;
      current.push(Math.min((previous[j] ?? 0) + indel(x), (current[j - 1] ?? 0) + indel(y), (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

function stringSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - spellingDistance(a, b) / longest;
}

const INITIAL_SIMILARITY = 0.8;
const VARIANT_SIMILARITY = 0.95;
/** Below this two words are different names, not misspellings of one another. */
const MIN_WORD_SIMILARITY = 0.8;

function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 1 || b.length === 1) {
    return a[0] === b[0] ? INITIAL_SIMILARITY : 0;
  }
  const keyA = canonicalWord(a);
  const keyB = canonicalWord(b);
  if (keyA === keyB) return VARIANT_SIMILARITY;
  const similarity = stringSimilarity(keyA, keyB) * VARIANT_SIMILARITY;
  return similarity >= MIN_WORD_SIMILARITY ? similarity : 0;
}

/**
 * Best one-to-one pairing of words (so word order does not matter), as a 0..1 score where
 * unpaired words count against the match.
 */
function tokenScore(a: readonly string[], b: readonly string[]): number {
  // Keep the bitmask over the shorter list; names rarely have more than a handful of words.
  const [rows, columns] = a.length >= b.length ? [a, b] : [b, a];
  const usable = columns.slice(0, 12);
  const similarity = rows.map((row) => usable.map((column) => wordSimilarity(row, column)));
  // best[mask]: the best total pairing the processed rows with the columns in mask.
  let best = new Map<number, number>([[0, 0]]);
  for (const rowSimilarities of similarity) {
    const next = new Map(best);
    for (const [mask, total] of best) {
      rowSimilarities.forEach((value, column) => {
        const bit = 1 << column;
        if (value <= 0 || (mask & bit) !== 0) return;
        const candidate = total + value;
        if (candidate > (next.get(mask | bit) ?? -1)) next.set(mask | bit, candidate);
      });
    }
    best = next;
  }
  const matched = Math.max(...best.values());
  return (2 * matched) / (a.length + b.length);
}

export function resultForScore(score: number): NameMatchResult {
  if (score >= 100) return 'DIRECT_MATCH';
  if (score >= 80) return 'GOOD_PARTIAL_MATCH';
  if (score >= 60) return 'MODERATE_PARTIAL_MATCH';
  if (score >= 30) return 'POOR_PARTIAL_MATCH';
  return 'NO_MATCH';
}

/** Compares the expected name with the name at the bank. */
export function matchNames(expected: string, atBank: string): NameMatch {
  const a = nameTokens(expected);
  const b = nameTokens(atBank);
  if (a.length === 0 || b.length === 0) return { score: 0, result: 'NO_MATCH' };
  const sortedA = [...a].sort().join(' ');
  const sortedB = [...b].sort().join(' ');
  if (sortedA === sortedB) return { score: 100, result: 'DIRECT_MATCH' };
  // Words run together or split differently: "Ramkumar" vs "Ram Kumar".
  const joined =
    a.length !== b.length ? stringSimilarity(a.map(canonicalWord).join(''), b.map(canonicalWord).join('')) * VARIANT_SIMILARITY : 0;
  const best = Math.max(tokenScore(a, b), joined >= MIN_WORD_SIMILARITY ? joined : 0);
  // Only an exact match (after normalisation) is a direct match.
  const score = Math.min(99, Math.round(best * 100));
  return { score, result: resultForScore(score) };
}
