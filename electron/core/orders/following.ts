// Following orders beyond the tracker's timing: an order stops with "needs attention" on a
// failure that polling again will not cure (keys, IP whitelisting, signature), and is followed
// again when the agent fixes it (new settings for its profile, or Re-check).
import type { Order, ProfileKind } from '../../../shared/domain.ts';
import { CoreError } from '../error.ts';
import type { OrderService } from './service.ts';
import type { Attention, Tracker } from './tracker.ts';

/** A failure that polling again will not cure: the agent must fix keys, IP whitelisting or the signature. */
export function attentionFor(err: unknown): Attention | null {
  if (!(err instanceof CoreError) || err.retryable) return null;
  return { code: err.code, message: err.message };
}

export interface Following {
  /** Asks Cashfree now; an order that stopped for errors the agent had to fix is followed again. */
  recheck(verificationId: string): Promise<Order>;
  /** New keys or a new address for a profile: its orders that stopped are followed again. */
  profileChanged(profile: ProfileKind): void;
}

export function following(orders: OrderService, tracker: Tracker, listOpen: () => Order[], enabled: boolean): Following {
  const refollow = (order: Order): void => {
    if (order.attention) orders.setAttention(order.verificationId, null);
    tracker.watch(order.verificationId, 0);
  };
  return {
    recheck: (id) => {
      const order = orders.require(id);
      if (order.attention && enabled) refollow(order);
      return orders.refresh(id);
    },
    profileChanged: (profile) => {
      if (enabled) for (const order of listOpen()) if (order.attention && order.profile === profile) refollow(order);
    },
  };
}
