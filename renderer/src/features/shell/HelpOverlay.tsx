import { useRef } from 'react';
import { MOD, formatAccelerator } from '../../lib/accelerator.ts';
import { trapTab } from '../../lib/focusTrap.ts';
import { useDialogFocus } from '../../lib/useDialogFocus.ts';

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: `${MOD}+N`, what: 'New order: clear the form and type a name' },
  { keys: 'Enter', what: 'Generate (in the name or note field)' },
  { keys: `${MOD}+Shift+S`, what: 'Show to customer' },
  { keys: `${MOD}+Shift+C`, what: 'Copy the message for the chat' },
  { keys: `${MOD}+Shift+L`, what: 'Copy the link (the page link when there is one)' },
  { keys: `${MOD}+Shift+R`, what: 'Copy the result for the ticket' },
  { keys: `${MOD}+F`, what: 'Search history' },
  { keys: 'Alt+↑ / Alt+↓', what: 'Previous / next order in the list' },
  { keys: '↑ / ↓', what: 'Move inside the session list (one Tab stop)' },
  { keys: 'Tab / Shift+Tab', what: 'Move between controls; Enter or Space presses a button' },
  { keys: 'Esc', what: 'Close the customer view or this help' },
  { keys: '? or F1', what: 'This list' },
];

export function HelpOverlay({ onClose, globalShortcut }: { onClose: () => void; globalShortcut: string | null }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useDialogFocus(closeButton);
  const all = globalShortcut ? [...SHORTCUTS, { keys: formatAccelerator(globalShortcut), what: 'From any app: bring RPD Desk forward' }] : SHORTCUTS;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onKeyDown={trapTab}>
      <div className="overlay-card">
        <h2>Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {all.map((s) => (
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
