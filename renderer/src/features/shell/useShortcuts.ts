// The window's keyboard shortcuts, in one listener. Ctrl/Cmd+F belongs to the history view.
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  overlayOpen: boolean;
  closeOverlays: () => void;
  newOrder: () => void;
  help: () => void;
  present: () => void;
  copyMessage: () => void;
  copyLink: () => void;
  copyResult: () => void;
  step: (by: -1 | 1) => void;
}

const isTyping = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);

export function useShortcuts(handlers: ShortcutHandlers): void {
  // The latest handlers, read when a key comes: the listener is added once.
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      const h = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const modShift: Record<string, (() => void) | undefined> = { KeyS: h.present, KeyC: h.copyMessage, KeyL: h.copyLink, KeyR: h.copyResult };
      let run: (() => void) | undefined;
      if (e.key === 'Escape' && h.overlayOpen) run = h.closeOverlays;
      else if (mod && !e.shiftKey && !e.altKey && e.code === 'KeyN') run = h.newOrder;
      else if (mod && e.shiftKey && !e.altKey && !h.overlayOpen) run = modShift[e.code];
      else if (e.key === 'F1' || (e.key === '?' && !isTyping(e.target) && !mod)) run = h.help;
      else if (e.altKey && !mod && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) run = () => h.step(e.key === 'ArrowUp' ? -1 : 1);
      if (!run) return;
      e.preventDefault();
      run();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
