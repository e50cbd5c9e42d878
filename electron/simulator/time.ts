// Cashfree reports times in India time (UTC+05:30), in two textual forms.

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;

function istParts(epochMs: number): { date: string; time: string } {
  const iso = new Date(Math.floor(epochMs / 1000) * 1000 + IST_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}

/** `YYYY-MM-DD HH:mm:ss` in India time with no zone, as in `valid_upto`. */
export function formatIstPlain(epochMs: number): string {
  const { date, time } = istParts(epochMs);
  return `${date} ${time}`;
}

/** ISO 8601 with the +05:30 offset, as in `added_on` and `processed_on`. */
export function formatIstIso(epochMs: number): string {
  const { date, time } = istParts(epochMs);
  return `${date}T${time}+05:30`;
}

/** ISO 8601 in UTC with whole seconds, the other form of `valid_upto` ("2024-02-13T13:01:44.000Z"). */
export function formatUtcIso(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString();
}
