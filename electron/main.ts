// Composition root of the desktop app: lifecycle, the window, wiring. Nothing else.
import { app, BrowserWindow, clipboard } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { startRuntime } from './core/runtime.ts';
import type { Runtime } from './core/runtime.ts';
import { bindIpc } from './ipc.ts';

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

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1180,
    height: 800,
    minWidth: 720,
    minHeight: 560,
    title: 'RPD Desk',
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
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return win;
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.whenReady().then(async () => {
  runtime = await startRuntime({
    dataDir: process.env.RPD_DATA_DIR ?? app.getPath('userData'),
    transport: 'electron',
    profile: 'demo',
    track: true,
    clipboard: { write: async (text) => clipboard.writeText(text) },
  });
  bindIpc(runtime.handlers, runtime.events, isTrustedSender, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  mainWindow = createWindow();
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void runtime?.close());
