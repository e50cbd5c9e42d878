// Placeholder until the full generator lands: time-sortable, <= 50 chars, [A-Za-z0-9._-].
let counter = 0;
export function newVerificationId(now = Date.now()): string {
  counter = (counter + 1) % 1296;
  const rand = Math.random().toString(36).slice(2, 8).padEnd(6, '0');
  return `rpd_${now.toString(36).padStart(9, '0')}_${counter.toString(36).padStart(2, '0')}${rand}`;
}
