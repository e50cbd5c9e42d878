// Whether an order change deserves a desktop notification: only the step into a final state,
// and only when the agent is looking elsewhere.
import type { Order, OrderState } from './domain.ts';
import { isFinal } from './domain.ts';
import { STATE_WORDS } from './words.ts';

export interface NotifyDecisionInput {
  previous: OrderState | null;
  next: Order;
  windowFocused: boolean;
}

export function notificationFor({ previous, next, windowFocused }: NotifyDecisionInput): { title: string; body: string } | null {
  if (windowFocused || !isFinal(next.state) || next.state === 'create_failed') return null;
  if (previous !== null && isFinal(previous)) return null;
  // No bank details: a notification can show on a locked or shared screen.
  return { title: `${STATE_WORDS[next.state]}: ${next.name}`, body: `RPD order ${next.verificationId} is ${STATE_WORDS[next.state].toLowerCase()}.` };
}
