// Composition root of the desktop app: lifecycle, windows, wiring. Nothing else.
import { app, BrowserWindow } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { startRuntime } from './core/runtime.ts';
import type { Runtime } from './core/runtime.ts';
import { bindIpc } from './ipc.ts';
import { claimSingleInstance, registerDeepLinks } from './shell/deep-link/electron.ts';
import { openLogsFolder, setupLogging } from './shell/log/electron.ts';
import { registerAppScheme, serveRenderer } from './shell/protocol/electron.ts';
import { createSecureWindow, hardenApp } from './shell/security/electron.ts';
import { isTrustedSenderFrame, rendererLocation } from './shell/security/policy.ts';
import { restoreWindowState, trackWindowState } from './shell/window-state/electron.ts';
import { createPresentingControl } from './shell/presenting/electron.ts';
import { createAppTray } from './shell/tray/electron.ts';
import type { AppTray } from './shell/tray/electron.ts';
import { clearShowShortcut, setShowShortcut } from './shell/shortcut/electron.ts';
import { startAutoUpdates } from './shell/updater/electron.ts';
import { openVault } from './shell/vault/electron.ts';
import { historyKeyProtector } from './shell/vault/data-key.ts';
import { ClipboardGuard } from './shell/desktop/clipboard-guard.ts';
import { desktopPorts, readClipboardText, writeClipboardText } from './shell/desktop/electron.ts';
import { appDataDir } from './core/paths.ts';
import type { Order } from '../shared/domain.ts';
import type { AppCommand } from '../shared/contract.ts';
import { integrationFor, serveBrowserBridge } from './browser-bridge/index.ts';
import { askBrowserApproval } from './shell/browser-approval/electron.ts';

// Unpackaged test runs keep their data apart; the single-instance lock lives in userData.
if (!app.isPackaged && process.env.RPD_DESK_USER_DATA_DIR) app.setPath('userData', process.env.RPD_DESK_USER_DATA_DIR);

if (claimSingleInstance()) void boot();

async function boot(): Promise<void> {
  const { logger, dir: logDir, file: logFile } = setupLogging();
  registerAppScheme();
  const location = rendererLocation(app.isPackaged, process.env);
  hardenApp({ devServerOrigin: location.kind === 'dev' ? location.origin : null, onBlocked: (what, url) => logger.warn('blocked', what, url) });
  let mainWindow: BrowserWindow | null = null;
  const showWindow = (): void => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  const links = registerDeepLinks({ focusWindow: showWindow, onRejected: (reason) => logger.warn('deep link refused:', reason) });

  await app.whenReady();
  const here = import.meta.dirname;
  serveRenderer(join(here, '../renderer'));

  const dataDir = appDataDir(app.isPackaged, app.getPath('userData'));
  const settings = await openVault({ dir: dataDir });
  for (const notice of settings.takeNotices()) logger.warn(notice);
  const preload = join(here, '../preload/preload.cjs');
  const presenting = createPresentingControl({ getMainWindow: () => mainWindow, getSettings: () => ({ protectMainWindow: true }) });
  // Copied personal data is cleared after the agent's chosen time if it is still there.
  const clipboardGuard = new ClipboardGuard({
    read: readClipboardText,
    write: writeClipboardText,
    clearAfterSeconds: () => settings.getPreferences().clipboardClearSeconds,
  });
  /** A window with only the QR, the name and the countdown, for a second monitor or a shared screen. */
  const present = async (verificationId: string): Promise<void> => {
    const win = createSecureWindow(
      { width: 720, height: 820, minWidth: 420, minHeight: 560, title: 'RPD Desk: show to customer', backgroundColor: '#ffffff', autoHideMenuBar: true, show: false },
      preload,
    );
    presenting.watchPresenterWindow(win);
    win.once('ready-to-show', () => win.show());
    await win.loadURL(`${location.url}#present=${encodeURIComponent(verificationId)}`);
  };
  const runtime: Runtime = await startRuntime({
    dataDir,
    transport: 'electron',
    settings,
    track: true,
    clipboard: clipboardGuard,
    // The window decides when an order deserves a notification (shared/notify.ts); main holds
    // it back while the customer's QR is on a shared screen.
    platform: { ...desktopPorts(present), notify: async (title, body) => presenting.notify({ title, body }) },
    keyProtector: await historyKeyProtector(),
    log: logger,
    logFile,
    packaged: app.isPackaged,
    browserIntegration: integrationFor(dataDir, { packaged: app.isPackaged, resourcesPath: process.resourcesPath, outDir: join(here, '..') }),
    openLogs: async () => {
      const problem = await openLogsFolder(logDir);
      if (problem) throw new Error(problem);
    },
  });

  const trusted = (e: IpcMainInvokeEvent): boolean => {
    const frame = e.senderFrame;
    return BrowserWindow.fromWebContents(e.sender) !== null && isTrustedSenderFrame(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null, location.origin);
  };
  bindIpc(runtime.handlers, runtime.events, trusted, () => BrowserWindow.getAllWindows().map((w) => w.webContents));

  const state = await restoreWindowState();
  mainWindow = createSecureWindow({ ...state, minWidth: 720, minHeight: 560, title: 'RPD Desk', show: false }, preload);
  if (state.maximized) mainWindow.maximize();
  trackWindowState(mainWindow);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  await mainWindow.loadURL(location.url);

  const command = (c: AppCommand): void => {
    showWindow();
    runtime.events.emit('app.command', c);
  };
  const recent: Order[] = [];
  let tray: AppTray | null = null;
  try {
    tray = createAppTray(join(here, '../renderer/tray.png'), {
      showWindow,
      newOrder: () => command({ kind: 'new-order' }),
      openOrder: (verificationId) => command({ kind: 'open-order', verificationId }),
      openHistory: () => command({ kind: 'open-history' }),
      quit: () => app.quit(),
    });
  } catch (err) {
    logger.warn('no tray icon:', (err as Error).message);
  }
  runtime.events.on('order.updated', (order) => {
    const at = recent.findIndex((o) => o.verificationId === order.verificationId);
    if (at >= 0) recent.splice(at, 1);
    recent.unshift(order);
    recent.length = Math.min(recent.length, 10);
    tray?.update(recent, presenting.isPresenting());
  });
  links.setHandler((action) => command({ kind: 'new-order', name: action.name }));
  // Orders from the helpdesk tab: the agent allows the extension once (remembered).
  const extension = await serveBrowserBridge({
    dataDir,
    handlers: runtime.handlers,
    events: runtime.events,
    preferences: () => settings.getPreferences(),
    log: (message) => logger.warn(message),
    askApproval: () => {
      showWindow();
      return askBrowserApproval(mainWindow);
    },
  });

  const prefs = settings.getPreferences();
  const shortcut = setShowShortcut(prefs.globalShortcut, showWindow);
  if (!shortcut.ok) logger.warn('global shortcut not set:', shortcut.reason);
  startAutoUpdates({ autoUpdateSetting: prefs.autoUpdate, demoBuild: false, logger, getWindow: () => mainWindow });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    clearShowShortcut();
    void extension?.close();
    void runtime.close();
  });
}
