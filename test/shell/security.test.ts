import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  PRODUCTION_CSP,
  cspForResponse,
  decidePermission,
  devCsp,
  isAllowedExternal,
  isAllowedNavigation,
  isTrustedSenderFrame,
  rendererLocation,
  withCsp,
} from '../../electron/shell/security/policy.ts';

describe('isAllowedNavigation', () => {
  it('allows pages of the app origin', () => {
    expect(isAllowedNavigation('app://rpd/index.html', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('app://rpd/history?x=1#top', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'app://rpd.evil/',
    'app://other/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://localhost:5174/',
    'http://localhost:5173@evil.example/',
    'app://user:pw@rpd/',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation(url, 'http://localhost:5173')).toBe(false);
  });
});

describe('isTrustedSenderFrame', () => {
  it('trusts only the main frame of a page of the app', () => {
    expect(isTrustedSenderFrame({ url: 'app://rpd/index.html', isMainFrame: true }, APP_ORIGIN)).toBe(true);
    expect(isTrustedSenderFrame({ url: 'http://localhost:5173/', isMainFrame: true }, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSenderFrame({ url: 'app://rpd/index.html', isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSenderFrame(null, APP_ORIGIN)).toBe(false);
    for (const url of ['app://rpd.evil/index.html', 'http://localhost:5173@evil.example/', 'https://evil.example/', 'about:blank', 'file:///etc/passwd', '']) {
      expect(isTrustedSenderFrame({ url, isMainFrame: true }, url.startsWith('http') ? 'http://localhost:5173' : APP_ORIGIN), url).toBe(false);
    }
  });
});

describe('isAllowedExternal', () => {
  it('allows https links to allow-listed hosts only', () => {
    expect(isAllowedExternal('https://docs.cashfree.com/docs/rpd')).toBe(true);
    expect(isAllowedExternal('https://DOCS.cashfree.com/x')).toBe(true);
    expect(isAllowedExternal('https://example.com/', ['example.com'])).toBe(true);
  });

  it.each([
    'http://docs.cashfree.com/',
    'https://docs.cashfree.com.evil.example/',
    'https://evil.example/?https://docs.cashfree.com',
    'https://user@docs.cashfree.com/',
    'https://docs.cashfree.com:8443/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'ms-msdt:/id',
    'upi://pay?pa=x@y',
    'javascript:alert(1)',
    'garbage',
  ])('denies %s', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});

describe('decidePermission', () => {
  const origins = [APP_ORIGIN];
  it('grants notifications to the app origin only', () => {
    expect(decidePermission('notifications', 'app://rpd/index.html', origins)).toBe(true);
    expect(decidePermission('notifications', 'https://evil.example/', origins)).toBe(false);
    expect(decidePermission('notifications', '', origins)).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'display-capture', 'unknown'])(
    'denies %s even to the app',
    (permission) => {
      expect(decidePermission(permission, 'app://rpd/index.html', origins)).toBe(false);
    },
  );
});

describe('CSP', () => {
  it('ships the exact production policy for app://', () => {
    expect(cspForResponse('app://rpd/index.html', null)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(PRODUCTION_CSP).not.toMatch(/unsafe/);
  });

  it('gives the dev server its own policy and nothing to other origins', () => {
    const dev = cspForResponse('http://localhost:5173/src/main.tsx', 'http://localhost:5173');
    expect(dev).toBe(devCsp('http://localhost:5173'));
    expect(dev).toContain('ws://localhost:5173');
    expect(dev).not.toContain('unsafe-eval');
    expect(cspForResponse('http://localhost:5173/', null)).toBeNull();
    expect(cspForResponse('https://evil.example/', 'http://localhost:5173')).toBeNull();
  });

  it('replaces any CSP the server sent, whatever its case, and keeps other headers', () => {
    const headers = withCsp({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' }, PRODUCTION_CSP);
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [PRODUCTION_CSP] });
  });
});

describe('rendererLocation', () => {
  it('loads app://rpd/index.html when packaged, whatever the environment says', () => {
    expect(rendererLocation(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual({
      kind: 'app',
      url: 'app://rpd/index.html',
      origin: 'app://rpd',
    });
  });

  it('uses the loopback dev server in unpackaged runs only', () => {
    expect(rendererLocation(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toEqual({
      kind: 'dev',
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    });
    expect(rendererLocation(false, {}).kind).toBe('app');
    expect(rendererLocation(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' }).kind).toBe('app');
    expect(rendererLocation(false, { ELECTRON_RENDERER_URL: 'http://10.0.0.5:5173/' }).kind).toBe('app');
  });
});
