import { useState } from 'react';
import type { TemplateChoice } from '../features/order/MessagePanel.tsx';

/** Which message template is in use, with the agent's edits of this session on top of the saved ones. */
export function useTemplates(templates: Readonly<Record<string, string>>): TemplateChoice {
  const names = Object.keys(templates);
  const [selected, setSelected] = useState(names[0] ?? '');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const current = names.includes(selected) ? selected : (names[0] ?? '');
  const original = templates[current] ?? '{link}';
  return {
    names,
    selected: current,
    text: drafts[current] ?? original,
    edited: drafts[current] !== undefined && drafts[current] !== original,
    select: setSelected,
    edit: (text) => setDrafts((d) => ({ ...d, [current]: text })),
    reset: () =>
      setDrafts((d) => {
        const next = { ...d };
        delete next[current];
        return next;
      }),
  };
}
