// The history view's own formats: calendar days from the date filters. Every word and time it
// shows comes from the one vocabulary (shared/words.ts) and the one clock (shared/ist.ts).

/** A calendar day in India (yyyy-mm-dd from <input type=date>) to its first millisecond. */
export function dayStart(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00+05:30`) : undefined;
}

/** Its last millisecond. */
export function dayEnd(day: string): number | undefined {
  const start = dayStart(day);
  return start === undefined ? undefined : start + 86_400_000 - 1;
}
