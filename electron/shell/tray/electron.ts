// Tray icon with the recent orders. The menu's content comes from policy.ts.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { buildTrayMenu, trayTooltip, type RecentOrderSummary, type TrayAction, type TrayItem } from './policy.ts';

export interface TrayActions {
  showWindow(): void;
  newOrder(): void;
  openOrder(verificationId: string): void;
  openHistory(): void;
  quit(): void;
}

export interface AppTray {
  /** Rebuild the menu, e.g. on the history-changed event or when presenting starts/ends. */
  update(recent: readonly RecentOrderSummary[], hideNames: boolean): void;
  destroy(): void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function run(action: TrayAction, actions: TrayActions): void {
  switch (action.kind) {
    case 'show-window':
      return actions.showWindow();
    case 'new-order':
      return actions.newOrder();
    case 'open-order':
      return actions.openOrder(action.verificationId);
    case 'open-history':
      return actions.openHistory();
    case 'quit':
      return actions.quit();
  }
}

function toMenuItem(item: TrayItem, actions: TrayActions): MenuItemConstructorOptions {
  if (item.type === 'separator') return { type: 'separator' };
  if (item.type === 'header') return { label: item.label, enabled: false };
  return { label: item.label, enabled: item.enabled, click: () => run(item.action, actions) };
}

/** Call after 'ready'. `iconPath`: a 16/32 px PNG (template image on macOS) shipped with the app. */
export function createAppTray(iconPath: string, actions: TrayActions): AppTray {
  const icon = nativeImage.createFromPath(iconPath);
  if (process.platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
  tray.on('click', () => actions.showWindow());
  const update: AppTray['update'] = (recent, hideNames) => {
    const items = buildTrayMenu(recent, { hideNames, platform: process.platform, formatTime: (ms) => timeFormat.format(ms) });
    tray.setContextMenu(Menu.buildFromTemplate(items.map((item) => toMenuItem(item, actions))));
    tray.setToolTip(trayTooltip(recent));
  };
  update([], false);
  return { update, destroy: () => tray.destroy() };
}
