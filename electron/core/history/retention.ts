// Retention: orders older than the agent's chosen number of days are deleted at start and daily.
import type { HistoryStore } from './store.ts';

/** Starts retention; the returned function stops it. */
export function startRetention(history: HistoryStore, retentionDays: () => number): () => void {
  // Deleted rows linger in the file's free pages until compacted: retention must really remove them.
  const apply = (): void => {
    if (history.deleteOlderThan(retentionDays()) > 0) history.compact();
  };
  apply();
  const timer = setInterval(apply, 24 * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
