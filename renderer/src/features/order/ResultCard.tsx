import { useState } from 'react';
import type { Order } from '../../../../shared/domain.ts';
import { detectWallet } from '../../../../shared/wallet.ts';
import { nameMatchWords, reversalWords } from '../../../../shared/words.ts';
import { formatTime } from '../../lib/format.ts';

/** What the bank said about the payer, in words, with the ticket text one click away. */
export function ResultCard({ order, onCopy, onRecheck }: { order: Order; onCopy: (unmasked: boolean) => void; onRecheck?: () => void }) {
  const [unmasked, setUnmasked] = useState(false);
  const r = order.result;
  if (!r) return null;
  const match = nameMatchWords(r.nameMatchResult);
  const wallet = detectWallet(r);
  return (
    <section className={`result-card tone-${match.tone}`} aria-label="Result">
      <dl className="result">
        <dt>Name at bank</dt>
        <dd className="name-at-bank">{r.nameAtBank || '—'}</dd>
        <dt>Name match</dt>
        <dd>
          <span className={`match match-${match.tone}`}>{match.label}</span>
          {r.nameMatchScore !== null && <span className="score"> {r.nameMatchScore}/100</span>}
          <span className="reason">{match.reason}</span>
        </dd>
        <dt>Account</dt>
        <dd className="mono">{r.maskedAccount || '—'}</dd>
        <dt>IFSC</dt>
        <dd className="mono">{r.ifsc || '—'}</dd>
        <dt>UPI id</dt>
        <dd className="mono">{r.upi || '—'}</dd>
        <dt>UTR</dt>
        <dd className="mono">{r.utr || '—'}</dd>
        <dt>Paid</dt>
        <dd>{formatTime(r.pennyCollectedOn || r.processedOn)}</dd>
        <dt>Refund</dt>
        <dd className={`refund refund-${(r.reversalStatus ?? 'none').toLowerCase()}`}>{reversalWords(r.reversalStatus)}</dd>
      </dl>
      {wallet.wallet && (
        <p className="wallet-warning" role="note">
          Paid from a wallet, not a bank account ({wallet.reason}). The name is the wallet&apos;s KYC name and the account
          number is not a bank account: ask the customer to pay from their bank account.
        </p>
      )}
      <div className="result-actions">
        <button type="button" className="secondary" onClick={() => onCopy(unmasked)}>
          Copy result
        </button>
        <label className="check">
          <input type="checkbox" checked={unmasked} onChange={(e) => setUnmasked(e.target.checked)} /> Full account and UPI id
        </label>
        {onRecheck && r.reversalStatus !== 'TRANSFER_SUCCESS' && (
          <button type="button" className="secondary push-right" onClick={onRecheck}>
            Check refund status
          </button>
        )}
      </div>
    </section>
  );
}
