// What the buttons of an order do: copy (with the confirmation on the button and said aloud),
// the QR image, the customer view, re-check, new link, and the Demo customer.
import { useCallback } from 'react';
import type { RpdApi } from '../../../../shared/contract.ts';
import type { Order } from '../../../../shared/domain.ts';
import type { Result } from '../../../../shared/result.ts';
import { buildMessage, validateTemplate } from '../../../../shared/templates.ts';
import { ticketText } from '../../../../shared/words.ts';
import { errorText } from '../../lib/errors.ts';
import { useAnnounce, useToast } from '../shell/Toasts.tsx';
import type { TemplateChoice } from './MessagePanel.tsx';
import type { OrderActions } from './OrderView.tsx';
import { foreignProfile, shownState } from './OrderView.tsx';
import type { Orders } from './useOrders.ts';

export interface DeskActions extends OrderActions {
  messageFor: (order: Order, now: number) => string;
}

export function useOrderActions(api: RpdApi, o: Orders, template: TemplateChoice, clipboardClearSeconds: number, present: (order: Order) => void): DeskActions {
  const toast = useToast();
  const announce = useAnnounce();
  const active = o.info?.profile ?? null;

  const copyText = useCallback(
    async (text: string, what: string, sensitive = false): Promise<boolean> => {
      const r = await api['clipboard.write']({ text, sensitive });
      if (!r.ok) {
        toast(errorText(r.error), 'bad');
        return false;
      }
      announce(`${what} copied${sensitive && clipboardClearSeconds > 0 ? `; cleared from the clipboard in ${clipboardClearSeconds} s` : ''}`);
      return true;
    },
    [api, toast, announce, clipboardClearSeconds],
  );

  // Sandbox links must never reach a real customer: their messages say so.
  const isTestLink = useCallback((order: Order) => order.profile === 'sandbox' || active === 'sandbox', [active]);

  const messageFor = useCallback(
    (order: Order, now: number) =>
      order.links
        ? buildMessage({ template: template.text, name: order.name, link: order.links.upi, pageLink: order.pageUrl, validUpto: order.validUpto, now, sandbox: isTestLink(order) })
        : '',
    [template.text, isTestLink],
  );

  /** Why this order's link cannot go to a customer now, or null. */
  const refusal = useCallback(
    (order: Order): string | null => {
      if (!order.links || shownState(order, Date.now()) !== 'created') return 'This order has no live link to send. Make a new link first.';
      return foreignProfile(order, active);
    },
    [active],
  );

  const copyMessage = useCallback(
    async (order: Order) => {
      const why = refusal(order);
      const check = validateTemplate(template.text);
      if (why || !check.ok) {
        toast(why ?? `The message template cannot be used: ${check.ok ? '' : check.reason}`, 'bad');
        return false;
      }
      return copyText(messageFor(order, Date.now()), isTestLink(order) ? 'Message (marked as a test link)' : 'Message');
    },
    [copyText, messageFor, isTestLink, refusal, template.text, toast],
  );

  const failed = (r: Result<unknown>): void => {
    if (!r.ok) toast(errorText(r.error), 'bad');
  };

  return {
    messageFor,
    copyLink: (label, link) => copyText(link, label),
    copyMessage,
    copyResult: (order, unmasked) => copyText(ticketText(order, { unmasked }), 'Result', true),
    saveQr: async (order) => {
      const r = await api['qr.save']({ verificationId: order.verificationId });
      if (!r.ok) failed(r);
      else if (r.data.saved) announce('QR image saved');
    },
    copyQr: async (order) => {
      const r = await api['qr.copy']({ verificationId: order.verificationId });
      if (r.ok) announce('QR image copied');
      else failed(r);
    },
    present: (order) => {
      const why = refusal(order);
      if (why) toast(why, 'bad');
      else present(order);
    },
    recheck: async (order) => {
      const r = await o.recheck(order);
      if (r.ok) announce('Checked with Cashfree');
      else failed(r);
    },
    newLink: (order) => void o.makeNewLink(order).then((made) => made && announce(`New link made for ${order.name}`)),
    demoPay: async (order) => failed(await api['demo.pay']({ verificationId: order.verificationId })),
    demoFail: async (order) => failed(await api['demo.fail']({ verificationId: order.verificationId })),
  };
}
