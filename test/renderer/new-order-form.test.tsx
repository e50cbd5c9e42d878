import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { NewOrderForm } from '../../renderer/src/features/order/NewOrderForm.tsx';
import type { NewOrderFormHandle, NewOrderInput } from '../../renderer/src/features/order/NewOrderForm.tsx';
import type { Order } from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';
import { makeOrder } from '../fixtures/orders.ts';

afterEach(cleanup);

/** A create function that records its calls and answers what the test says, when it says. */
function controlledCreate() {
  const calls: NewOrderInput[] = [];
  let settle: (r: Result<Order>) => void = () => {};
  const create = (input: NewOrderInput) => {
    calls.push(input);
    return new Promise<Result<Order>>((resolve) => (settle = resolve));
  };
  return { calls, create, answer: (r: Result<Order>) => act(async () => settle(r)) };
}

describe('New order form', () => {
  it('has the name field focused on open', () => {
    render(<NewOrderForm create={controlledCreate().create} onCreated={() => {}} />);
    expect(document.activeElement).toBe(screen.getByLabelText('Customer name'));
  });

  it('refuses a blank name with a visible reason and sends nothing', () => {
    const c = controlledCreate();
    render(<NewOrderForm create={c.create} onCreated={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const field = screen.getByLabelText('Customer name');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe("Enter the customer's name.");
    expect(c.calls).toEqual([]);
  });

  it('validates as you type and clears the message once the name is fine', () => {
    const c = controlledCreate();
    render(<NewOrderForm create={c.create} onCreated={() => {}} />);
    const field = screen.getByLabelText('Customer name');
    fireEvent.change(field, { target: { value: 'Asha 123' } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/"1"/);
    fireEvent.submit(field);
    expect(c.calls).toEqual([]);
    fireEvent.change(field, { target: { value: 'Asha Kumari' } });
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('submits with Enter, shows progress, cannot double-submit, and clears after success', async () => {
    const c = controlledCreate();
    const created: Order[] = [];
    render(<NewOrderForm create={c.create} onCreated={(o) => created.push(o)} />);
    const field = screen.getByLabelText('Customer name');
    fireEvent.change(field, { target: { value: '  Asha   Kumari ' } });
    fireEvent.change(screen.getByLabelText('Reference note'), { target: { value: 'LN-42' } });
    fireEvent.submit(field);
    fireEvent.submit(field);
    const busy = screen.getByRole('button', { name: /Generating/ });
    expect(busy.hasAttribute('disabled')).toBe(true);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(c.calls).toEqual([{ name: 'Asha Kumari', note: 'LN-42' }]);
    const order = makeOrder();
    await c.answer({ ok: true, data: order });
    expect(created).toEqual([order]);
    expect((field as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Generate' }).hasAttribute('disabled')).toBe(false);
  });

  it('keeps what was typed when the call fails, shows the sentence and the next step, and retries', async () => {
    const c = controlledCreate();
    render(<NewOrderForm create={c.create} onCreated={() => {}} />);
    const field = screen.getByLabelText('Customer name');
    fireEvent.change(field, { target: { value: 'Ravi Shankar' } });
    fireEvent.submit(field);
    await c.answer({ ok: false, error: { code: 'network_down', message: 'Cashfree could not be reached.', retryable: true } });
    expect((field as HTMLInputElement).value).toBe('Ravi Shankar');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Cashfree could not be reached.');
    expect(alert.textContent).toContain('Check the internet connection');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(c.calls).toEqual([{ name: 'Ravi Shankar' }, { name: 'Ravi Shankar' }]);
  });

  it('offers no Retry when trying again cannot help', async () => {
    const c = controlledCreate();
    render(<NewOrderForm create={c.create} onCreated={() => {}} />);
    fireEvent.change(screen.getByLabelText('Customer name'), { target: { value: 'Ravi Shankar' } });
    fireEvent.submit(screen.getByLabelText('Customer name'));
    await c.answer({ ok: false, error: { code: 'auth_failed', message: 'Cashfree did not accept the keys.', retryable: false } });
    expect(screen.getByRole('alert').textContent).toContain('Settings');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('asks to open the connection once when the agent starts typing a name', () => {
    let warmed = 0;
    render(<NewOrderForm create={controlledCreate().create} onCreated={() => {}} onStartTyping={() => warmed++} />);
    const field = screen.getByLabelText('Customer name');
    fireEvent.change(field, { target: { value: 'A' } });
    fireEvent.change(field, { target: { value: 'As' } });
    expect(warmed).toBe(1);
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.change(field, { target: { value: 'R' } });
    expect(warmed).toBe(2);
  });

  it('starts a new order with a name handed in by a link', () => {
    const form = createRef<NewOrderFormHandle>();
    render(<NewOrderForm ref={form} create={controlledCreate().create} onCreated={() => {}} />);
    act(() => form.current?.startNew('Ravi Kumar'));
    const field = screen.getByLabelText('Customer name') as HTMLInputElement;
    expect(field.value).toBe('Ravi Kumar');
    expect(document.activeElement).toBe(field);
  });

  it('offers "Priya Sharma" for "Sharma, Priya" in one click', () => {
    const c = controlledCreate();
    render(<NewOrderForm create={c.create} onCreated={() => {}} />);
    const field = screen.getByLabelText('Customer name') as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'Sharma, Priya' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use “Priya Sharma”' }));
    expect(field.value).toBe('Priya Sharma');
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(document.activeElement).toBe(field);
  });

  it('accepts a Devanagari name with the hint that banks hold names in Latin letters', () => {
    render(<NewOrderForm create={controlledCreate().create} onCreated={() => {}} />);
    const field = screen.getByLabelText('Customer name');
    fireEvent.change(field, { target: { value: 'प्रिया शर्मा' } });
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText(/Banks usually hold the name in Latin letters/)).toBeTruthy();
  });

  it('keeps what the agent typed during a slow Generate', async () => {
    const c = controlledCreate();
    const made: Order[] = [];
    render(<NewOrderForm create={c.create} onCreated={(o) => made.push(o)} />);
    const field = screen.getByLabelText('Customer name') as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'Asha Kumari' } });
    fireEvent.submit(field);
    // The next customer's name, typed while the first order is still being made.
    fireEvent.change(field, { target: { value: 'Ravi Kumar' } });
    await c.answer({ ok: true, data: makeOrder() });
    expect(made).toHaveLength(1);
    expect(c.calls[0]).toEqual({ name: 'Asha Kumari' });
    expect(field.value).toBe('Ravi Kumar');
  });
});
