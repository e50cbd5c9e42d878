// What the content script and the service worker say to each other. The content script never
// names the page's origin (the service worker takes it from the browser) and gets back only
// final texts: the order's status words, the chat message and the masked result (the host's
// checked answers, BrowserReply, passed on as they are).
import { z } from 'zod';

// Extension pages forbid eval: zod must not even try its compiled parsers (a CSP error each time).
z.config({ jitless: true });

export const PORT_NAME = 'rpd-desk';

export const PageRequest = z.discriminatedUnion('kind', [
  z.object({ id: z.number().int().min(0), kind: z.literal('create'), name: z.string().max(1000), ticket: z.string().max(100).optional() }).strict(),
  z.object({ id: z.number().int().min(0), kind: z.literal('result'), verificationId: z.string().min(1).max(50) }).strict(),
]);
export type PageRequest = z.infer<typeof PageRequest>;

/** The browser's context menu or keyboard shortcut asks the tab to verify its selection. */
export const TabCommand = z.object({ kind: z.literal('verify'), text: z.string().max(1000).optional() }).strict();
export type TabCommand = z.infer<typeof TabCommand>;

export const SITES_KEY = 'allowedSites';

/** "https://acme.freshdesk.com/a/tickets" -> "https://acme.freshdesk.com"; junk -> null. */
export function siteOrigin(line: string): string | null {
  const text = line.trim();
  if (!text) return null;
  try {
    const url = new URL(text.includes('://') ? text : `https://${text}`);
    // Some URL parsers escape spaces in a host instead of refusing it.
    const host = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(url.hostname) || /^\[[0-9a-f:.]+\]$/i.test(url.hostname);
    return host && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : null;
  } catch {
    return null;
  }
}

/** Sites the company's policy lists win over the agent's own list; an empty list means every site. */
export async function allowedSites(): Promise<{ sites: string[]; managed: boolean }> {
  const managed = await chrome.storage.managed.get(SITES_KEY).catch(() => ({}) as Record<string, unknown>);
  const fromPolicy = z.array(z.string()).safeParse(managed[SITES_KEY]);
  if (fromPolicy.success && fromPolicy.data.length) return { sites: fromPolicy.data.map(siteOrigin).filter((s) => s !== null), managed: true };
  const own = await chrome.storage.sync.get(SITES_KEY);
  const fromAgent = z.array(z.string()).safeParse(own[SITES_KEY]);
  return { sites: fromAgent.success ? fromAgent.data : [], managed: false };
}
