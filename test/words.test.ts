import { describe, expect, it } from 'vitest';
import type { Order } from '../shared/domain.ts';
import { NAME_MATCH_RESULTS } from '../shared/domain.ts';
import { BANK_RESULT, makeOrder } from './fixtures/orders.ts';
import { maskUpi, nameMatchWords, resultText, reversalWords } from '../shared/words.ts';

const verified: Order = makeOrder({
  verificationId: 'rpd_7',
  state: 'success',
  result: { ...BANK_RESULT, nameMatchScore: 92, nameMatchResult: 'GOOD_PARTIAL_MATCH', reversalStatus: 'TRANSFER_INITIATED' },
});

describe('words for codes', () => {
  it('names every name-match result with a tone and a reason', () => {
    const labels = NAME_MATCH_RESULTS.map((r) => nameMatchWords(r).label);
    expect(labels).toEqual(['Direct match', 'Good match', 'Moderate match', 'Poor match', 'No match']);
    expect(NAME_MATCH_RESULTS.map((r) => nameMatchWords(r).tone)).toEqual(['good', 'good', 'fair', 'bad', 'bad']);
    for (const r of NAME_MATCH_RESULTS) expect(nameMatchWords(r).reason).toMatch(/\.$/);
  });

  it('says the refund state in words', () => {
    expect(reversalWords('TRANSFER_SUCCESS')).toBe('Rs 1 refunded');
    expect(reversalWords('FAILED')).toMatch(/failed/);
    expect(reversalWords(null)).toMatch(/No refund information/);
  });

  it('masks UPI ids', () => {
    expect(maskUpi('asha93@ybl')).toBe('as***@ybl');
    expect(maskUpi('a@ybl')).toBe('a***@ybl');
  });

  it('copies the result masked unless asked for the full details', () => {
    const masked = resultText(verified);
    expect(masked).toContain('Account: XXXX1191');
    expect(masked).toContain('UPI id: as***@ybl');
    expect(masked).toContain('Name match: Good match (92/100)');
    expect(masked).toContain('Refund: Refund of Rs 1 on its way');
    expect(masked).not.toContain('026291800001191');
    expect(masked).not.toContain('asha93@ybl');
    const full = resultText(verified, { unmasked: true });
    expect(full).toContain('Account: 026291800001191');
    expect(full).toContain('UPI id: asha93@ybl');
  });
});
