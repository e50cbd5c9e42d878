import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { Order } from '../../../../shared/domain.ts';
import { useNow } from '../../lib/clock.ts';
import { Countdown } from './Countdown.tsx';
import { shownState, shownVerdict } from './OrderView.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

function OrderItem({ order, selected, onSelect, now }: { order: Order; selected: boolean; onSelect: () => void; now: number }) {
  return (
    <li>
      <button
        type="button"
        className={`order-item ${selected ? 'selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        // One Tab stop for the whole list: the arrow keys move inside it.
        tabIndex={selected ? 0 : -1}
        data-id={order.verificationId}
        onClick={onSelect}
      >
        <span className="order-item-name">{order.name}</span>
        <VerdictBadge verdict={shownVerdict(order, now)} className="order-item-verdict" />
        {shownState(order, now) === 'created' && order.validUpto !== null && <Countdown validUpto={order.validUpto} className="small" />}
      </button>
    </li>
  );
}

/** This run's orders, newest first, each updated live. */
export function OrderList({ orders, selectedId, onSelect }: { orders: Order[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const now = useNow();
  const list = useRef<HTMLUListElement>(null);
  if (orders.length === 0) return <p className="hint">Orders you make appear here, newest first.</p>;

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>): void {
    const at = orders.findIndex((o) => o.verificationId === selectedId);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: orders.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = orders[Math.max(0, Math.min(orders.length - 1, to))];
    if (!next) return;
    onSelect(next.verificationId);
    // After React moved the Tab stop to the newly selected row.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(next.verificationId)}"]`)?.focus());
  }

  return (
    <ul className="order-list" aria-label="Open orders" ref={list} onKeyDown={onKeyDown}>
      {orders.map((o) => (
        <OrderItem key={o.verificationId} order={o} now={now} selected={o.verificationId === selectedId} onSelect={() => onSelect(o.verificationId)} />
      ))}
    </ul>
  );
}
