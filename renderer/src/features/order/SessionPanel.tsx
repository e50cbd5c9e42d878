import { useId, useState } from 'react';
import { OrderList } from './OrderList.tsx';
import type { Orders } from './useOrders.ts';

/** This session's orders: compact, and folded away with one click when the window is narrow. */
export function SessionPanel({ orders }: { orders: Orders }) {
  const [open, setOpen] = useState(true);
  const listId = useId();
  return (
    <section className="panel orders-panel" aria-labelledby={`${listId}-title`}>
      <h2 className="panel-title" id={`${listId}-title`}>
        <button type="button" className="collapse-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((v) => !v)}>
          <span className="collapse-icon" aria-hidden="true" data-open={open} />
          This session <span className="count">{orders.orders.length || ''}</span>
        </button>
      </h2>
      <div id={listId} hidden={!open}>
        <OrderList orders={orders.orders} selectedId={orders.selected?.verificationId ?? null} onSelect={orders.select} />
      </div>
    </section>
  );
}
