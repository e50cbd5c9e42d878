// Chat messages built from editable templates. Pure: the renderer and tests call these directly.

/** Default templates by name; the settings preferences `messageTemplates` override them. */
export const DEFAULT_MESSAGE_TEMPLATES: Readonly<Record<string, string>> = {
  English:
    'Hello {name}, please pay Rs 1 from the bank account you want to verify, using this UPI link: {link}\n' +
    'The Rs 1 is refunded to you. The link works until {expires_at} ({minutes_left} minutes left).',
  Hindi:
    'नमस्ते {name}, जिस बैंक खाते को सत्यापित करना है, उससे इस UPI लिंक पर ₹1 का भुगतान करें: {link}\n' +
    '₹1 आपको वापस मिल जाएगा। लिंक {expires_at} तक मान्य है ({minutes_left} मिनट बाकी)।',
};

export const PLACEHOLDERS = ['name', 'link', 'expires_at', 'minutes_left'] as const;
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
  link: string;
  validUpto: number | null;
  now: number;
  /** Sandbox links are marked as test links. */
  sandbox: boolean;
}

export function buildMessage({ template, name, link, validUpto, now, sandbox }: MessageInput): string {
  const text = fillTemplate(template, {
    name,
    link,
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
