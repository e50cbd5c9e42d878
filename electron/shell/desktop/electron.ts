// Electron's side of the desktop-only ports: clipboard, save dialog, notifications. Thin on
// purpose; the decisions (what to write, when to clear, when to notify) live in clipboard-guard.ts beside this file and in electron/core.
import { BrowserWindow, ClipboardItem, Notification, app, clipboard, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformPorts } from '../../core/desk/ports.ts';

export const readClipboardText = async (): Promise<string> => clipboard.readText();
export const writeClipboardText = (text: string): Promise<void> => clipboard.writeText(text);

export function desktopPorts(present: (verificationId: string) => Promise<void>): PlatformPorts {
  return {
    async saveFile(suggestedName, data) {
      const owner = BrowserWindow.getFocusedWindow();
      const csv = suggestedName.endsWith('.csv');
      const options = {
        title: csv ? 'Export history' : 'Save QR image',
        defaultPath: join(app.getPath('downloads'), suggestedName),
        filters: [csv ? { name: 'CSV', extensions: ['csv'] } : { name: 'PNG image', extensions: ['png'] }],
      };
      const answer = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (answer.canceled || !answer.filePath) return null;
      // Exports may hold bank details: readable by this user only.
      await writeFile(answer.filePath, data, { mode: 0o600 });
      return answer.filePath;
    },
    async copyImage(png) {
      await clipboard.write([new ClipboardItem({ 'image/png': new Blob([new Uint8Array(png)], { type: 'image/png' }) })]);
    },
    present,
    async notify(title, body) {
      if (!Notification.isSupported()) return;
      const note = new Notification({ title, body, silent: false });
      note.on('click', () => {
        const win = BrowserWindow.getAllWindows()[0];
        if (win?.isMinimized()) win.restore();
        win?.focus();
      });
      note.show();
    },
  };
}
