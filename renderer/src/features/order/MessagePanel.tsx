import { useId } from 'react';
import { unknownPlaceholders } from '../../../../shared/templates.ts';

export interface TemplateChoice {
  names: string[];
  selected: string;
  text: string;
  select: (name: string) => void;
  edit: (text: string) => void;
  reset: () => void;
  edited: boolean;
}

/** The chat message: a template to pick and adjust, and the button that copies it filled in. */
export function MessagePanel({ choice, preview, disabled, onCopy }: { choice: TemplateChoice; preview: string; disabled: boolean; onCopy: () => void }) {
  const selectId = useId();
  const textId = useId();
  const unknown = unknownPlaceholders(choice.text);
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
        <textarea id={textId} rows={4} value={choice.text} onChange={(e) => choice.edit(e.target.value)} />
        <p className="hint">
          Placeholders: {'{name}'} {'{link}'} {'{expires_at}'} {'{minutes_left}'}
          {unknown.length > 0 && <span className="warn"> · not known: {unknown.map((u) => `{${u}}`).join(' ')}</span>}
        </p>
      </details>
      <p className="message-preview" aria-label="Message preview">
        {preview}
      </p>
      <button type="button" className="primary" disabled={disabled} onClick={onCopy} aria-keyshortcuts="Control+Shift+C">
        Copy message
      </button>
    </div>
  );
}
