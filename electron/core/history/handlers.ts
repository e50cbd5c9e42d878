// The history feature's channels (shared/contract/history.ts) over the SQLite store.
import type { historyChannels } from '../../../shared/contract/history.ts';
import type { Impls } from '../handlers.ts';
import type { PlatformPorts } from '../desk/ports.ts';
import type { HistoryStore } from './store.ts';

export interface HistoryFeature {
  history: HistoryStore;
  retentionDays: () => number;
  /** The desktop's save dialog; absent in a browser, which downloads the CSV itself. */
  saveFile?: PlatformPorts['saveFile'];
}

export function historyHandlers({ history, retentionDays, saveFile }: HistoryFeature): Impls<keyof typeof historyChannels> {
  return {
    'history.search': (query) => history.search(query ?? {}),
    'history.info': () => ({ count: history.count(), protection: history.protection, retentionDays: retentionDays() }),
    'history.export': async ({ query, full }) => {
      // A BOM so spreadsheet programs read names in any script as UTF-8.
      let csv = '\ufeff';
      const rows = history.exportCsv(query ?? {}, { full: full ?? false }, (chunk) => (csv += chunk));
      if (!saveFile) return { rows, savedTo: null, csv };
      const savedTo = await saveFile(`rpd-history-${new Date().toISOString().slice(0, 10)}.csv`, csv);
      return { rows, savedTo, csv: null };
    },
    'history.deleteAll': () => ({ deleted: history.deleteAll() }),
  };
}
