// rpd-desk:// links, e.g. from a CRM button: rpd-desk://new?name=Ravi%20Kumar opens the app with
// a new order for that name prefilled. Links come from outside: parse strictly, never act on
// anything else.

export const DEEP_LINK_SCHEME = 'rpd-desk';
const MAX_LINK_LENGTH = 2048;
export const MAX_NAME_LENGTH = 100;

export type DeepLinkAction = { kind: 'new'; name: string };
export type DeepLinkParse = { ok: true; action: DeepLinkAction } | { ok: false; reason: string };

/**
 * Placeholder rule until shared/names.ts takes over: trimmed, 1..100 characters, letters of any
 * script (with their combining marks, for Indic names), spaces, and . ' -
 */
export function validateCustomerName(raw: string): { ok: true; name: string } | { ok: false; reason: string } {
  const name = raw.trim();
  if (name.length === 0) return { ok: false, reason: 'name is empty' };
  if ([...name].length > MAX_NAME_LENGTH) return { ok: false, reason: `name is longer than ${MAX_NAME_LENGTH} characters` };
  if (!/^[\p{L}\p{M} .'-]+$/u.test(name)) return { ok: false, reason: 'name may only contain letters, spaces and . \' -' };
  if (!/\p{L}/u.test(name)) return { ok: false, reason: 'name has no letters' };
  return { ok: true, name };
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
