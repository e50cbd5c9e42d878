import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ResultCard } from '../../renderer/src/features/order/ResultCard.tsx';
import { BANK_RESULT, makeOrder } from '../fixtures/orders.ts';

afterEach(cleanup);

const bank = BANK_RESULT;

function value(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

describe('Result card', () => {
  it('shows the bank details in words, the account masked, the refund state', () => {
    render(<ResultCard order={makeOrder({ state: 'success', result: bank })} onCopy={async () => true} />);
    const card = screen.getByRole('region', { name: 'Result' });
    expect(value('Name at bank').textContent).toBe('ASHA KUMARI');
    expect(value('Account').textContent).toBe('••••1191');
    expect(card.textContent).not.toContain('026291800001191');
    expect(value('IFSC').textContent).toBe('YESB0000262');
    expect(value('UPI id').textContent).toBe('as***@ybl');
    expect(card.textContent).not.toContain('asha93@ybl');
    expect(value('UTR').textContent).toBe('7048123456');
    expect(value('Refund').textContent).toBe('₹1 refunded to the customer');
    expect(value('Paid').textContent).toBe('25 Nov 2026, 14:04:58 IST');
    const match = within(value('Name match'));
    expect(match.getByText('Moderate partial match').className).toContain('tone-warn');
    expect(value('Name match').textContent).toContain('55/100');
    expect(value('Name match').textContent).toContain('confirm with the customer');
    // The verdict heads the card, in words and tone.
    expect(card.textContent).toMatch(/^Paid: check the name/);
    expect(card.className).toContain('tone-warn');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it.each([
    ['DIRECT_MATCH', 'Direct match', 'tone-good'],
    ['GOOD_PARTIAL_MATCH', 'Good partial match', 'tone-good'],
    ['POOR_PARTIAL_MATCH', 'Poor partial match', 'tone-warn'],
    ['NO_MATCH', 'No match', 'tone-bad'],
  ] as const)('says %s as "%s"', (code, words, tone) => {
    render(<ResultCard order={makeOrder({ state: 'success', result: { ...bank, nameMatchResult: code } })} onCopy={async () => true} />);
    expect(screen.getByText(words).className).toContain(tone);
  });

  it('warns when the payer used a wallet instead of a bank account', () => {
    const wallet = { ...bank, upi: '9876543210@paytm', ifsc: 'PYTM0123456', accountType: '', bankAccount: '919876543210', maskedAccount: 'XXXX3210' };
    render(<ResultCard order={makeOrder({ state: 'success', result: wallet })} onCopy={async () => true} />);
    expect(screen.getByRole('note').textContent).toMatch(/wallet, not a bank account/);
    expect(screen.getByRole('region', { name: 'Result' }).textContent).toMatch(/^Paid from a wallet: ask for a bank account/);
  });

  it('copies masked by default and unmasked only when asked', async () => {
    const copies: boolean[] = [];
    render(<ResultCard order={makeOrder({ state: 'success', result: bank })} onCopy={async (unmasked) => (copies.push(unmasked), true)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy result' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Full account/ }));
    expect(value('UPI id').textContent).toBe('asha93@ybl');
    fireEvent.click(screen.getByRole('button', { name: /^Copy result/ }));
    expect(copies).toEqual([false, true]);
    // "Copied" appears on the button that copied.
    await screen.findByText('✓ Copied');
  });
});
