// The browser bridge's handlers: each of the three requests answered over the app's own
// contract handlers (order.create, order.get), so an order from the helpdesk goes through the
// same name rules, history and session list as one typed in the window. What goes back is text
// only: the status words, the chat message and the masked result.
import type { EventBus } from '../core/events.ts';
import type { Handlers } from '../core/handlers.ts';
import { BrowserRequest } from '../../shared/browser-bridge.ts';
import type { BridgeError, BrowserOrder, BrowserReply } from '../../shared/browser-bridge.ts';
import type { Order } from '../../shared/domain.ts';
import { isFinal } from '../../shared/domain.ts';
import type { Preferences } from '../../shared/settings.ts';
import { buildMessage } from '../../shared/templates.ts';
import { orderVerdict } from '../../shared/verdict.ts';
import { VERDICT_WORDS, ticketText } from '../../shared/words.ts';
import type { ApprovalStore } from './approval.ts';

export interface BridgeServices {
  handlers: Pick<Handlers, 'order.create' | 'order.get'>;
  events: EventBus;
  preferences: () => Preferences;
  approval: ApprovalStore;
  /** Asks the agent once whether the extension may create orders; null where nobody can be asked (browser preview). */
  askApproval: (() => Promise<boolean>) | null;
}

/** One connected host (one helpdesk tab's port); `push` sends updates of followed orders. */
export interface BridgeSession {
  handle(raw: unknown): Promise<BrowserReply>;
  close(): void;
}

const NOT_ALLOWED: BridgeError = {
  code: 'not_allowed',
  message: 'RPD Desk does not allow the browser extension yet: turn on Browser integration in Settings.',
};

export function createBridgeSession(s: BridgeServices, push: (reply: BrowserReply) => void): BridgeSession {
  const follows = new Map<string, () => void>();

  const refuse = (id: number | null, error: BridgeError): BrowserReply => ({ id, ok: false, error });

  async function allowed(): Promise<boolean> {
    const known = s.approval.get();
    if (known !== null) return known;
    if (!s.askApproval) return false;
    const answer = await s.askApproval();
    s.approval.set(answer);
    return answer;
  }

  function follow(verificationId: string): void {
    if (follows.has(verificationId)) return;
    const off = s.events.on('order.updated', (order) => {
      if (order.verificationId !== verificationId) return;
      const view = browserOrder(order, s.preferences());
      push({ kind: 'update', order: view });
      if (view.final) stop(verificationId);
    });
    follows.set(verificationId, off);
  }

  function stop(verificationId: string): void {
    follows.get(verificationId)?.();
    follows.delete(verificationId);
  }

  return {
    async handle(raw) {
      const parsed = BrowserRequest.safeParse(raw);
      const rawId = (raw as { id?: unknown } | null)?.id;
      const id = typeof rawId === 'number' && Number.isInteger(rawId) && rawId >= 0 ? rawId : null;
      if (!parsed.success) return refuse(id, { code: 'invalid_input', message: 'The extension sent a request RPD Desk does not understand.' });
      const req = parsed.data;
      if (!(await allowed())) return refuse(req.id, NOT_ALLOWED);
      if (req.kind === 'create') {
        const note = req.ticket ? `${req.ticket} (${req.origin})` : `From ${req.origin}`;
        const created = await s.handlers['order.create']({ name: req.name, note });
        if (!created.ok) return refuse(req.id, { code: created.error.code === 'invalid_input' ? 'invalid_input' : 'failed', message: created.error.message });
        // The window shows it as if typed there.
        s.events.emit('app.command', { kind: 'open-order', verificationId: created.data.verificationId });
        const view = browserOrder(created.data, s.preferences());
        if (!view.final) follow(view.verificationId);
        return { id: req.id, ok: true, order: view };
      }
      const found = await s.handlers['order.get']({ verificationId: req.verificationId });
      if (!found.ok) return refuse(req.id, { code: 'not_found', message: found.error.message });
      if (req.kind === 'follow') {
        const view = browserOrder(found.data, s.preferences());
        if (!view.final) follow(view.verificationId);
        return { id: req.id, ok: true, order: view };
      }
      if (!found.data.result) return refuse(req.id, { code: 'not_found', message: 'The bank has not answered for this order yet.' });
      return { id: req.id, ok: true, text: ticketText(found.data) };
    },
    close() {
      for (const id of [...follows.keys()]) stop(id);
    },
  };
}

/** The order as the extension shows it: the app's words, the chat message while it can be paid. */
export function browserOrder(order: Order, prefs: Preferences): BrowserOrder {
  const verdict = orderVerdict(order);
  const template = Object.values(prefs.messageTemplates)[0] ?? '{link}';
  // Cashfree's https page opens on any device; the upi:// link only on a phone with a UPI app.
  const link = order.pageUrl ?? order.links?.upi ?? null;
  const message =
    order.state === 'created' && link
      ? buildMessage({ template, name: order.name, link, validUpto: order.validUpto, now: Date.now(), sandbox: order.profile === 'sandbox' })
      : null;
  // The app's own verdict words; a stopped order also says why.
  const words = VERDICT_WORDS[verdict];
  const status = `${words.icon} ${words.label}${verdict === 'needs_attention' && order.attention ? `: ${order.attention.message}` : ''}`;
  return {
    verificationId: order.verificationId,
    name: order.name,
    state: order.state,
    verdict,
    status: status.slice(0, 300),
    message,
    final: isFinal(order.state),
  };
}
