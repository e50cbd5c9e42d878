import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_MESSAGE_TEMPLATES,
  PLACEHOLDERS,
  TEST_LINK_PREFIX,
  buildMessage,
  fillTemplate,
  formatCountdown,
  formatExpiry,
  minutesLeft,
  unknownPlaceholders,
  validateTemplate,
} from '../shared/templates.ts';

const LINK = 'upi://pay?pa=rpd.demo@simulator&pn=RPD%20Simulator&am=1.00&tr=CF1&cu=INR';
const PAGE = 'https://verification-test.cashfree.com/rpd?shortCode=abc123';
// 2026-11-25 14:05:00 in India (UTC+05:30)
const VALID_UPTO = Date.parse('2026-11-25T14:05:00+05:30');

describe('message templates', () => {
  it('fills every placeholder and leaves unknown braces as typed', () => {
    const text = fillTemplate('{name} {link} {expires_at} {minutes_left} {nope}', {
      name: 'Asha Kumari',
      link: LINK,
      page_link: PAGE,
      expires_at: '2:05 pm',
      minutes_left: '7',
    });
    expect(text).toBe(`Asha Kumari ${LINK} 2:05 pm 7 {nope}`);
    expect(unknownPlaceholders('{name} {nope} {nope} {link}')).toEqual(['nope']);
  });

  it('has English and Hindi defaults that use the name and the tappable page link', () => {
    expect(Object.keys(DEFAULT_MESSAGE_TEMPLATES)).toEqual(['English', 'Hindi']);
    for (const template of Object.values(DEFAULT_MESSAGE_TEMPLATES)) {
      expect(template).toContain('{name}');
      expect(template).toContain('{page_link}');
      expect(unknownPlaceholders(template)).toEqual([]);
      expect(validateTemplate(template)).toEqual({ ok: true });
    }
    expect(DEFAULT_MESSAGE_TEMPLATES.Hindi).toMatch(/[\u0900-\u097F]/);
  });

  it('builds a message with the India time of expiry and the whole minutes left', () => {
    const now = VALID_UPTO - 7 * 60_000 - 10_000;
    const text = buildMessage({ template: 'Hi {name}: {link} until {expires_at}, {minutes_left} min', name: 'Ravi', link: LINK, validUpto: VALID_UPTO, now, sandbox: false });
    expect(text).toBe(`Hi Ravi: ${LINK} until 2:05 pm, 7 min`);
  });

  it('fills {page_link} with the hosted page, or the UPI link when Cashfree sent none', () => {
    const base = { template: DEFAULT_MESSAGE_TEMPLATES.English!, name: 'Ravi', link: LINK, validUpto: VALID_UPTO, now: VALID_UPTO - 60_000, sandbox: false };
    const withPage = buildMessage({ ...base, pageLink: PAGE });
    expect(withPage).toContain(PAGE);
    expect(withPage).not.toContain('upi://');
    expect(buildMessage({ ...base, pageLink: null })).toContain(LINK);
  });

  it('refuses at save a template without the link, with an unknown placeholder, a payment address or a link of its own', () => {
    expect(validateTemplate('Hi {name}, pay here: {link}')).toEqual({ ok: true });
    expect(validateTemplate('Hi {name}, pay here: {page_link}')).toEqual({ ok: true });
    const refused = (t: string): string => {
      const r = validateTemplate(t);
      if (r.ok) throw new Error(`accepted: ${t}`);
      return r.reason;
    };
    expect(refused('Hi {name}, pay soon')).toMatch(/needs \{page_link\} or \{link\}/);
    expect(refused('Hi {nmae}: {link}')).toMatch(/Unknown placeholder \{nmae\}/);
    expect(refused('Pay {link} or upi://pay?pa=someone@upi')).toMatch(/payment address \(pay\?pa=someone@upi\)|payment address/);
    expect(refused('Pay to someone@okaxis: {link}')).toMatch(/payment address \(someone@okaxis\)/);
    expect(refused('Pay at https://evil.example/pay {link}')).toMatch(/link of its own/);
    expect(refused('Pay at www.evil.example {link}')).toMatch(/link of its own/);
  });

  it('marks Sandbox messages as test links, and only those', () => {
    const base = { template: DEFAULT_MESSAGE_TEMPLATES.English!, name: 'Ravi', link: LINK, validUpto: VALID_UPTO, now: VALID_UPTO - 60_000 };
    expect(buildMessage({ ...base, sandbox: true }).startsWith(TEST_LINK_PREFIX)).toBe(true);
    expect(buildMessage({ ...base, sandbox: false })).not.toContain('TEST LINK');
  });

  it('never leaves a known placeholder in the output', () => {
    const text = fc.string().filter((t) => !t.includes('{') && !t.includes('}'));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PLACEHOLDERS.map((p) => `{${p}}`)), text), { maxLength: 12 }), (pieces) => {
        const out = buildMessage({ template: pieces.join(''), name: 'N', link: 'L', validUpto: VALID_UPTO, now: VALID_UPTO, sandbox: false });
        expect(out).not.toMatch(/[{}]/);
      }),
    );
  });
});

describe('time left', () => {
  it('counts down in m:ss and stops at 0:00', () => {
    expect(formatCountdown(VALID_UPTO, VALID_UPTO - 10 * 60_000)).toBe('10:00');
    // A link answered a moment late never shows more than it has.
    expect(formatCountdown(VALID_UPTO, VALID_UPTO - 10 * 60_000 - 400)).toBe('10:00');
    expect(formatCountdown(VALID_UPTO, VALID_UPTO - 61_000)).toBe('1:01');
    expect(formatCountdown(VALID_UPTO, VALID_UPTO - 9_999)).toBe('0:09');
    expect(formatCountdown(VALID_UPTO, VALID_UPTO)).toBe('0:00');
    expect(formatCountdown(VALID_UPTO, VALID_UPTO + 5_000)).toBe('0:00');
  });

  it('rounds minutes down, and says 0 only once the link is dead', () => {
    expect(minutesLeft(VALID_UPTO, VALID_UPTO - 10 * 60_000 - 500)).toBe(10);
    expect(minutesLeft(VALID_UPTO, VALID_UPTO - 9 * 60_000 - 59_000)).toBe(9);
    expect(minutesLeft(VALID_UPTO, VALID_UPTO - 1)).toBe(1);
    expect(minutesLeft(VALID_UPTO, VALID_UPTO)).toBe(0);
    expect(minutesLeft(VALID_UPTO, VALID_UPTO + 1)).toBe(0);
  });

  it('says the expiry in India time whatever the machine zone', () => {
    expect(formatExpiry(VALID_UPTO)).toBe('2:05 pm');
    expect(formatExpiry(Date.parse('2026-11-25T23:59:00+05:30'))).toBe('11:59 pm');
  });
});
