import { useEffect, useRef, useState } from 'react';
import type { Order } from '../../../../shared/domain.ts';
import { useDesk } from '../../context.ts';
import { trapTab } from '../../lib/focusTrap.ts';
import { useViewportMin } from '../../lib/useWindowSize.ts';
import { useDialogFocus } from '../../lib/useDialogFocus.ts';
import { Countdown } from './Countdown.tsx';
import { QrCode } from './QrCode.tsx';
import { useShownState } from './OrderView.tsx';

/**
 * What the customer reads once the QR is gone. Never the verdict, the name at bank or bank
 * details: the customer's screen is not where an account is judged.
 */
export const CUSTOMER_WORDS: Record<Order['state'], string> = {
  creating: 'One moment…',
  created: 'One moment…',
  success: 'Payment received, thank you',
  failure: 'The payment did not go through',
  expired: 'This link has expired',
  create_failed: 'This link could not be made',
};

/** Only what the customer needs: the QR, their name, the time left. White whatever the theme. */
export function PresenterContent({ order }: { order: Order }) {
  const state = useShownState(order);
  const min = useViewportMin();
  return (
    <div className="presenter-content">
      <p className="presenter-name">{order.name}</p>
      {order.links && state === 'created' ? (
        <>
          <p className="presenter-hint">Scan with any UPI app and pay ₹1 from the bank account to verify. The ₹1 is refunded.</p>
          <QrCode text={order.links.upi} maxPx={Math.max(240, min - 230)} label={`UPI QR code for ${order.name}`} />
        </>
      ) : (
        <p className={`presenter-state presenter-state-${state === 'success' ? 'done' : 'other'}`} role="status">
          {CUSTOMER_WORDS[state]}
        </p>
      )}
      {order.validUpto !== null && state === 'created' && <Countdown validUpto={order.validUpto} className="presenter-countdown" />}
    </div>
  );
}

/** The full-screen overlay in the main window. Escape closes it, Tab stays in it, focus goes back where it was. */
export function PresenterOverlay({ order, onClose, onSeparateWindow }: { order: Order; onClose: () => void; onSeparateWindow?: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useDialogFocus(closeButton);
  return (
    <div className="presenter" role="dialog" aria-modal="true" aria-label={`Show to customer: ${order.name}`} onKeyDown={trapTab}>
      <PresenterContent order={order} />
      <div className="presenter-bar">
        {onSeparateWindow && (
          <button type="button" className="secondary" onClick={onSeparateWindow}>
            Open in a separate window
          </button>
        )}
        <button type="button" className="secondary" ref={closeButton} onClick={onClose} aria-keyshortcuts="Escape">
          Close (Esc)
        </button>
      </div>
    </div>
  );
}

/** Electron's separate "show to customer" window: one order, live, nothing else. */
export function PresenterWindow({ verificationId }: { verificationId: string }) {
  const { api } = useDesk();
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api['order.get']({ verificationId }).then((r) => (r.ok ? setOrder(r.data) : setError(r.error.message)));
    const off = api.on('order.updated', (o) => o.verificationId === verificationId && setOrder(o));
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && window.close();
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, [api, verificationId]);
  return <main className="presenter presenter-window">{order ? <PresenterContent order={order} /> : <p>{error ?? 'Loading…'}</p>}</main>;
}
