import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeepLinkInArgv, parseDeepLink, validateCustomerName } from '../../electron/shell/deep-link/policy.ts';

describe('parseDeepLink', () => {
  it.each([
    ['rpd-desk://new?name=Ravi%20Kumar', 'Ravi Kumar'],
    ['rpd-desk://new/?name=+Ravi+Kumar+', 'Ravi Kumar'],
    ['RPD-DESK://NEW?name=Anne-Marie%20O%27Neil', "Anne-Marie O'Neil"],
    ['rpd-desk://new?name=%E0%A4%B0%E0%A4%B5%E0%A4%BF%20%E0%A4%95%E0%A5%81%E0%A4%AE%E0%A4%BE%E0%A4%B0', 'रवि कुमार'],
    ['rpd-desk://new?name=Dr.%20S.%20Iyer', 'Dr. S. Iyer'],
  ])('accepts %s', (link, name) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, action: { kind: 'new', name } });
  });

  it.each([
    'rpd-desk://new',
    'rpd-desk://new?name=',
    'rpd-desk://new?name=%20%20',
    'rpd-desk://new?name=a&name=b',
    'rpd-desk://new?name=Robert%3Cscript%3E',
    'rpd-desk://new?name=1234',
    'rpd-desk://new?name=Ravi%0AKumar',
    'rpd-desk://delete?name=Ravi',
    'rpd-desk://new/extra?name=Ravi',
    'rpd-desk://user@new?name=Ravi',
    'https://new?name=Ravi',
    'rpd-desk:',
    'nonsense',
    `rpd-desk://new?name=${'a'.repeat(101)}`,
    `rpd-desk://new?name=${'a'.repeat(3000)}`,
  ])('rejects %s', (link) => {
    expect(parseDeepLink(link).ok).toBe(false);
  });

  it('round-trips any valid name through an encoded link', () => {
    const letter = fc.constantFrom('a', 'Z', 'é', 'ß', 'र', 'க', 'ك', ' ', '.', "'", '-');
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 100 }), (chars) => {
        const name = chars.join('');
        const checked = validateCustomerName(name);
        const parsed = parseDeepLink(`rpd-desk://new?name=${encodeURIComponent(name)}`);
        if (checked.ok) expect(parsed).toEqual({ ok: true, action: { kind: 'new', name: checked.name } });
        else expect(parsed.ok).toBe(false);
      }),
    );
  });
});

describe('validateCustomerName', () => {
  it('counts characters, not UTF-16 units, for the 100 limit', () => {
    // 𝐀 is one letter but two UTF-16 units: 100 of them still fit.
    expect(validateCustomerName('𝐀'.repeat(100)).ok).toBe(true);
    expect(validateCustomerName('𝐀'.repeat(101)).ok).toBe(false);
    expect(validateCustomerName('é'.repeat(100))).toEqual({ ok: true, name: 'é'.repeat(100) });
    expect(validateCustomerName('é'.repeat(101)).ok).toBe(false);
    expect(validateCustomerName(" .-' ").ok).toBe(false);
  });
});

describe('findDeepLinkInArgv', () => {
  it('finds the link after Chromium switches and ignores other arguments', () => {
    expect(findDeepLinkInArgv(['C:\\RPD Desk\\RPD Desk.exe', '--allow-file-access-from-files', 'rpd-desk://new?name=Ravi'])).toBe(
      'rpd-desk://new?name=Ravi',
    );
    expect(findDeepLinkInArgv(['/usr/bin/rpd-desk', '--no-sandbox'])).toBeNull();
  });
});
