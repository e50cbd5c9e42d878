// The chat messages an agent pastes to a customer, in English and Hindi. Stored in
// preferences.messageTemplates under these keys; the order view fills the placeholders.
import { DEFAULT_MESSAGE_TEMPLATES } from '../../../../shared/settings.ts';

export const PLACEHOLDERS = ['{name}', '{link}', '{expires_at}', '{minutes_left}'] as const;

export interface TemplateSlot {
  key: string;
  label: string;
  lang: 'en' | 'hi';
  fallback: string;
}

export const TEMPLATE_SLOTS: readonly TemplateSlot[] = [
  { key: 'link', label: 'Payment link message (English)', lang: 'en', fallback: DEFAULT_MESSAGE_TEMPLATES.link ?? '' },
  { key: 'qr', label: 'QR code message (English)', lang: 'en', fallback: DEFAULT_MESSAGE_TEMPLATES.qr ?? '' },
  {
    key: 'link_hi',
    label: 'Payment link message (Hindi)',
    lang: 'hi',
    fallback: 'नमस्ते {name}, जिस बैंक खाते की पुष्टि करनी है, उससे इस लिंक पर Rs 1 का भुगतान करें: {link}. Rs 1 वापस कर दिया जाएगा। लिंक {minutes_left} मिनट तक मान्य है।',
  },
  {
    key: 'qr_hi',
    label: 'QR code message (Hindi)',
    lang: 'hi',
    fallback: 'नमस्ते {name}, किसी भी UPI ऐप से QR कोड स्कैन करें और जिस बैंक खाते की पुष्टि करनी है, उससे Rs 1 का भुगतान करें। Rs 1 वापस कर दिया जाएगा।',
  },
];

/** Placeholders in a template that the app does not know, e.g. a typo like {nmae}. */
export function unknownPlaceholders(template: string): string[] {
  const found = template.match(/\{[^{}\s]*\}/g) ?? [];
  return [...new Set(found.filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p)))];
}
