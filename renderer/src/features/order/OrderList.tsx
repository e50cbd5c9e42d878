import type { Order } from '../../../../shared/domain.ts';
import { STATE_WORDS, nameMatchWords } from '../../../../shared/words.ts';
import { Countdown } from './Countdown.tsx';
import { useShownState } from './OrderView.tsx';

function OrderItem({ order, selected, onSelect }: { order: Order; selected: boolean; onSelect: () => void }) {
  const state = useShownState(order);
  return (
    <li>
      <button type="button" className={`order-item ${selected ? 'selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        <span className="order-item-name">{order.name}</span>
        <span className={`dot status-${state}`}>
          {STATE_WORDS[state]}
          {order.result && <span className={`list-match match-${nameMatchWords(order.result.nameMatchResult).tone}`}>{nameMatchWords(order.result.nameMatchResult).label}</span>}
        </span>
        {state === 'created' && order.validUpto !== null && <Countdown validUpto={order.validUpto} className="small" />}
      </button>
    </li>
  );
}

/** This run's orders, newest first, each updated live. */
export function OrderList({ orders, selectedId, onSelect }: { orders: Order[]; selectedId: string | null; onSelect: (id: string) => void }) {
  if (orders.length === 0) return <p className="hint">Orders you make appear here, newest first.</p>;
  return (
    <ul className="order-list" aria-label="Open orders">
      {orders.map((o) => (
        <OrderItem key={o.verificationId} order={o} selected={o.verificationId === selectedId} onSelect={() => onSelect(o.verificationId)} />
      ))}
    </ul>
  );
}
