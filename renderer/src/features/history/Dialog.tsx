// A small modal dialog: labelled, focus moves in on open and back on close, Escape cancels,
// Tab stays inside.
import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { firstFocusable, trapTab } from '../../lib/focusTrap.ts';

export function Dialog({ title, onCancel, children, initialFocus }: { title: string; onCancel: () => void; children: ReactNode; initialFocus?: string }) {
  const titleId = useId();
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The safe choice first (Export, Cancel), never a checkbox that widens what leaves the app.
    const preferred = initialFocus ? boxRef.current?.querySelector<HTMLElement>(initialFocus) : null;
    (preferred ?? firstFocusable(boxRef.current))?.focus();
    return () => before?.focus();
    // Mounted once per opening; the selector is fixed for that time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    } else trapTab(e);
  }

  return (
    <div className="history-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div ref={boxRef} className="history-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h3 id={titleId}>{title}</h3>
        {children}
      </div>
    </div>
  );
}
