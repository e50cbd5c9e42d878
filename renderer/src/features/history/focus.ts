// Ctrl/Cmd+F (or anything else in the app) asks the history view to focus its search box through
// one window event, so the view needs no reference from whoever owns the shortcut.
export const FOCUS_HISTORY_SEARCH_EVENT = 'rpd:focus-history-search';

export function focusHistorySearch(): void {
  window.dispatchEvent(new Event(FOCUS_HISTORY_SEARCH_EVENT));
}

/** Ctrl+F, or Cmd+F on a Mac, without other modifiers. */
export function isFindShortcut(e: KeyboardEvent): boolean {
  return e.key.toLowerCase() === 'f' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
}
