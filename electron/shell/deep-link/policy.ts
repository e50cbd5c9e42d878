// rpd-desk:// links, e.g. from a CRM button: rpd-desk://new?name=Ravi%20Kumar opens the app with
// a new order for that name prefilled. Links come from outside: parse strictly, never act on
// anything else.

import { validateName } from '../../../shared/names.ts';

export const DEEP_LINK_SCHEME = 'rpd-desk';
const MAX_LINK_LENGTH = 2048;

export type DeepLinkAction = { kind: 'new'; name: string };
export type DeepLinkParse = { ok: true; action: DeepLinkAction } | { ok: false; reason: string };

/**
 * The rule for a typed name (shared/names.ts), except that a link may carry no control
 * characters at all: a typed newline is a slip, one in a link is an attempt.
 */
export function validateCustomerName(raw: string): { ok: true; name: string } | { ok: false; reason: string } {
  if (/\p{Cc}/u.test(raw)) return { ok: false, reason: 'name contains control characters' };
  return validateName(raw);
}

export function parseDeepLink(link: string): DeepLinkParse {
  if (link.length > MAX_LINK_LENGTH) return { ok: false, reason: 'link too long' };
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { ok: false, reason: 'not a url' };
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return { ok: false, reason: 'wrong scheme' };
  if (url.username !== '' || url.password !== '' || url.port !== '') return { ok: false, reason: 'unexpected url parts' };
  if (url.host.toLowerCase() !== 'new' || (url.pathname !== '' && url.pathname !== '/')) {
    return { ok: false, reason: 'unknown action' };
  }
  const names = url.searchParams.getAll('name');
  if (names.length !== 1) return { ok: false, reason: 'expected exactly one name' };
  const checked = validateCustomerName(names[0] ?? '');
  if (!checked.ok) return checked;
  return { ok: true, action: { kind: 'new', name: checked.name } };
}

/**
 * On Windows and Linux the OS passes the link as a command-line argument (first launch and
 * second-instance); macOS sends 'open-url' instead. Chromium switches may come first.
 */
export function findDeepLinkInArgv(argv: readonly string[]): string | null {
  const prefix = `${DEEP_LINK_SCHEME}:`;
  return argv.find((arg) => arg.toLowerCase().startsWith(prefix)) ?? null;
}
