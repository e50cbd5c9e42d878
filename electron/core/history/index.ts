// The history module's public surface.
export { openHistory, maskAccount, type HistoryStore, type OpenHistoryOptions, type ExportOptions } from './store.ts';
export {
  loadOrCreateDataKey,
  keyFileDataKey,
  keyFileProtector,
  DATA_KEY_FILE,
  type KeyProtector,
  type KeyProtection,
  type DataKey,
} from './dataKey.ts';
export { historyError, historyErrorReason, isNoSuchOrder, noSuchOrder, HISTORY_ERROR_REASONS, type HistoryErrorReason } from './errors.ts';
export { csvCell, csvLine } from './csv.ts';
export { LATEST_VERSION } from './migrations.ts';
export type { HistoryPage, HistoryQuery, HistoryRow } from '../../../shared/history.ts';
