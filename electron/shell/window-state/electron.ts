// Remembers the main window's size and position in <userData>/window-state.json.
// The clamping onto a visible display lives in policy.ts.
import path from 'node:path';
import { app, screen, type BrowserWindow } from 'electron';
import {
  DEFAULT_SIZE_LIMITS,
  clampToVisibleDisplay,
  loadWindowState,
  saveWindowState,
  saveWindowStateSync,
  type SizeLimits,
  type WindowState,
} from './policy.ts';

export function windowStateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

/** Call after 'ready' (screen needs it), before creating the window; pass x/y/width/height to BrowserWindow. */
export async function restoreWindowState(limits: SizeLimits = DEFAULT_SIZE_LIMITS, file = windowStateFile()): Promise<WindowState> {
  const saved = await loadWindowState(file);
  const primaryId = screen.getPrimaryDisplay().id;
  const displays = screen.getAllDisplays().map((d) => ({ workArea: d.workArea, primary: d.id === primaryId }));
  return clampToVisibleDisplay(saved, displays, limits);
}

/** Saves bounds when the window stops moving/resizing and when it closes. Call maximize() yourself if state.maximized. */
export function trackWindowState(win: BrowserWindow, file = windowStateFile()): void {
  let timer: NodeJS.Timeout | null = null;
  const current = (): WindowState | null =>
    win.isDestroyed() || win.isMinimized() || win.isFullScreen() ? null : { ...win.getNormalBounds(), maximized: win.isMaximized() };
  const save = (): void => {
    const state = current();
    if (!state) return;
    void saveWindowState(file, state).catch(() => {
      // Losing a window position is harmless; never let it disturb the app.
    });
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', () => {
    if (timer) clearTimeout(timer);
    const state = current();
    try {
      if (state) saveWindowStateSync(file, state);
    } catch {
      // As above: harmless.
    }
  });
}
