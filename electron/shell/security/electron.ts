// Applies policy.ts to the app: sandbox everywhere, one guard for every web
// contents, permissions and CSP per session. Thin on purpose: the decisions live in core.
import {
  BrowserWindow,
  app,
  shell,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import {
  APP_ORIGIN,
  DEFAULT_EXTERNAL_HOSTS,
  cspForResponse,
  decidePermission,
  isAllowedExternal,
  isAllowedNavigation,
  withCsp,
} from './policy.ts';

export interface HardenOptions {
  /** The dev server origin in unpackaged runs (rendererLocation().origin when kind is 'dev'), else null. */
  devServerOrigin?: string | null;
  /** Hosts that https links may open in the system browser. */
  externalHosts?: readonly string[];
  /** Called for every blocked navigation, window, webview or permission: for the log. */
  onBlocked?: (what: string, url: string) => void;
}

/**
 * Call once, BEFORE app 'ready': app.enableSandbox() has no effect after it, and the guard must
 * be in place before the first window exists.
 */
export function hardenApp(options: HardenOptions = {}): void {
  app.enableSandbox();
  const devOrigin = options.devServerOrigin ?? null;
  const appOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
  const hosts = options.externalHosts ?? DEFAULT_EXTERNAL_HOSTS;
  const blocked = options.onBlocked ?? (() => {});
  const hardenedSessions = new WeakSet<Session>();

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, appOrigins, hosts, blocked);
    if (!hardenedSessions.has(contents.session)) {
      hardenedSessions.add(contents.session);
      hardenSession(contents.session, appOrigins, devOrigin, blocked);
    }
  });
}

function guardWebContents(
  contents: WebContents,
  appOrigins: readonly string[],
  hosts: readonly string[],
  blocked: (what: string, url: string) => void,
): void {
  const allowed = (url: string): boolean => appOrigins.some((origin) => isAllowedNavigation(url, origin));
  /** The one place links leave the app: https to allow-listed hosts only. */
  const openOutside = (url: string): boolean => {
    if (!isAllowedExternal(url, hosts)) return false;
    void shell.openExternal(url);
    return true;
  };
  const denyNavigation = (what: string) => (event: { preventDefault(): void; url: string }) => {
    if (allowed(event.url)) return;
    event.preventDefault();
    // A plain link to an allow-listed page (Cashfree docs) opens in the browser instead.
    if (what === 'navigation' && openOutside(event.url)) return;
    blocked(what, event.url);
  };
  contents.on('will-navigate', denyNavigation('navigation'));
  contents.on('will-frame-navigate', denyNavigation('frame navigation'));
  contents.on('will-redirect', denyNavigation('redirect'));

  contents.setWindowOpenHandler(({ url }) => {
    if (!openOutside(url)) blocked('window.open', url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    blocked('webview', params.src ?? '');
  });
}

function hardenSession(
  session: Session,
  appOrigins: readonly string[],
  devOrigin: string | null,
  blocked: (what: string, url: string) => void,
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = details.requestingUrl || contents.getURL();
    const granted = decidePermission(permission, url, appOrigins);
    if (!granted) blocked(`permission ${permission}`, url);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin, appOrigins),
  );
  // USB, serial, HID and Bluetooth devices: never.
  session.setDevicePermissionHandler(() => false);

  // Only one onHeadersReceived listener exists per session: this is it. Responses served by
  // the app:// handler carry the CSP already; this also covers the dev server.
  session.webRequest.onHeadersReceived((details, callback) => {
    const csp = cspForResponse(details.url, devOrigin);
    callback(csp ? { responseHeaders: withCsp(details.responseHeaders, csp) } : {});
  });
}

/**
 * The one way the app creates windows (main and presenter): every security flag is written
 * out literally here, where reviewers and Electronegativity can see it at the constructor.
 */
export function createSecureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preloadPath: string,
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
    },
  });
}
