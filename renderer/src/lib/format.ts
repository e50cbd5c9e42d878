/** "25 Nov, 2:05 pm" in the agent's own time zone; the raw text when it is not a date. */
export function formatTime(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const t = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(t)) return String(value);
  return new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', hour12: true }).format(t);
}
