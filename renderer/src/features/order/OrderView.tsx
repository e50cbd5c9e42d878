import type { Order } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/result.ts';
import { formatExpiry } from '../../../../shared/templates.ts';
import { STATE_WORDS } from '../../../../shared/words.ts';
import { useNow } from '../../lib/clock.ts';
import { formatTime } from '../../lib/format.ts';
import { ErrorNotice } from '../shell/ErrorNotice.tsx';
import { Countdown } from './Countdown.tsx';
import { LinksPanel } from './LinksPanel.tsx';
import { MessagePanel } from './MessagePanel.tsx';
import type { TemplateChoice } from './MessagePanel.tsx';
import { QrCode } from './QrCode.tsx';
import { ResultCard } from './ResultCard.tsx';

export interface OrderActions {
  copyLink: (label: string, link: string) => void;
  copyMessage: (order: Order) => void;
  copyResult: (order: Order, unmasked: boolean) => void;
  saveQr: (order: Order) => void;
  copyQr: (order: Order) => void;
  present: (order: Order) => void;
  /** Ask Cashfree again now (the refund keeps moving after the order is verified). */
  recheck: (order: Order) => void;
  newLink: (order: Order) => void;
  demoPay: (order: Order) => void;
  demoFail: (order: Order) => void;
}

interface Props {
  order: Order;
  demo: boolean;
  actions: OrderActions;
  template: TemplateChoice;
  messageFor: (order: Order, now: number) => string;
  newLinkBusy: boolean;
  newLinkError: AppError | null;
  replacedBy: Order | null;
}

/** Displayed state: a link past its time is expired here even before Cashfree says so. */
export function shownState(order: Order, now: number): Order['state'] {
  return order.state === 'created' && order.validUpto !== null && now >= order.validUpto ? 'expired' : order.state;
}

export function useShownState(order: Order): Order['state'] {
  return shownState(order, useNow());
}

export function OrderView({ order, demo, actions, template, messageFor, newLinkBusy, newLinkError, replacedBy }: Props) {
  const now = useNow();
  const state = shownState(order, now);
  const payable = state === 'created' && order.links !== null;
  const dead = state === 'expired' || state === 'failure';
  const newLinkLabel = `New link for ${order.name}`;
  const newLinkButton = (
    <button type="button" className="primary" onClick={() => actions.newLink(order)} disabled={newLinkBusy} aria-busy={newLinkBusy}>
      {newLinkBusy ? 'Making a new link…' : newLinkLabel}
    </button>
  );

  return (
    <article className="order-view" aria-label={`Order for ${order.name}`}>
      <header className="order-head">
        <div className="order-title">
          <h2>{order.name}</h2>
          <p className="meta">
            <span className="amount" title="Amount">
              ₹1
            </span>
            <span>Created {formatTime(order.createdAt)}</span>
            <span className="mono" title="Verification id">
              {order.verificationId}
            </span>
            {order.note && <span className="note">Note: {order.note}</span>}
            {order.replaces && <span>Replaces an earlier link</span>}
          </p>
        </div>
        <p className={`status-pill status-${state}`} role="status" aria-label="Order status">
          {STATE_WORDS[state]}
        </p>
      </header>

      {replacedBy && (
        <p className="replaced-note">
          A new link was made for this customer: <strong>{STATE_WORDS[replacedBy.state]}</strong>.
        </p>
      )}
      {order.lastError && state === 'create_failed' && <ErrorNotice error={{ code: 'unknown', message: order.lastError.message, retryable: false }} />}

      <div className="order-body">
        {order.links && !order.result && state !== 'create_failed' && (
          <section className="qr-panel" aria-label="QR code">
            <div className="qr-frame">
              <QrCode text={order.links.upi} maxPx={340} label={`UPI QR code for ${order.name}`} />
              {dead && (
                <div className="qr-cover">
                  <strong>{state === 'expired' ? 'Expired' : 'Payment failed'}</strong>
                  {!replacedBy && newLinkButton}
                </div>
              )}
            </div>
            <div className="qr-meta">
              <span className="amount-big">₹1</span>
              {order.validUpto !== null && !dead && <Countdown validUpto={order.validUpto} className="big" />}
              {/* The same clock reading the message gives the customer. */}
              {order.validUpto !== null && <span className="hint">until {formatExpiry(order.validUpto)} IST</span>}
            </div>
            <div className="qr-actions">
              <button type="button" className="primary" disabled={!payable} onClick={() => actions.present(order)}>
                Show to customer
              </button>
              <button type="button" className="secondary" disabled={!payable} onClick={() => actions.saveQr(order)}>
                Save QR image
              </button>
              <button type="button" className="secondary" disabled={!payable} onClick={() => actions.copyQr(order)}>
                Copy QR image
              </button>
            </div>
            {newLinkError && <ErrorNotice error={newLinkError} onRetry={() => actions.newLink(order)} busy={newLinkBusy} />}
          </section>
        )}

        {order.result && <ResultCard order={order} onCopy={(unmasked) => actions.copyResult(order, unmasked)} onRecheck={() => actions.recheck(order)} />}

        {order.links && !order.result && (
          <section className="share-panel" aria-label="Share">
            <h3>Links for the chat</h3>
            <LinksPanel links={order.links} disabled={!payable} onCopy={actions.copyLink} />
            <MessagePanel choice={template} preview={messageFor(order, now)} disabled={!payable} onCopy={() => actions.copyMessage(order)} />
          </section>
        )}
        {state === 'creating' && <p className="hint">{order.lastError?.code === 'rate_limited' ? order.lastError.message : 'Creating the order with Cashfree…'}</p>}
        {!order.links && state === 'created' && (
          <div className="lost-answer">
            <p>Cashfree made this order but its answer was lost on the way, so there is no link to show. It is still tracked.</p>
            {!replacedBy && newLinkButton}
          </div>
        )}
      </div>

      {demo && state === 'created' && (
        <div className="demo-controls" aria-label="Demo controls">
          <span className="hint">Demo: play the customer</span>
          <button type="button" className="secondary" onClick={() => actions.demoPay(order)}>
            Simulate payment
          </button>
          <button type="button" className="secondary" onClick={() => actions.demoFail(order)}>
            Simulate failure
          </button>
        </div>
      )}
    </article>
  );
}
