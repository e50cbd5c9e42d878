// The chat messages an agent pastes to a customer, in English and Hindi: the keys of
// preferences.messageTemplates that the order view's "Copy message" uses (shared/templates.ts).
import { DEFAULT_MESSAGE_TEMPLATES, PLACEHOLDERS as NAMES } from '../../../../shared/templates.ts';

export const PLACEHOLDERS = NAMES.map((name) => `{${name}}`);

export interface TemplateSlot {
  key: string;
  label: string;
  lang: 'en' | 'hi';
  fallback: string;
}

export const TEMPLATE_SLOTS: readonly TemplateSlot[] = [
  { key: 'English', label: 'Message (English)', lang: 'en', fallback: DEFAULT_MESSAGE_TEMPLATES.English ?? '' },
  { key: 'Hindi', label: 'Message (Hindi)', lang: 'hi', fallback: DEFAULT_MESSAGE_TEMPLATES.Hindi ?? '' },
];
