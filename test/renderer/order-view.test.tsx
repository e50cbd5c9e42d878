import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { OrderView } from '../../renderer/src/features/order/OrderView.tsx';
import type { OrderActions } from '../../renderer/src/features/order/OrderView.tsx';
import { useTemplates } from '../../renderer/src/lib/useTemplates.ts';
import type { Order, ProfileKind } from '../../shared/domain.ts';
import { DEFAULT_MESSAGE_TEMPLATES, buildMessage } from '../../shared/templates.ts';
import { BANK_RESULT, LINKS, makeOrder } from '../fixtures/orders.ts';

afterEach(cleanup);

function recordingActions() {
  const calls: string[] = [];
  const rec = (name: string) => (...args: unknown[]) => {
    calls.push(`${name}:${args.map((a) => (typeof a === 'object' && a && 'verificationId' in a ? (a as Order).verificationId : String(a))).join(',')}`);
    return Promise.resolve(true);
  };
  const actions: OrderActions = {
    copyLink: rec('copyLink'),
    copyMessage: rec('copyMessage'),
    copyResult: rec('copyResult'),
    saveQr: rec('saveQr'),
    copyQr: rec('copyQr'),
    present: rec('present'),
    recheck: rec('recheck'),
    newLink: rec('newLink'),
    demoPay: rec('demoPay'),
    demoFail: rec('demoFail'),
  };
  return { calls, actions };
}

function View({ order, actions, sandbox = false, active = 'demo' }: { order: Order; actions: OrderActions; sandbox?: boolean; active?: ProfileKind }) {
  const template = useTemplates(DEFAULT_MESSAGE_TEMPLATES);
  return (
    <OrderView
      order={order}
      activeProfile={active}
      checkedAt={null}
      qrMaxPx={340}
      fresh={false}
      demo
      actions={actions}
      template={template}
      messageFor={(o, now) => buildMessage({ template: template.text, name: o.name, link: o.links?.upi ?? '', pageLink: o.pageUrl, validUpto: o.validUpto, now, sandbox })}
      newLinkBusy={false}
      newLinkError={null}
      replacedBy={null}
    />
  );
}

describe('Order view', () => {
  it('waiting: QR with its name, amount, countdown, five copy buttons with their links, demo controls', () => {
    const { calls, actions } = recordingActions();
    render(<View order={makeOrder()} actions={actions} />);
    expect(screen.getByRole('status', { name: 'Order status' }).textContent).toBe('Waiting for payment');
    const qr = screen.getByRole('img', { name: 'UPI QR code for Asha Kumari' });
    // Whole pixels per module: the drawn size is a multiple of the module count plus quiet zone.
    const side = Number(qr.getAttribute('data-modules')) + 8;
    expect(Number(qr.getAttribute('width')) % side).toBe(0);
    expect(screen.getByRole('timer', { name: 'Time left' }).textContent).toMatch(/^(10:00|9:5\d)$/);
    expect(screen.getAllByText('₹1').length).toBeGreaterThan(0);
    for (const [label, key] of [['UPI', 'upi'], ['GPay', 'gpay'], ['PhonePe', 'phonepe'], ['Paytm', 'paytm'], ['BHIM', 'bhim']] as const) {
      fireEvent.click(screen.getByRole('button', { name: `Copy ${label} link` }));
      expect(calls.at(-1)).toBe(`copyLink:${label} link,${LINKS[key]}`);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Show to customer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Simulate payment' }));
    expect(calls.slice(-2)).toEqual(['present:rpd_test_1', 'demoPay:rpd_test_1']);
  });

  it('previews the message from the chosen template, edits apply, Hindi is one choice away', () => {
    const { calls, actions } = recordingActions();
    render(<View order={makeOrder()} actions={actions} />);
    const preview = screen.getByLabelText('Message preview');
    expect(preview.textContent).toContain('Hello Asha Kumari');
    expect(preview.textContent).toContain(LINKS.upi);
    fireEvent.change(screen.getByLabelText('Message template'), { target: { value: 'Hindi' } });
    expect(preview.textContent).toContain('नमस्ते Asha Kumari');
    fireEvent.change(screen.getByLabelText('Template text'), { target: { value: 'Pay here {name}: {link}' } });
    expect(preview.textContent).toBe(`Pay here Asha Kumari: ${LINKS.upi}`);
    // A template with an unknown placeholder says so while it is edited.
    fireEvent.change(screen.getByLabelText('Template text'), { target: { value: 'Pay {nmae}: {link}' } });
    expect(screen.getByText(/Unknown placeholder \{nmae\}/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reset template' }));
    expect(preview.textContent).toContain('नमस्ते');
    fireEvent.click(screen.getByRole('button', { name: 'Copy message' }));
    expect(calls).toEqual(['copyMessage:rpd_test_1']);
  });

  it('marks the preview as a test link in Sandbox', () => {
    render(<View order={makeOrder({ profile: 'sandbox' })} actions={recordingActions().actions} sandbox />);
    expect(screen.getByLabelText('Message preview').textContent).toMatch(/^\[TEST LINK – do not pay\] /);
  });

  it('expired: covers the QR, disables the links, offers a new link for the same customer', () => {
    const { calls, actions } = recordingActions();
    render(<View order={makeOrder({ validUpto: Date.now() - 1_000 })} actions={actions} />);
    expect(screen.getByRole('status', { name: 'Order status' }).textContent).toBe('Expired');
    expect(screen.getByText('Expired', { selector: 'strong' })).toBeTruthy();
    // The message panel says the link is dead, not how many minutes it has left.
    expect(screen.getByRole('note').textContent).toMatch(/^This link can no longer be paid: it expired at .+ IST before the customer paid/);
    expect(screen.queryByLabelText('Message preview')).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy UPI link' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Copy message' }).hasAttribute('disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Simulate payment' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'New link for Asha Kumari' }));
    expect(calls).toEqual(['newLink:rpd_test_1']);
  });

  it('an unusable create answer: says so in Cashfree\'s own sentence, and an assumed expiry says it is assumed', () => {
    const { actions } = recordingActions();
    const message = 'Cashfree created order rpd_test_1 but its answer has no upi_link, so it has no link to show; it is kept and checked, and a new order can be made for the customer.';
    const { unmount } = render(<View order={makeOrder({ links: null, lastError: { code: 'unusable_answer', message } })} actions={actions} />);
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.queryByText(/answer was lost/)).toBeNull();
    unmount();
    render(<View order={makeOrder({ validUptoAssumed: true })} actions={actions} />);
    expect(screen.getByText(/assumed: Cashfree's expiry time could not be read/)).toBeTruthy();
  });

  it('answer lost: says why there is no QR and offers a new link', () => {
    const { calls, actions } = recordingActions();
    render(<View order={makeOrder({ links: null, answerLost: true })} actions={actions} />);
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
    expect(screen.getByText(/answer was lost/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New link for Asha Kumari' }));
    expect(calls).toEqual(['newLink:rpd_test_1']);
  });

  it('failed: says why the link can no longer be paid', () => {
    render(<View order={makeOrder({ state: 'failure' })} actions={recordingActions().actions} />);
    expect(screen.getByRole('status', { name: 'Order status' }).textContent).toBe('Payment failed');
    expect(screen.getByRole('note').textContent).toBe('This link can no longer be paid: the payment failed. Make a new link.');
  });

  it('offers the hosted page link and puts it in the default message when Cashfree sent one', () => {
    const { calls, actions } = recordingActions();
    const pageUrl = 'https://verification-test.cashfree.com/rpd?shortCode=abc';
    render(<View order={makeOrder({ pageUrl })} actions={actions} />);
    expect(screen.getByLabelText('Message preview').textContent).toContain(pageUrl);
    fireEvent.click(screen.getByRole('button', { name: 'Copy page link' }));
    expect(calls).toEqual([`copyLink:Page link,${pageUrl}`]);
  });

  it('without a page link the default message carries the UPI link and no "Copy page link" is offered', () => {
    render(<View order={makeOrder()} actions={recordingActions().actions} />);
    expect(screen.getByLabelText('Message preview').textContent).toContain(LINKS.upi);
    expect(screen.queryByRole('button', { name: 'Copy page link' })).toBeNull();
  });

  it('an order of another profile shows its profile and cannot be shared, with the reason', () => {
    render(<View order={makeOrder({ profile: 'demo' })} actions={recordingActions().actions} active="production" />);
    expect(screen.getByTitle('Profile of this order').textContent).toBe('Demo');
    const reason = screen.getByText(/^Made on Demo, but Production is live now/);
    for (const name of ['Show to customer', 'Copy message', 'Copy UPI link', 'Copy PhonePe link', 'Save QR image']) {
      const button = screen.getByRole('button', { name: new RegExp(`^${name}`) });
      expect(button.hasAttribute('disabled')).toBe(true);
      expect(button.getAttribute('aria-describedby')).toBe(reason.id);
    }
  });

  it('headlines a paid order by its verdict, never "Verified" for a name that does not match', () => {
    const result = { ...BANK_RESULT, nameMatchResult: 'NO_MATCH' as const };
    render(<View order={makeOrder({ state: 'success', result })} actions={recordingActions().actions} />);
    expect(screen.getByRole('status', { name: 'Order status' }).textContent).toBe('Paid: name does NOT match');
    expect(screen.getByRole('region', { name: 'Result' }).textContent).toContain('do not approve it');
  });
});
