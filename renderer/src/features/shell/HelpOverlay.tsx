import { useRef } from 'react';
import { useDialogFocus } from '../../lib/useDialogFocus.ts';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: `${mod}+N`, what: 'New order: clear the form and type a name' },
  { keys: 'Enter', what: 'Generate (in the name or note field)' },
  { keys: `${mod}+Shift+C`, what: 'Copy the message for the chat' },
  { keys: `${mod}+F`, what: 'Search history' },
  { keys: 'Alt+↑ / Alt+↓', what: 'Previous / next order in the list' },
  { keys: 'Tab / Shift+Tab', what: 'Move between controls; Enter or Space presses a button' },
  { keys: 'Esc', what: 'Close the customer view or this help' },
  { keys: '? or F1', what: 'This list' },
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useDialogFocus(closeButton);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts">
      <div className="overlay-card">
        <h2>Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map((s) => (
            <div key={s.keys}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="secondary" ref={closeButton} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
