import { useRef } from 'react';
import type { Order } from '../../../../shared/domain.ts';
import { STATE_WORDS } from '../../../../shared/words.ts';
import { useViewportMin } from '../../lib/useWindowSize.ts';
import { useDialogFocus } from '../../lib/useDialogFocus.ts';
import { Countdown } from './Countdown.tsx';
import { QrCode } from './QrCode.tsx';
import { useShownState } from './OrderView.tsx';

/** Only what the customer needs: the QR, their name, the time left. White whatever the theme. */
export function PresenterContent({ order }: { order: Order }) {
  const state = useShownState(order);
  const min = useViewportMin();
  return (
    <div className="presenter-content">
      <p className="presenter-name">{order.name}</p>
      <p className="presenter-hint">Scan with any UPI app and pay ₹1 from the bank account to verify. The ₹1 is refunded.</p>
      {order.links && state === 'created' ? (
        <QrCode text={order.links.upi} maxPx={Math.max(240, min - 230)} label={`UPI QR code for ${order.name}`} />
      ) : (
        <p className={`presenter-state status-${state}`}>{STATE_WORDS[state]}</p>
      )}
      {order.validUpto !== null && state === 'created' && <Countdown validUpto={order.validUpto} className="presenter-countdown" />}
    </div>
  );
}

/** The full-screen overlay in the main window. Escape closes it and focus goes back where it was. */
export function PresenterOverlay({ order, onClose, onSeparateWindow }: { order: Order; onClose: () => void; onSeparateWindow?: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useDialogFocus(closeButton);
  return (
    <div className="presenter" role="dialog" aria-modal="true" aria-label={`Show to customer: ${order.name}`}>
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
