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
} from '../shared/templates.ts';

const LINK = 'upi://pay?pa=rpd.demo@simulator&pn=RPD%20Simulator&am=1.00&tr=CF1&cu=INR';
// 2026-11-25 14:05:00 in India (UTC+05:30)
const VALID_UPTO = Date.parse('2026-11-25T14:05:00+05:30');

describe('message templates', () => {
  it('fills every placeholder and leaves unknown braces as typed', () => {
    const text = fillTemplate('{name} {link} {expires_at} {minutes_left} {nope}', {
      name: 'Asha Kumari',
      link: LINK,
      expires_at: '2:05 pm',
      minutes_left: '7',
    });
    expect(text).toBe(`Asha Kumari ${LINK} 2:05 pm 7 {nope}`);
    expect(unknownPlaceholders('{name} {nope} {nope} {link}')).toEqual(['nope']);
  });

  it('has English and Hindi defaults that use the name and the link', () => {
    expect(Object.keys(DEFAULT_MESSAGE_TEMPLATES)).toEqual(['English', 'Hindi']);
    for (const template of Object.values(DEFAULT_MESSAGE_TEMPLATES)) {
      expect(template).toContain('{name}');
      expect(template).toContain('{link}');
      expect(unknownPlaceholders(template)).toEqual([]);
    }
    expect(DEFAULT_MESSAGE_TEMPLATES.Hindi).toMatch(/[\u0900-\u097F]/);
  });

  it('builds a message with the India time of expiry and the whole minutes left', () => {
    const now = VALID_UPTO - 7 * 60_000 - 10_000;
    const text = buildMessage({ template: 'Hi {name}: {link} until {expires_at}, {minutes_left} min', name: 'Ravi', link: LINK, validUpto: VALID_UPTO, now, sandbox: false });
    expect(text).toBe(`Hi Ravi: ${LINK} until 2:05 pm, 7 min`);
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
