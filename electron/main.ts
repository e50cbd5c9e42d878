// Composition root of the desktop app: lifecycle, the window, wiring. Nothing else.
import { app, BrowserWindow } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { startRuntime } from './core/runtime.ts';
import type { Runtime } from './core/runtime.ts';
import { bindIpc } from './ipc.ts';
import { ClipboardGuard } from './core/clipboard-guard.ts';
import { desktopPorts, readClipboardText, writeClipboardText } from './platform/desktop.ts';

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

const preload = join(import.meta.dirname, '../preload/preload.cjs');
const devUrl = process.env.ELECTRON_RENDERER_URL;
let runtime: Runtime | null = null;
let mainWindow: BrowserWindow | null = null;

function isTrustedSender(e: IpcMainInvokeEvent): boolean {
  const url = e.senderFrame?.url ?? '';
  const fromApp = devUrl ? url.startsWith(devUrl) : url.startsWith('file://');
  return fromApp && BrowserWindow.fromWebContents(e.sender) !== null;
}

/** The main window, or with `presentId` a window showing only that order's QR for the customer. */
function createWindow(presentId?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: presentId ? 720 : 1180,
    height: presentId ? 820 : 800,
    minWidth: presentId ? 420 : 720,
    minHeight: 560,
    title: presentId ? 'RPD Desk: show to customer' : 'RPD Desk',
    backgroundColor: presentId ? '#ffffff' : undefined,
    autoHideMenuBar: Boolean(presentId),
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  const hash = presentId ? `present=${encodeURIComponent(presentId)}` : '';
  if (devUrl) void win.loadURL(hash ? `${devUrl}#${hash}` : devUrl);
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'), hash ? { hash } : undefined);
  return win;
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.whenReady().then(async () => {
  // 60 s is the preferences default (clipboardClearSeconds); read the preference once settings are wired here.
  const clipboardGuard = new ClipboardGuard({ read: readClipboardText, write: writeClipboardText, clearAfterSeconds: () => 60 });
  runtime = await startRuntime({
    dataDir: process.env.RPD_DATA_DIR ?? app.getPath('userData'),
    transport: 'electron',
    profile: 'demo',
    track: true,
    clipboard: clipboardGuard,
    platform: desktopPorts(async (verificationId) => void createWindow(verificationId)),
  });
  bindIpc(runtime.handlers, runtime.events, isTrustedSender, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  mainWindow = createWindow();
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void runtime?.close());
