// The extension's service worker: the context menu, the keyboard shortcut, and the relay
// between a helpdesk tab and the native-messaging host (which relays to the running app).
// One native port per tab connection; an open native port keeps this worker alive while an
// order is followed.
import { BrowserReply, HOST_NAME } from '../../shared/browser-bridge.ts';
import type { BrowserRequest } from '../../shared/browser-bridge.ts';
import { PORT_NAME, PageRequest, allowedSites } from './messages.ts';
import type { TabCommand } from './messages.ts';

const MENU_ID = 'rpd-desk-verify';

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: MENU_ID, title: "Verify bank account for '%s'", contexts: ['selection'] });
});

const tell = (tabId: number | undefined, command: TabCommand): void => {
  if (tabId !== undefined) chrome.tabs.sendMessage(tabId, command).catch(() => {});
};

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) tell(tab?.id, { kind: 'verify', text: info.selectionText ?? '' });
});

chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'verify-selection') tell(tab?.id, { kind: 'verify' });
});

chrome.runtime.onConnect.addListener((page) => {
  // Only our own content scripts, in a tab, on an http(s) page.
  if (page.name !== PORT_NAME || page.sender?.id !== chrome.runtime.id || !page.sender.tab) return page.disconnect();
  const origin = page.sender.origin ?? (page.sender.url ? new URL(page.sender.url).origin : '');
  if (!/^https?:\/\//.test(origin)) return page.disconnect();
  let native: chrome.runtime.Port | null = null;
  const reply = (message: BrowserReply): void => {
    try {
      page.postMessage(message);
    } catch {
      // The tab went away.
    }
  };
  const hostGone = (): void => {
    const reason = chrome.runtime.lastError?.message ?? '';
    native = null;
    reply({
      id: null,
      ok: false,
      error: {
        code: 'app_not_running',
        message: /not found|forbidden/i.test(reason)
          ? 'Browser integration is not turned on: open RPD Desk, Settings, Browser integration.'
          : 'RPD Desk is not running. Open RPD Desk and try again.',
      },
    });
  };
  const nativePort = (): chrome.runtime.Port => {
    if (native) return native;
    const port = chrome.runtime.connectNative(HOST_NAME);
    port.onMessage.addListener((message: unknown) => {
      const parsed = BrowserReply.safeParse(message);
      if (parsed.success) reply(parsed.data);
    });
    port.onDisconnect.addListener(hostGone);
    return (native = port);
  };
  page.onMessage.addListener(async (message: unknown) => {
    const parsed = PageRequest.safeParse(message);
    if (!parsed.success) return;
    const { sites } = await allowedSites();
    if (sites.length && !sites.includes(origin)) return;
    const request: BrowserRequest = parsed.data.kind === 'create' ? { ...parsed.data, origin } : parsed.data;
    nativePort().postMessage(request);
  });
  page.onDisconnect.addListener(() => native?.disconnect());
});
