// Security decisions as plain functions, so they are tested without Electron.
// electron.ts beside this file applies them to every web contents and session.

/** The packaged renderer is served from app://rpd/ (see electron/shell/protocol/). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rpd';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The only CSP the packaged app ships with: no remote code, no eval, no network from the page. */
export const PRODUCTION_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The vite dev server needs inline styles (HMR injects them), the React refresh preamble
 * (inline script) and a websocket back to itself. Never used for app:// pages.
 */
export function devCsp(devServerOrigin: string): string {
  const ws = devServerOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Hosts the app may open in the system browser (Cashfree docs and dashboard). */
export const DEFAULT_EXTERNAL_HOSTS: readonly string[] = [
  'www.cashfree.com',
  'docs.cashfree.com',
  'merchant.cashfree.com',
];

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * A page may only ever navigate within the app itself. `appOrigin` is app://rpd in the packaged
 * app or the dev server origin (http://localhost:5173) in development.
 * Compares parsed origins, so `app://rpd.evil/` or `http://localhost:5173@evil/` do not pass.
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  const target = parseUrl(url);
  const allowed = parseUrl(appOrigin);
  if (!target || !allowed) return false;
  // Custom schemes report origin "null" in WHATWG URL; compare protocol + host instead.
  return (
    target.protocol === allowed.protocol &&
    target.host === allowed.host &&
    target.username === '' &&
    target.password === ''
  );
}

/**
 * An IPC call is answered only for the main frame of a window showing the app itself: not for a
 * sub-frame, not for a page the window was somehow navigated to. Parsed like navigation, so
 * `app://rpd.evil/` or `http://localhost:5173@evil/` do not pass.
 */
export function isTrustedSenderFrame(frame: { url: string; isMainFrame: boolean } | null, appOrigin: string): boolean {
  return frame !== null && frame.isMainFrame && isAllowedNavigation(frame.url, appOrigin);
}

/** Links leave the app only as https:// to an allow-listed host, with no credentials in the URL. */
export function isAllowedExternal(url: string, allowedHosts: readonly string[] = DEFAULT_EXTERNAL_HOSTS): boolean {
  const target = parseUrl(url);
  if (!target) return false;
  if (target.protocol !== 'https:') return false;
  if (target.username !== '' || target.password !== '') return false;
  if (target.port !== '') return false;
  return allowedHosts.includes(target.hostname.toLowerCase());
}

/**
 * Permissions the renderer may hold. Clipboard writes go through main (the contract), so the
 * page needs no clipboard permission; notifications are the only web permission granted, and
 * only to the app's own origin.
 */
export const GRANTED_PERMISSIONS: readonly string[] = ['notifications'];

export function decidePermission(permission: string, requestingUrl: string, appOrigins: readonly string[]): boolean {
  if (!GRANTED_PERMISSIONS.includes(permission)) return false;
  return appOrigins.some((origin) => isAllowedNavigation(requestingUrl, origin));
}

/**
 * Which CSP a response gets: the production policy for app://, the dev policy for the dev
 * server, none for anything else (the renderer cannot reach anything else: connect-src 'none').
 */
export function cspForResponse(url: string, devServerOrigin: string | null): string | null {
  if (isAllowedNavigation(url, APP_ORIGIN)) return PRODUCTION_CSP;
  if (devServerOrigin && isAllowedNavigation(url, devServerOrigin)) return devCsp(devServerOrigin);
  return null;
}

/** Response headers with any CSP the server sent replaced by ours (header names are case-insensitive). */
export function withCsp(
  headers: Record<string, string[] | string> | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

export type RendererLocation = { kind: 'app'; url: string; origin: string } | { kind: 'dev'; url: string; origin: string };

/**
 * Where the window loads the renderer from. The dev server URL (electron-vite sets
 * ELECTRON_RENDERER_URL) is honoured only in unpackaged runs and only on loopback, so an
 * environment variable can never point the installed app at a remote page.
 */
export function rendererLocation(packaged: boolean, env: Readonly<Record<string, string | undefined>>): RendererLocation {
  const app: RendererLocation = { kind: 'app', url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN };
  const dev = env.ELECTRON_RENDERER_URL;
  if (packaged || !dev) return app;
  const url = parseUrl(dev);
  if (!url || url.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return app;
  return { kind: 'dev', url: url.href, origin: url.origin };
}
