// One order in full: what the bank said, when, and what happened to the ₹1; re-check for orders
// not final yet, and the result as text for a ticket. Mount with key={verificationId}.
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Order } from '../../../../shared/domain.ts';
import { isFinal } from '../../../../shared/domain.ts';
import { bankTimeIst, istFull } from '../../../../shared/ist.ts';
import { maskAccount } from '../../../../shared/mask.ts';
import type { AppError } from '../../../../shared/result.ts';
import { orderVerdict } from '../../../../shared/verdict.ts';
import { PROFILE_WORDS, VERDICT_WORDS, maskUpi, nameMatchWords, reversalWords, ticketText } from '../../../../shared/words.ts';
import { VerdictBadge } from '../order/VerdictBadge.tsx';
import type { HistoryApi } from './api.ts';

type Load = { status: 'loading' } | { status: 'ready'; order: Order } | { status: 'error'; error: AppError };
type Notice = { kind: 'info' | 'error'; text: string } | null;

export function HistoryDetail({ api, verificationId }: { api: HistoryApi; verificationId: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [checking, setChecking] = useState(false);
  const [fullAccount, setFullAccount] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  // The state the agent last saw announced: a live update to another state clears the notice.
  const knownState = useRef<Order['state'] | null>(null);

  useEffect(() => {
    let current = true;
    void api['order.get']({ verificationId }).then((r) => {
      if (!current) return;
      setLoad(r.ok ? { status: 'ready', order: r.data } : { status: 'error', error: r.error });
      if (r.ok) knownState.current ??= r.data.state;
    });
    const off = api.on('order.updated', (order) => {
      if (order.verificationId !== verificationId) return;
      setLoad({ status: 'ready', order });
      // A new state makes an earlier "Checked just now: …" out of date.
      if (order.state !== knownState.current) setNotice(null);
      knownState.current = order.state;
    });
    return () => {
      current = false;
      off();
    };
  }, [api, verificationId]);

  if (load.status === 'loading') return <p className="history-detail-empty">Loading the order…</p>;
  if (load.status === 'error') {
    return (
      <p className="history-detail-empty error" role="alert">
        {`This order could not be opened. ${load.error.message}`}
      </p>
    );
  }
  const order = load.order;
  const r = order.result;

  async function recheck(): Promise<void> {
    setChecking(true);
    setNotice({ kind: 'info', text: 'Asking Cashfree for the latest status…' });
    const answer = await api['order.recheck']({ verificationId });
    setChecking(false);
    if (answer.ok) {
      knownState.current = answer.data.state;
      setLoad({ status: 'ready', order: answer.data });
      setNotice({ kind: 'info', text: `Checked just now: ${VERDICT_WORDS[orderVerdict(answer.data)].label}.` });
    } else {
      setNotice({ kind: 'error', text: `The status could not be checked. ${answer.error.message}` });
    }
  }

  async function copy(): Promise<void> {
    const answer = await api['clipboard.write']({ text: ticketText(order, { unmasked: fullAccount }), sensitive: true });
    setNotice(
      answer.ok
        ? { kind: 'info', text: fullAccount ? 'Result copied, with the full account and UPI id.' : 'Result copied, with the account and UPI id masked.' }
        : { kind: 'error', text: `The result could not be copied. ${answer.error.message}` },
    );
  }

  const rows: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode): void => {
    if (value !== null && value !== undefined && value !== '') rows.push([label, value]);
  };
  if (r) {
    add('Name at bank', <strong>{r.nameAtBank}</strong>);
    const match = nameMatchWords(r.nameMatchResult);
    add(
      'Name match',
      <span className={`tone-${match.tone}`}>
        {match.label}
        {r.nameMatchScore === null ? '' : ` (${r.nameMatchScore}/100)`}
      </span>,
    );
    add('Account', <span className="mono">{fullAccount ? r.bankAccount : maskAccount(r.bankAccount) || r.maskedAccount}</span>);
    add('IFSC', <span className="mono">{r.ifsc}</span>);
    add('UPI id', <span className="mono">{fullAccount ? r.upi : maskUpi(r.upi)}</span>);
    add('UTR', <span className="mono">{r.utr}</span>);
    add('Account type', r.accountType);
    add('Paid at', bankTimeIst(r.pennyCollectedOn));
    add('Processed at', bankTimeIst(r.processedOn));
    add('Refund', reversalWords(r.reversalStatus));
  }
  add('Created', istFull(order.createdAt));
  add('Last change', istFull(order.updatedAt));
  if (order.state === 'created' && order.validUpto !== null) add('Link valid until', istFull(order.validUpto));
  add('Profile', PROFILE_WORDS[order.profile]);
  add('Verification id', <span className="mono">{order.verificationId}</span>);
  add('Cashfree reference', order.refId && <span className="mono">{order.refId}</span>);
  add('Note', order.note);

  return (
    <article className="history-detail-body" aria-label={`Order for ${order.name}`}>
      <header>
        <h3>{order.name}</h3>
        <p className="state-badge">
          <VerdictBadge verdict={orderVerdict(order)} role="status" label="Status of this order" />
        </p>
      </header>
      {!r && <p className="hint">{noResultSentence(order)}</p>}
      <dl className="history-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {order.replaces && <p className="hint">{`This order replaces ${order.replaces}, whose payment link could not be used.`}</p>}
      {order.answerLost && (
        <p className="hint">Cashfree created this order, but its answer was lost on the way, so it has no payment links. It is still followed, and a new order was made for the customer.</p>
      )}
      {order.lastError && !isFinal(order.state) && <p className="hint">{`Last problem: ${order.lastError.message}`}</p>}
      <div className="history-detail-actions">
        {!isFinal(order.state) && (
          <button type="button" onClick={() => void recheck()} disabled={checking} aria-busy={checking}>
            {checking ? 'Checking…' : 'Re-check status'}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy result
        </button>
        {r && (
          <label className="inline-check">
            <input type="checkbox" checked={fullAccount} onChange={(e) => setFullAccount(e.target.checked)} />
            Full account and UPI id
          </label>
        )}
      </div>
      <p className={notice?.kind === 'error' ? 'error' : 'hint'} role={notice?.kind === 'error' ? 'alert' : 'status'}>
        {notice?.text ?? ''}
      </p>
    </article>
  );
}

function noResultSentence(order: Order): string {
  switch (order.state) {
    case 'creating':
      return 'The order is being created with Cashfree.';
    case 'created':
      return 'Waiting for the customer to pay ₹1 from the account to verify.';
    case 'expired':
      return 'The payment link expired before the customer paid.';
    case 'failure':
      return 'The payment did not go through, so the bank reported no account.';
    case 'create_failed':
      return 'Cashfree did not create this order, so no link was sent.';
    case 'success':
      return 'The payment went through but the bank sent no details.';
  }
}
