// The history feature's public surface for the rest of the renderer.
export { HistoryView } from './HistoryView.tsx';
export { focusHistorySearch, FOCUS_HISTORY_SEARCH_EVENT } from './focus.ts';
export type { HistoryApi } from './api.ts';
