// One running app per user, and rpd-desk:// links delivered to it. Parsing lives in
// policy.ts; this file only listens where the OS delivers links.
import path from 'node:path';
import { app } from 'electron';
import { DEEP_LINK_SCHEME, findDeepLinkInArgv, parseDeepLink, type DeepLinkAction } from './policy.ts';

/**
 * Call first thing in main. Returns false when another instance runs: that instance gets our
 * argv through 'second-instance' and this one quits.
 */
export function claimSingleInstance(): boolean {
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
}

export interface DeepLinks {
  /** Install the handler once the window can take actions; links that arrived before are delivered now. */
  setHandler(handler: (action: DeepLinkAction) => void): void;
}

export interface DeepLinkOptions {
  /** Bring the existing window forward (a second launch or a link means the agent wants the app). */
  focusWindow(): void;
  /** A link that failed validation: for the log (the reason never contains the link's text). */
  onRejected?(reason: string): void;
}

/**
 * Call BEFORE 'ready' (right after claimSingleInstance): macOS sends 'open-url' during launch.
 * Registers the scheme with the OS in packaged builds (the installers also register it); dev
 * runs are left out so they do not take over the links of an installed copy.
 */
export function registerDeepLinks(options: DeepLinkOptions): DeepLinks {
  if (app.isPackaged) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  } else if (process.env.RPD_DESK_REGISTER_DEV_PROTOCOL === '1' && process.argv[1]) {
    // Opt-in for trying links by hand in a dev run: electron.exe plus the path of the app.
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
  }

  let handler: ((action: DeepLinkAction) => void) | null = null;
  const pending: DeepLinkAction[] = [];
  const receive = (link: string | null): void => {
    if (!link) return;
    const parsed = parseDeepLink(link);
    if (!parsed.ok) {
      options.onRejected?.(parsed.reason);
      return;
    }
    if (handler) handler(parsed.action);
    else pending.splice(0, pending.length, parsed.action); // only the latest link matters
  };

  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url);
    if (app.isReady()) options.focusWindow();
  });
  app.on('second-instance', (_event, argv) => {
    options.focusWindow();
    receive(findDeepLinkInArgv(argv));
  });
  // Windows and Linux: a link that started this instance arrives in our own argv.
  receive(findDeepLinkInArgv(process.argv));

  return {
    setHandler(next) {
      handler = next;
      for (const action of pending.splice(0)) next(action);
    },
  };
}
