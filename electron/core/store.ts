import type { Order } from '../../shared/domain.ts';

/** What the order flow needs from history. electron/core/history implements it on SQLite. */
export interface OrderStore {
  insert(order: Order): void;
  update(verificationId: string, patch: Partial<Order>): Order;
  get(verificationId: string): Order | null;
  listOpen(): Order[];
}

export class MemoryStore implements OrderStore {
  #rows = new Map<string, Order>();
  insert(order: Order): void {
    this.#rows.set(order.verificationId, { ...order });
  }
  update(verificationId: string, patch: Partial<Order>): Order {
    const row = this.#rows.get(verificationId);
    if (!row) throw new Error(`No order ${verificationId}`);
    const next = { ...row, ...patch };
    this.#rows.set(verificationId, next);
    return next;
  }
  get(verificationId: string): Order | null {
    return this.#rows.get(verificationId) ?? null;
  }
  listOpen(): Order[] {
    return [...this.#rows.values()].filter((o) => o.state === 'creating' || o.state === 'created');
  }
}
