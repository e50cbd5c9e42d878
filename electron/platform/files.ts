// "Save as" for exports: the OS save dialog, then the file is written by main.
import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';

export async function saveWithDialog(defaultName: string, content: string): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow();
  const options = { defaultPath: defaultName, filters: [{ name: 'CSV', extensions: ['csv'] }] };
  const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return null;
  await writeFile(filePath, content, { mode: 0o600 });
  return filePath;
}
