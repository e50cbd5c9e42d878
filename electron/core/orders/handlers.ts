// The orders feature's channels (shared/contract/orders.ts): create, follow, re-check, and the
// Demo simulator's controls.
import type { orderChannels } from '../../../shared/contract/orders.ts';
import type { Order } from '../../../shared/domain.ts';
import { coreError } from '../error.ts';
import type { Impls } from '../handlers.ts';
import type { DemoControl } from './demo.ts';
import type { Following } from './following.ts';
import type { OrderService } from './service.ts';

export interface OrdersFeature {
  orders: OrderService;
  /** Orders seen in this run, newest first. */
  openOrders: () => Order[];
  /** The simulator's controls while the Demo profile is active, else null. */
  demo: () => DemoControl | null;
  prewarm: () => Promise<void>;
  following: Following;
  /** The order on the agent's screen (null: none), followed more closely. */
  onScreen: (verificationId: string | null) => void;
}

export function orderHandlers({ orders, openOrders, demo, prewarm, following, onScreen }: OrdersFeature): Impls<keyof typeof orderChannels> {
  const demoFor = (verificationId: string): DemoControl => {
    orders.require(verificationId);
    return demoOnly();
  };
  const demoOnly = (): DemoControl => {
    const control = demo();
    if (!control) throw coreError('unavailable', 'Simulated payments exist only in the Demo profile.');
    return control;
  };
  return {
    'order.prewarm': async () => {
      await prewarm();
      return null;
    },
    // The name arrives checked by the name rule and normalized, the note cleaned (the channel's schema).
    'order.create': async ({ name, note, replaces }) => {
      // A new link for an order this computer made; any other id would link history to nothing.
      if (replaces !== undefined && !orders.get(replaces)) throw coreError('invalid_input', `There is no order ${replaces} in this computer's history to replace.`);
      return orders.create({ name, note, replaces });
    },
    'order.get': ({ verificationId }) => orders.require(verificationId),
    'order.open': () => openOrders(),
    'order.recheck': ({ verificationId }) => following.recheck(verificationId),
    'order.focus': ({ verificationId }) => (onScreen(verificationId), null),
    'demo.pay': async ({ verificationId, nameAtBank }) => {
      await demoFor(verificationId).pay(verificationId, nameAtBank);
      return null;
    },
    'demo.fail': async ({ verificationId }) => {
      await demoFor(verificationId).fail(verificationId);
      return null;
    },
    'demo.expire': async ({ verificationId }) => {
      await demoFor(verificationId).expire(verificationId);
      return null;
    },
    'demo.fault': async ({ faults }) => {
      await demoOnly().faults(faults);
      return null;
    },
  };
}
