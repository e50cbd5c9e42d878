import type { Order } from '../../shared/domain.ts';

/** What the order flow needs from history. electron/core/history implements it on SQLite. */
export interface OrderStore {
  insert(order: Order): void;
  update(verificationId: string, patch: Partial<Order>): Order;
  get(verificationId: string): Order | null;
  delete(verificationId: string): boolean;
  listOpen(): Order[];
}
