// Whether an order change deserves a desktop notification: only the step into a final state,
// and only when the agent is looking elsewhere. It says the verdict, never "Verified" for a payment
// whose name does not match.
import type { Order, OrderState } from './domain.ts';
import { isFinal } from './domain.ts';
import { orderVerdict } from './verdict.ts';
import { VERDICT_WORDS } from './words.ts';

export interface NotifyDecisionInput {
  previous: OrderState | null;
  next: Order;
  windowFocused: boolean;
}

export function notificationFor({ previous, next, windowFocused }: NotifyDecisionInput): { title: string; body: string } | null {
  if (windowFocused || !isFinal(next.state) || next.state === 'create_failed') return null;
  if (previous !== null && isFinal(previous)) return null;
  const words = VERDICT_WORDS[orderVerdict(next)];
  // No bank details: a notification can show on a locked or shared screen.
  return { title: `${words.label}: ${next.name}`, body: `RPD order ${next.verificationId}. ${words.advice}` };
}
