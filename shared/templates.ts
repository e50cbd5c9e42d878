// Chat messages built from editable templates. Pure: the renderer and tests call these directly.

/**
 * Default templates by name; the settings preferences `messageTemplates` override them. They use
 * {page_link}: chat apps make Cashfree's https page tappable, which they do not do for upi://.
 */
export const DEFAULT_MESSAGE_TEMPLATES: Readonly<Record<string, string>> = {
  English:
    'Hello {name}, please pay Rs 1 from the bank account you want to verify, using this link: {page_link}\n' +
    'The Rs 1 is refunded to you. The link works until {expires_at} ({minutes_left} minutes left).',
  Hindi:
    'नमस्ते {name}, जिस बैंक खाते को सत्यापित करना है, उससे इस लिंक पर ₹1 का भुगतान करें: {page_link}\n' +
    '₹1 आपको वापस मिल जाएगा। लिंक {expires_at} तक मान्य है ({minutes_left} मिनट बाकी)।',
};

/** {link} is the upi:// link; {page_link} Cashfree's hosted https page, or the upi:// link when there is none. */
export const PLACEHOLDERS = ['name', 'link', 'page_link', 'expires_at', 'minutes_left'] as const;
export const LINK_PLACEHOLDERS: readonly Placeholder[] = ['link', 'page_link'];
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

/** Marks a message copied in the Sandbox profile, so a test link never reaches a real customer. */
export const TEST_LINK_PREFIX = '[TEST LINK – do not pay] ';

/** Replaces every known {placeholder}; unknown braces are left as typed. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    (PLACEHOLDERS as readonly string[]).includes(key) ? values[key as Placeholder] : whole,
  );
}

/** Placeholders a template uses that this app does not know (shown as a hint while editing). */
export function unknownPlaceholders(template: string): string[] {
  const found = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  return [...new Set(found.filter((k) => !(PLACEHOLDERS as readonly string[]).includes(k)))];
}

// A payment address or a link typed into a template would send every customer to it.
const UPI_ADDRESS = /[\w.-]+@[a-z][\w.-]*/i;
const OWN_LINK = /\b(?:https?|upi|tez|phonepe|paytmmp|bhim|gpay|intent):\/?\/?\S|\bwww\.\S/i;

export type TemplateCheck = { ok: true } | { ok: false; reason: string };

/**
 * The rule for a saved template (Settings, settings import): known placeholders only, the link
 * placeholder present, and no payment address or link of its own.
 */
export function validateTemplate(template: string): TemplateCheck {
  const unknown = unknownPlaceholders(template);
  if (unknown.length > 0) {
    return { ok: false, reason: `Unknown placeholder ${unknown.map((u) => `{${u}}`).join(', ')}. Use ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.` };
  }
  if (!LINK_PLACEHOLDERS.some((p) => template.includes(`{${p}}`))) {
    return { ok: false, reason: 'The template needs {page_link} or {link}: without it the customer gets no way to pay.' };
  }
  const upi = UPI_ADDRESS.exec(template);
  if (upi) return { ok: false, reason: `The template contains a payment address (${upi[0]}): only the order's own link may go to a customer.` };
  const link = OWN_LINK.exec(template);
  if (link) return { ok: false, reason: `The template contains a link of its own (${link[0]}…): only the order's own link may go to a customer.` };
  return { ok: true };
}

/** The India-time clock reading customers see, e.g. "2:05 pm". */
export function formatExpiry(validUpto: number): string {
  return new Intl.DateTimeFormat('en-IN', { timeZone: 'Asia/Kolkata', hour: 'numeric', minute: '2-digit', hour12: true })
    .format(validUpto)
    .replace(/\s?(am|pm)$/i, (m) => ` ${m.trim().toLowerCase()}`);
}

/** Whole minutes left, rounded down (customers hurry rather than miss it), but never 0 while the link works. */
export function minutesLeft(validUpto: number, now: number): number {
  const left = validUpto - now;
  return left <= 0 ? 0 : Math.max(1, Math.floor(left / 60_000));
}

export interface MessageInput {
  template: string;
  name: string;
  /** The upi:// link. */
  link: string;
  /** Cashfree's hosted https page, when its answer had one. */
  pageLink?: string | null;
  validUpto: number | null;
  now: number;
  /** Sandbox links are marked as test links. */
  sandbox: boolean;
}

export function buildMessage({ template, name, link, pageLink, validUpto, now, sandbox }: MessageInput): string {
  const text = fillTemplate(template, {
    name,
    link,
    page_link: pageLink || link,
    expires_at: validUpto === null ? '' : formatExpiry(validUpto),
    minutes_left: validUpto === null ? '' : String(minutesLeft(validUpto, now)),
  });
  return sandbox ? TEST_LINK_PREFIX + text : text;
}

/** "m:ss" until `validUpto`, never negative. */
export function formatCountdown(validUpto: number, now: number): string {
  const total = Math.max(0, Math.floor((validUpto - now) / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
