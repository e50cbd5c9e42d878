export function validateName(input: string): { ok: true; name: string } | { ok: false; reason: string } {
  const name = input.trim().replace(/\s+/g, ' ');
  if (!name) return { ok: false, reason: 'Enter the customer name.' };
  if (name.length > 100) return { ok: false, reason: 'The name is longer than 100 characters.' };
  const bad = [...name].find((c) => !/[\p{L}\p{M} .'-]/u.test(c));
  if (bad) return { ok: false, reason: `The name contains "${bad}", which UPI names do not use.` };
  return { ok: true, name };
}
