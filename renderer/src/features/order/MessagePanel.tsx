import { useId } from 'react';
import { PLACEHOLDERS, validateTemplate } from '../../../../shared/templates.ts';

export interface TemplateChoice {
  names: string[];
  selected: string;
  text: string;
  select: (name: string) => void;
  edit: (text: string) => void;
  reset: () => void;
  edited: boolean;
}

/**
 * The chat message: a template to pick and adjust, and what it says filled in. A link that can no
 * longer be paid shows why instead of a message that would promise minutes left.
 */
export function MessagePanel({ choice, preview, dead }: { choice: TemplateChoice; preview: string; dead: string | null }) {
  const selectId = useId();
  const textId = useId();
  const check = validateTemplate(choice.text);
  return (
    <div className="message-panel">
      <div className="message-head">
        <label htmlFor={selectId}>Message template</label>
        <select id={selectId} value={choice.selected} onChange={(e) => choice.select(e.target.value)}>
          {choice.names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        {choice.edited && (
          <button type="button" className="link-button" onClick={choice.reset}>
            Reset template
          </button>
        )}
      </div>
      <details className="template-editor">
        <summary>Edit template</summary>
        <label htmlFor={textId} className="sr-only">
          Template text
        </label>
        <textarea id={textId} rows={4} value={choice.text} onChange={(e) => choice.edit(e.target.value)} aria-invalid={!check.ok || undefined} />
        <p className="hint">
          Placeholders: {PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}
          {!check.ok && <span className="warn"> · {check.reason}</span>}
        </p>
      </details>
      {dead ? (
        <p className="dead-link" role="note">
          <strong>This link can no longer be paid</strong>: {dead}
        </p>
      ) : (
        // Focusable: at narrow widths the preview scrolls, and a keyboard must reach all of it.
        <div className="message-preview" role="region" aria-label="Message preview" tabIndex={0}>
          {preview}
        </div>
      )}
    </div>
  );
}
