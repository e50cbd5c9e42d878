import type { Order } from '../../../shared/domain.ts';

/** What the order flow needs from history. electron/core/history implements it on SQLite. */
export interface OrderStore {
  /** Each write returns the row it wrote, so nobody reads it back. */
  insert(order: Order): Order;
  update(verificationId: string, patch: Partial<Order>): Order;
  get(verificationId: string): Order | null;
  delete(verificationId: string): boolean;
  listOpen(): Order[];
}
