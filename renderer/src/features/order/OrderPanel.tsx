import { useQrMaxPx } from '../../lib/useWindowSize.ts';
import type { TemplateChoice } from './MessagePanel.tsx';
import { OrderView } from './OrderView.tsx';
import type { DeskActions } from './useOrderActions.ts';
import type { Orders } from './useOrders.ts';

/** The order on screen, or what to do first. */
export function OrderPanel({ orders, actions, template }: { orders: Orders; actions: DeskActions; template: TemplateChoice }) {
  const qrMaxPx = useQrMaxPx();
  const { selected, newLink, info } = orders;
  return (
    <section className="panel main-panel" aria-label="Order">
      {selected ? (
        <OrderView
          key={selected.verificationId}
          order={selected}
          activeProfile={info?.profile ?? null}
          demo={info?.demo ?? false}
          actions={actions}
          template={template}
          messageFor={actions.messageFor}
          newLinkBusy={newLink?.id === selected.verificationId && newLink.busy}
          newLinkError={newLink?.id === selected.verificationId ? newLink.error : null}
          replacedBy={orders.replacedBy(selected)}
          checkedAt={orders.checkedAt[selected.verificationId] ?? null}
          qrMaxPx={qrMaxPx}
          fresh={orders.freshId === selected.verificationId}
        />
      ) : (
        <div className="empty">
          <p>Type the customer&apos;s name and press Enter.</p>
          <p className="hint">The QR, the app links and a message for the chat appear here.</p>
        </div>
      )}
    </section>
  );
}
