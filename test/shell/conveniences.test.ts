import { describe, expect, it } from 'vitest';
import { NotificationGate, mainWindowContentProtection, summariseHeld } from '../../electron/shell/presenting/policy.ts';
import { DEFAULT_SHOW_SHORTCUT, validateShortcut } from '../../electron/shell/shortcut/policy.ts';
import { buildTrayMenu, trayTooltip, type RecentOrderSummary, type TrayMenuOptions } from '../../electron/shell/tray/policy.ts';

const options: TrayMenuOptions = {
  hideNames: false,
  platform: 'win32',
  formatTime: (ms) => new Date(ms).toISOString().slice(11, 16),
};
const order = (i: number, patch: Partial<RecentOrderSummary> = {}): RecentOrderSummary => ({
  verificationId: `rpd_${i}`,
  name: `Customer ${i}`,
  state: 'success',
  createdAt: Date.UTC(2026, 10, 25, 9, i),
  ...patch,
});

describe('buildTrayMenu', () => {
  it('lists the five newest orders with their state, newest first', () => {
    const items = buildTrayMenu([order(1), order(7, { state: 'created' }), order(3), order(5), order(2), order(6, { state: 'expired' })], options);
    const orderItems = items.filter((i) => i.type === 'normal' && i.action.kind === 'open-order');
    expect(orderItems.map((i) => (i.type === 'normal' ? i.label : ''))).toEqual([
      'Customer 7: Waiting for payment (09:07)',
      'Customer 6: Expired (09:06)',
      'Customer 5: Paid (09:05)',
      'Customer 3: Paid (09:03)',
      'Customer 2: Paid (09:02)',
    ]);
    expect(orderItems[0]).toMatchObject({ action: { kind: 'open-order', verificationId: 'rpd_7' } });
    expect(items.at(-1)).toMatchObject({ label: 'Quit RPD Desk', action: { kind: 'quit' } });
  });

  it('hides names while presenting, shortens long ones and escapes & outside macOS', () => {
    const long = order(1, { name: 'Venkata Lakshmi Narasimha Subrahmanya Sastry' });
    const amp = order(2, { name: 'A & B Traders' });
    const label = (opts: TrayMenuOptions, o: RecentOrderSummary) => {
      const item = buildTrayMenu([o], opts).find((i) => i.type === 'normal' && i.action.kind === 'open-order');
      return item && item.type === 'normal' ? item.label : '';
    };
    expect(label({ ...options, hideNames: true }, long)).toBe('Customer: Paid (09:01)');
    expect(label(options, long)).toBe('Venkata Lakshmi Narasimha Subra…: Paid (09:01)');
    expect(label(options, amp)).toBe('A && B Traders: Paid (09:02)');
    expect(label({ ...options, platform: 'darwin' }, amp)).toBe('A & B Traders: Paid (09:02)');
  });

  it('says so when there are no orders, and counts waiting orders in the tooltip', () => {
    expect(buildTrayMenu([], options)).toContainEqual({ type: 'header', label: 'No orders yet' });
    expect(trayTooltip([order(1, { state: 'created' }), order(2), order(3, { state: 'creating' })])).toBe('RPD Desk: 2 waiting for payment');
    expect(trayTooltip([order(2)])).toBe('RPD Desk');
  });
});

describe('validateShortcut', () => {
  it.each([
    [DEFAULT_SHOW_SHORTCUT, 'CommandOrControl+Alt+D'],
    ['ctrl+shift+f12', 'Control+Shift+F12'],
    ['CmdOrCtrl+Alt+r', 'CommandOrControl+Alt+R'],
    ['Alt+F9', 'Alt+F9'],
    ['Super+Space', 'Super+Space'],
    ['Ctrl+Alt++', 'Control+Alt+Plus'],
    ['  Option + Shift + 5 ', 'Alt+Shift+5'],
  ])('accepts %s as %s', (input, canonical) => {
    expect(validateShortcut(input)).toEqual({ ok: true, accelerator: canonical });
  });

  it.each(['', 'R', 'F5', 'Shift+F5', 'Ctrl+C', 'Ctrl+V', 'Alt+4', 'Ctrl+Ctrl+R', 'Hyper+R', 'Ctrl+Alt+Banana', 'Ctrl+Alt+', 'Ctrl+F25'])(
    'refuses %j',
    (input) => {
      expect(validateShortcut(input).ok).toBe(false);
    },
  );
});

describe('presenting', () => {
  it('protects the main window only while presenting and only if the setting is on', () => {
    expect(mainWindowContentProtection(true, { protectMainWindow: true })).toBe(true);
    expect(mainWindowContentProtection(false, { protectMainWindow: true })).toBe(false);
    expect(mainWindowContentProtection(true, { protectMainWindow: false })).toBe(false);
  });

  it('holds notifications while presenting and gives them back after', () => {
    const gate = new NotificationGate();
    expect(gate.offer({ title: 'Paid', body: 'Customer 1 paid' })).toBe('show');
    expect(gate.setPresenting(true)).toEqual([]);
    expect(gate.offer({ title: 'Paid', body: 'Customer 2 paid' })).toBe('held');
    expect(gate.offer({ title: 'Expired', body: 'Customer 3 expired' })).toBe('held');
    expect(gate.setPresenting(true)).toEqual([]);
    expect(gate.setPresenting(false)).toEqual([
      { title: 'Paid', body: 'Customer 2 paid' },
      { title: 'Expired', body: 'Customer 3 expired' },
    ]);
    expect(gate.setPresenting(false)).toEqual([]);
  });

  it('turns a pile of held notifications into one summary', () => {
    const held = Array.from({ length: 7 }, (_, i) => ({ title: 'Paid', body: `Customer ${i}` }));
    expect(summariseHeld(held)).toEqual([{ title: 'RPD Desk', body: '7 updates arrived while you were presenting. Open RPD Desk to see them.' }]);
  });
});
