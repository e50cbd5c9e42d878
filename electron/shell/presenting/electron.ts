// While the presenter window (QR for the customer) is on screen: hide the main window from
// screen capture (if the setting is on) and hold notifications. Rules in policy.ts.
import { Notification, type BrowserWindow } from 'electron';
import { NotificationGate, mainWindowContentProtection, type HeldNotification, type PresentingSettings } from './policy.ts';

export interface PresentingControl {
  /** Watch a presenter window: shown = presenting, hidden or closed = not. */
  watchPresenterWindow(win: BrowserWindow): void;
  setPresenting(presenting: boolean): void;
  /** Use for every app notification: shows now, or after presenting ends. */
  notify(notification: HeldNotification): void;
  /** Re-apply after the setting changed. */
  refresh(): void;
  isPresenting(): boolean;
}

function showNow(n: HeldNotification): void {
  if (Notification.isSupported()) new Notification({ title: n.title, body: n.body, silent: false }).show();
}

export function createPresentingControl(options: {
  getMainWindow: () => BrowserWindow | null;
  getSettings: () => PresentingSettings;
  /** Called when presenting starts or ends (e.g. to rebuild the tray menu without names). */
  onChange?: (presenting: boolean) => void;
  show?: (n: HeldNotification) => void;
}): PresentingControl {
  const gate = new NotificationGate();
  const show = options.show ?? showNow;
  const apply = (): void => {
    const win = options.getMainWindow();
    if (win && !win.isDestroyed()) win.setContentProtection(mainWindowContentProtection(gate.presenting, options.getSettings()));
  };
  const setPresenting = (presenting: boolean): void => {
    if (presenting === gate.presenting) return;
    const release = gate.setPresenting(presenting);
    apply();
    options.onChange?.(presenting);
    for (const n of release) show(n);
  };
  return {
    watchPresenterWindow(win) {
      win.on('show', () => setPresenting(true));
      win.on('hide', () => setPresenting(false));
      win.on('closed', () => setPresenting(false));
      if (win.isVisible()) setPresenting(true);
    },
    setPresenting,
    notify(n) {
      if (gate.offer(n) === 'show') show(n);
    },
    refresh: apply,
    isPresenting: () => gate.presenting,
  };
}
