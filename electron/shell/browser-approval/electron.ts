// The one question the app asks before the browser extension may create orders (asked once; the
// answer is remembered by electron/browser-bridge/approval.ts).
import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';

export async function askBrowserApproval(win: BrowserWindow | null): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Allow', "Don't allow"],
    defaultId: 0,
    cancelId: 1,
    message: 'Allow the RPD Desk browser extension?',
    detail:
      'It asks RPD Desk to create orders for names you select in your helpdesk and writes the link and the result into the ticket. You can turn it off in Settings, Browser integration.',
  };
  const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return answer.response === 0;
}
