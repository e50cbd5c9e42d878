import { useId, useState } from 'react';
import type { Order } from '../../../../shared/domain.ts';
import { bankTimeIst } from '../../../../shared/ist.ts';
import { maskAccount } from '../../../../shared/mask.ts';
import type { Verdict } from '../../../../shared/verdict.ts';
import { orderVerdict } from '../../../../shared/verdict.ts';
import { detectWallet } from '../../../../shared/wallet.ts';
import { VERDICT_WORDS, maskUpi, nameMatchWords, reversalWords } from '../../../../shared/words.ts';
import { CopyButton } from './CopyButton.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

/**
 * What the bank said about the payer: the verdict first, in words, then the facts behind it,
 * masked until the agent asks for them in full, and the ticket text one click away.
 */
export function ResultCard({ order, verdict = orderVerdict(order), onCopy, onRecheck }: { order: Order; verdict?: Verdict; onCopy: (unmasked: boolean) => Promise<boolean>; onRecheck?: () => void }) {
  const [unmasked, setUnmasked] = useState(false);
  const checkId = useId();
  const r = order.result;
  if (!r) return null;
  const words = VERDICT_WORDS[verdict];
  const match = nameMatchWords(r.nameMatchResult);
  const wallet = detectWallet(r);
  return (
    <section className={`result-card tone-${words.tone}`} aria-label="Result">
      <div className="result-verdict">
        <VerdictBadge verdict={verdict} className="verdict-big" />
        <p className="result-advice">{words.advice}</p>
      </div>
      <dl className="result">
        <dt>Name at bank</dt>
        <dd className="name-at-bank">{r.nameAtBank || '—'}</dd>
        <dt>Name match</dt>
        <dd>
          <span className={`match tone-${match.tone}`}>{match.label}</span>
          {r.nameMatchScore !== null && <span className="score"> {r.nameMatchScore}/100</span>}
          <span className="reason">{match.reason}</span>
        </dd>
        <dt>Account</dt>
        <dd className="mono">{(unmasked ? r.bankAccount : maskAccount(r.bankAccount) || r.maskedAccount) || '—'}</dd>
        <dt>IFSC</dt>
        <dd className="mono">{r.ifsc || '—'}</dd>
        <dt>UPI id</dt>
        <dd className="mono">{(unmasked ? r.upi : maskUpi(r.upi)) || '—'}</dd>
        <dt>UTR</dt>
        <dd className="mono">{r.utr || '—'}</dd>
        <dt>Paid</dt>
        <dd>{bankTimeIst(r.pennyCollectedOn || r.processedOn) || '—'}</dd>
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
        <CopyButton label="Copy result" shortcut="Control+Shift+R" copy={() => onCopy(unmasked)} />
        <label className="check" htmlFor={checkId}>
          <input id={checkId} type="checkbox" checked={unmasked} onChange={(e) => setUnmasked(e.target.checked)} /> Full account and UPI id
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
