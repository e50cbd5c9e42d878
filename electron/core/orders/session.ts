// The orders of this run, newest first (order.open): every order an update was seen for.
import type { Order } from '../../../shared/domain.ts';
import type { EventBus } from '../events.ts';

export function ordersOfThisRun(events: EventBus, get: (verificationId: string) => Order | null): () => Order[] {
  const ids: string[] = [];
  events.on('order.updated', (o) => {
    if (!ids.includes(o.verificationId)) ids.unshift(o.verificationId);
  });
  return () => ids.map(get).filter((o) => o !== null);
}
