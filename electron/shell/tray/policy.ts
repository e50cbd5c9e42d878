// The tray menu as data: which items, labels and actions. electron.ts beside this file turns the
// items into an Electron Menu and maps each action to a click handler.
import type { OrderState } from '../../../shared/domain.ts';
import { STATE_WORDS } from '../../../shared/words.ts';

export interface RecentOrderSummary {
  verificationId: string;
  name: string;
  state: OrderState;
  /** ms since epoch */
  createdAt: number;
}

export type TrayAction =
  | { kind: 'show-window' }
  | { kind: 'new-order' }
  | { kind: 'open-order'; verificationId: string }
  | { kind: 'open-history' }
  | { kind: 'quit' };

export type TrayItem =
  | { type: 'separator' }
  | { type: 'normal'; label: string; action: TrayAction; enabled: boolean }
  | { type: 'header'; label: string };

export interface TrayMenuOptions {
  /** While presenting, customer names stay off the screen (the tray menu could be captured). */
  hideNames: boolean;
  /** Electron's platform name: on Windows and Linux '&' in a label marks a mnemonic. */
  platform: string;
  /** Formats a time for the label; injected so the output does not depend on the machine's zone. */
  formatTime: (ms: number) => string;
  maxRecent?: number;
}

export const MAX_RECENT_IN_TRAY = 5;
const MAX_NAME_IN_LABEL = 32;


function shorten(name: string): string {
  const chars = [...name.trim()];
  return chars.length > MAX_NAME_IN_LABEL ? `${chars.slice(0, MAX_NAME_IN_LABEL - 1).join('')}…` : chars.join('');
}

export function trayOrderLabel(order: RecentOrderSummary, options: TrayMenuOptions): string {
  const who = options.hideNames ? 'Customer' : shorten(order.name);
  const label = `${who}: ${STATE_WORDS[order.state]} (${options.formatTime(order.createdAt)})`;
  return options.platform === 'darwin' ? label : label.replaceAll('&', '&&');
}

export function buildTrayMenu(recent: readonly RecentOrderSummary[], options: TrayMenuOptions): TrayItem[] {
  const newest = [...recent].sort((a, b) => b.createdAt - a.createdAt).slice(0, options.maxRecent ?? MAX_RECENT_IN_TRAY);
  const items: TrayItem[] = [
    { type: 'normal', label: 'Show RPD Desk', action: { kind: 'show-window' }, enabled: true },
    { type: 'normal', label: 'New order', action: { kind: 'new-order' }, enabled: true },
    { type: 'separator' },
    { type: 'header', label: 'Recent orders' },
  ];
  if (newest.length === 0) {
    items.push({ type: 'header', label: 'No orders yet' });
  } else {
    for (const order of newest) {
      items.push({
        type: 'normal',
        label: trayOrderLabel(order, options),
        action: { kind: 'open-order', verificationId: order.verificationId },
        enabled: true,
      });
    }
  }
  items.push(
    { type: 'normal', label: 'History…', action: { kind: 'open-history' }, enabled: true },
    { type: 'separator' },
    { type: 'normal', label: 'Quit RPD Desk', action: { kind: 'quit' }, enabled: true },
  );
  return items;
}

/** Tooltip: how many orders still wait for the customer. */
export function trayTooltip(recent: readonly RecentOrderSummary[]): string {
  const waiting = recent.filter((o) => o.state === 'created' || o.state === 'creating').length;
  return waiting === 0 ? 'RPD Desk' : `RPD Desk: ${waiting} waiting for payment`;
}
