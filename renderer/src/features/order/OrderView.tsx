import { useEffect, useId, useRef } from 'react';
import type { Order, ProfileKind } from '../../../../shared/domain.ts';
import { istClock, istShort } from '../../../../shared/ist.ts';
import type { AppError } from '../../../../shared/result.ts';
import { formatExpiry } from '../../../../shared/templates.ts';
import type { Verdict } from '../../../../shared/verdict.ts';
import { orderVerdict } from '../../../../shared/verdict.ts';
import { PROFILE_WORDS } from '../../../../shared/words.ts';
import { useNow } from '../../lib/clock.ts';
import { ErrorNotice } from '../shell/ErrorNotice.tsx';
import { useAnnounce } from '../shell/Toasts.tsx';
import { Countdown } from './Countdown.tsx';
import { CopyButton } from './CopyButton.tsx';
import { LinksPanel } from './LinksPanel.tsx';
import { MessagePanel } from './MessagePanel.tsx';
import type { TemplateChoice } from './MessagePanel.tsx';
import { QrCode } from './QrCode.tsx';
import { ResultCard } from './ResultCard.tsx';
import { VerdictBadge, verdictWords } from './VerdictBadge.tsx';

export interface OrderActions {
  copyLink: (label: string, link: string) => Promise<boolean>;
  copyMessage: (order: Order) => Promise<boolean>;
  copyResult: (order: Order, unmasked: boolean) => Promise<boolean>;
  saveQr: (order: Order) => void;
  copyQr: (order: Order) => void;
  present: (order: Order) => void;
  /** Ask Cashfree again now (the refund keeps moving after the order is paid). */
  recheck: (order: Order) => void;
  newLink: (order: Order) => void;
  demoPay: (order: Order) => void;
  demoFail: (order: Order) => void;
}

interface Props {
  order: Order;
  /** The profile live now: an order of another one cannot be shared. */
  activeProfile: ProfileKind | null;
  demo: boolean;
  actions: OrderActions;
  template: TemplateChoice;
  messageFor: (order: Order, now: number) => string;
  newLinkBusy: boolean;
  newLinkError: AppError | null;
  replacedBy: Order | null;
  /** ms of the last answer from Cashfree about this order. */
  checkedAt: number | null;
  qrMaxPx: number;
  /** Just made (Generate or New link): the heading takes the focus when nothing else has it. */
  fresh: boolean;
}

/** Displayed state: a link past its time is expired here even before Cashfree says so. */
export function shownState(order: Order, now: number): Order['state'] {
  return order.state === 'created' && order.validUpto !== null && now >= order.validUpto ? 'expired' : order.state;
}

export function useShownState(order: Order): Order['state'] {
  return shownState(order, useNow());
}

/** The verdict of what is on screen, with the same early expiry. */
export function shownVerdict(order: Order, now: number): Verdict {
  return orderVerdict({ ...order, state: shownState(order, now) });
}

/** Why an order of another profile cannot be shared now, or null when it can. */
export function foreignProfile(order: Order, active: ProfileKind | null): string | null {
  if (active === null || order.profile === active) return null;
  return `Made on ${PROFILE_WORDS[order.profile]}, but ${PROFILE_WORDS[active]} is live now: switch back to ${PROFILE_WORDS[order.profile]} in Settings to share this link.`;
}

/** Why a link can no longer be paid, or null while it can. */
function deadReason(order: Order, state: Order['state']): string | null {
  if (state === 'expired') return `it expired${order.validUpto === null ? '' : ` at ${formatExpiry(order.validUpto)} IST`} before the customer paid. Make a new link.`;
  if (state === 'failure') return 'the payment failed. Make a new link.';
  return null;
}

/** Focus moves to the order only from nowhere or from inside it: never out of a field being typed in. */
function takeFocus(target: HTMLElement | null, within: HTMLElement | null): void {
  const active = document.activeElement;
  if (!target || (active && active !== document.body && !within?.contains(active))) return;
  target.focus({ preventScroll: false });
}

export function OrderView({ order, activeProfile, demo, actions, template, messageFor, newLinkBusy, newLinkError, replacedBy, checkedAt, qrMaxPx, fresh }: Props) {
  const now = useNow();
  const announce = useAnnounce();
  const heading = useRef<HTMLHeadingElement>(null);
  const article = useRef<HTMLElement>(null);
  const qrPanel = useRef<HTMLElement>(null);
  const reasonId = useId();
  const state = shownState(order, now);
  const verdict = shownVerdict(order, now);
  const foreign = foreignProfile(order, activeProfile);
  const payable = state === 'created' && order.links !== null && foreign === null;
  const dead = deadReason(order, state);
  const describedBy = foreign ? reasonId : undefined;

  // A change of verdict (paid, failed, expired) is said, and focus goes to the order, not the body.
  const seen = useRef(verdict);
  useEffect(() => {
    if (seen.current === verdict) return;
    seen.current = verdict;
    announce(`${order.name}: ${verdictWords(verdict).label}`);
    takeFocus(heading.current, article.current);
  }, [verdict, order.name, announce]);
  useEffect(() => {
    if (!fresh) return;
    takeFocus(heading.current, article.current);
    // The QR and its buttons in view right after Generate, however narrow the window.
    qrPanel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [fresh]);

  const newLinkButton = (
    <button type="button" className="primary" onClick={() => actions.newLink(order)} disabled={newLinkBusy || foreign !== null} aria-busy={newLinkBusy} aria-describedby={describedBy}>
      {newLinkBusy ? 'Making a new link…' : `New link for ${order.name}`}
    </button>
  );

  return (
    <article className="order-view" aria-labelledby={`${reasonId}-h`} ref={article}>
      <header className="order-head">
        <div className="order-title">
          <h2 id={`${reasonId}-h`} ref={heading} tabIndex={-1}>
            {order.name}
          </h2>
          <p className="meta">
            <span className={`profile-tag profile-tag-${order.profile}`} title="Profile of this order">
              {PROFILE_WORDS[order.profile]}
            </span>
            <span className="amount" title="Amount">
              ₹1
            </span>
            <span>Created {istShort(order.createdAt, now)}</span>
            <span className="mono" title="Verification id">
              {order.verificationId}
            </span>
            {order.note && <span className="note">Note: {order.note}</span>}
            {order.replaces && <span>Replaces an earlier link</span>}
          </p>
        </div>
        <VerdictBadge verdict={verdict} className="status-pill" role="status" label="Order status" />
      </header>

      {foreign && (
        <p className="foreign-note" id={reasonId} role="note">
          {foreign}
        </p>
      )}
      {replacedBy && (
        <p className="replaced-note">
          A new link was made for this customer: <strong>{verdictWords(orderVerdict(replacedBy)).label}</strong>.
        </p>
      )}
      {order.attention && <ErrorNotice error={{ code: 'unknown', message: order.attention.message, retryable: false }} />}
      {order.lastError && state === 'create_failed' && <ErrorNotice error={{ code: 'unknown', message: order.lastError.message, retryable: false }} />}

      <div className="order-body">
        {order.links && !order.result && state !== 'create_failed' && (
          <section className="qr-panel" aria-label="QR code" ref={qrPanel}>
            <div className="qr-frame">
              <QrCode text={order.links.upi} maxPx={qrMaxPx} label={`UPI QR code for ${order.name}`} />
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
              {order.validUpto !== null && !dead && (
                <span className="hint">
                  until {formatExpiry(order.validUpto)} IST
                  {order.validUptoAssumed && " (assumed: Cashfree's expiry time could not be read, links last 10 minutes)"}
                </span>
              )}
            </div>
            {state === 'created' && <p className="hint checked">checked {istClock(checkedAt ?? order.updatedAt)}</p>}
            <div className="qr-actions">
              <button type="button" className="primary" disabled={!payable} aria-describedby={describedBy} aria-keyshortcuts="Control+Shift+S" onClick={() => actions.present(order)}>
                Show to customer
              </button>
              <CopyButton label="Copy message" className="primary" disabled={!payable} describedBy={describedBy} shortcut="Control+Shift+C" copy={() => actions.copyMessage(order)} />
              {order.pageUrl && (
                <CopyButton label="Copy page link" disabled={!payable} describedBy={describedBy} shortcut="Control+Shift+L" copy={() => actions.copyLink('Page link', order.pageUrl ?? '')} />
              )}
              <button type="button" className="secondary" disabled={!payable} aria-describedby={describedBy} onClick={() => actions.saveQr(order)}>
                Save QR image
              </button>
              <button type="button" className="secondary" disabled={!payable} aria-describedby={describedBy} onClick={() => actions.copyQr(order)}>
                Copy QR image
              </button>
            </div>
            {newLinkError && <ErrorNotice error={newLinkError} onRetry={() => actions.newLink(order)} busy={newLinkBusy} />}
          </section>
        )}

        {order.result && <ResultCard order={order} verdict={verdict} onCopy={(unmasked) => actions.copyResult(order, unmasked)} onRecheck={() => actions.recheck(order)} />}

        {order.links && !order.result && (
          <section className="share-panel" aria-label="Share">
            <h3>Links for the chat</h3>
            <LinksPanel links={order.links} disabled={!payable} describedBy={describedBy} onCopy={actions.copyLink} />
            <MessagePanel choice={template} preview={messageFor(order, now)} dead={dead} />
          </section>
        )}
        {state === 'creating' && <p className="hint">{order.lastError?.code === 'rate_limited' ? order.lastError.message : 'Creating the order with Cashfree…'}</p>}
        {!order.links && state === 'created' && (
          <div className="lost-answer">
            <p>
              {order.lastError?.code === 'unusable_answer'
                ? order.lastError.message
                : 'Cashfree made this order but its answer was lost on the way, so there is no link to show. It is still tracked.'}
            </p>
            {!replacedBy && newLinkButton}
          </div>
        )}
      </div>

      {demo && state === 'created' && order.profile === 'demo' && (
        <div className="demo-controls" aria-label="Demo controls" role="group">
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
