// Places other features plug into: the history view registers its search field here, so the
// Ctrl/Cmd+F shortcut works as soon as that view exists, and does nothing before.
let focusHistorySearchImpl: (() => void) | null = null;

export function registerFocusHistorySearch(fn: (() => void) | null): void {
  focusHistorySearchImpl = fn;
}

/** True when a history search field took the focus. */
export function focusHistorySearch(): boolean {
  if (!focusHistorySearchImpl) return false;
  focusHistorySearchImpl();
  return true;
}
