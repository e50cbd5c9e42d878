// One clock for every time the app shows or writes: India Standard Time (UTC+05:30, no daylight
// saving), because the desks, their customers and Cashfree's own times are in India whatever the
// agent's computer says. Pure: no Node, no DOM.

const IST_OFFSET_MS = 330 * 60_000;
const ZONE = 'Asia/Kolkata';

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const short = new Intl.DateTimeFormat('en-IN', { timeZone: ZONE, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
const shortYear = new Intl.DateTimeFormat('en-IN', { timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const full = new Intl.DateTimeFormat('en-IN', { timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** "14:03:09 IST": the "checked" time of a followed order. */
export function istClock(ms: number): string {
  return `${clock.format(ms)} IST`;
}

/** "25 Nov, 14:03 IST" this year, "25 Nov 2025, 14:03 IST" before: history rows, the order card. */
export function istShort(ms: number, now: number = Date.now()): string {
  const year = (t: number): number => new Date(t + IST_OFFSET_MS).getUTCFullYear();
  return `${(year(ms) === year(now) ? short : shortYear).format(ms)} IST`;
}

/** "25 Nov 2025, 14:03:09 IST": details and the ticket text. */
export function istFull(ms: number): string {
  return `${full.format(ms)} IST`;
}

/** "2025-11-25T14:03:09+05:30": the CSV and other files. */
export function istIso(ms: number): string {
  return `${new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19)}+05:30`;
}

/**
 * Cashfree's times come as text: "2026-01-15 09:31:02" (India time, no zone) or ISO 8601 with a
 * zone. The instant, or null when the text is not a time (Cashfree's own examples hold a broken one).
 */
export function parseBankTime(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const withZone = /(?:Z|[+-]\d\d:?\d\d)$/i.test(t);
  const iso = t.includes('T') ? t : t.replace(' ', 'T');
  const ms = Date.parse(withZone ? iso : `${iso}+05:30`);
  return Number.isNaN(ms) ? null : ms;
}

/** A bank time in IST; "unknown" when Cashfree sent none or one that is not a time. */
export function bankTimeIst(text: string): string {
  const ms = parseBankTime(text);
  return ms === null ? 'unknown' : istFull(ms);
}
