// A small stand-in for main behind the settings channels: keeps profiles in memory, answers like
// the real handlers (write-only secrets, weak-consent refusal, Production confirmation) and pushes
// settings.changed after each change. Every call is recorded so tests can check what was sent.
import type { BrowserIntegration } from '../../shared/browser-bridge.ts';
import type { ProbeOutcome, RpdApi } from '../../shared/contract.ts';
import type { ProfileKind } from '../../shared/domain.ts';
import type { AppError, ErrorCode, Result } from '../../shared/result.ts';
import type { Keychain, PublicProfile, PublicSettings } from '../../shared/settings.ts';
import { DEFAULT_MESSAGE_TEMPLATES } from '../../shared/settings.ts';

export const CONFIRM_MESSAGE = 'Production uses live keys: every order is a real Rs 1 collection. Switch to Production?';

const profile = (kind: ProfileKind, keychain: Keychain): PublicProfile => ({
  kind,
  configured: kind === 'demo',
  clientIdHint: null,
  hasPublicKey: false,
  keychain,
  weakAllowed: false,
  baseUrl: kind === 'demo' ? null : `https://${kind}.cashfree.example/verification`,
  customBaseUrl: null,
});

type Call = { channel: string; input: unknown };
type Listener = (payload: PublicSettings) => void;

export class FakeMain {
  calls: Call[] = [];
  listeners = new Set<Listener>();
  /** The keys "stored in main": never sent back. */
  secrets: Partial<Record<ProfileKind, { clientId: string; clientSecret: string; publicKeyPem: string | null }>> = {};
  /** The answer the next Test connection gives; a promise lets a test watch the progress state. */
  probe: ProbeOutcome | Promise<ProbeOutcome> = { ok: true, code: 'ok', message: 'Connected to Sandbox: the keys work.' };
  settings: PublicSettings;

  constructor(keychain: Keychain = 'none') {
    this.settings = {
      activeProfile: 'demo',
      productionConfirmed: false,
      keychain,
      profiles: { demo: profile('demo', keychain), sandbox: profile('sandbox', keychain), production: profile('production', keychain) },
      preferences: {
        messageTemplates: { ...DEFAULT_MESSAGE_TEMPLATES },
        clipboardClearSeconds: 60,
        retentionDays: 180,
        theme: 'system',
        autoUpdate: true,
        globalShortcut: 'CommandOrControl+Alt+R',
      },
    };
  }

  emit(next: PublicSettings = this.settings): void {
    this.settings = structuredClone(next);
    for (const l of this.listeners) l(structuredClone(this.settings));
  }

  browsers: BrowserIntegration = {
    allowed: false,
    browsers: [
      { browser: 'chrome', label: 'Google Chrome', on: false },
      { browser: 'chromium', label: 'Chromium', on: false },
      { browser: 'edge', label: 'Microsoft Edge', on: false },
      { browser: 'brave', label: 'Brave', on: false },
    ],
  };

  callsTo(channel: string): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input);
  }

  api(): RpdApi {
    const ok = <T>(data: T): Result<T> => ({ ok: true, data: structuredClone(data) });
    const fail = (code: ErrorCode, message: string, details?: AppError['details']): Result<never> => ({
      ok: false,
      error: { code, message, retryable: false, ...(details ? { details } : {}) },
    });
    const record = (channel: string, input: unknown) => this.calls.push({ channel, input: structuredClone(input) });
    const handlers = {
      'settings.get': async () => ok(this.settings),
      'settings.setProfile': async (input: { kind: ProfileKind; confirmProduction?: boolean }) => {
        record('settings.setProfile', input);
        if (input.kind === 'production' && !this.settings.productionConfirmed) {
          if (!input.confirmProduction) return ok({ status: 'needs_confirmation' as const, profile: 'production' as const, message: CONFIRM_MESSAGE });
          this.settings.productionConfirmed = true;
        }
        this.settings.activeProfile = input.kind;
        this.emit();
        return ok({ status: 'switched' as const, activeProfile: input.kind });
      },
      'settings.saveCredentials': async (input: { kind: ProfileKind; clientId?: string; clientSecret?: string; publicKeyPem?: string | null; allowWeak?: boolean }) => {
        record('settings.saveCredentials', input);
        const { kind } = input;
        if (kind === 'demo') return fail('invalid_input', 'Demo runs on the built-in simulator and needs no keys.');
        if (input.clientSecret?.startsWith('cfsk_ma_prod_') && kind === 'sandbox') {
          return fail('wrong_environment', 'This is a Production client secret, not a Sandbox (test) one.');
        }
        const p = this.settings.profiles[kind];
        const weakAllowed = input.allowWeak ?? p.weakAllowed;
        if (this.settings.keychain !== 'keychain' && !weakAllowed) {
          return fail('unavailable', 'No system keychain is available here. Choose "Store with weak protection on this machine" to save them anyway.', {
            needsWeakConsent: true,
            keychain: this.settings.keychain,
          });
        }
        const before = this.secrets[kind] ?? { clientId: '', clientSecret: '', publicKeyPem: null };
        const next = {
          clientId: input.clientId ?? before.clientId,
          clientSecret: input.clientSecret ?? before.clientSecret,
          publicKeyPem: input.publicKeyPem === undefined ? before.publicKeyPem : input.publicKeyPem,
        };
        this.secrets[kind] = next;
        this.settings.profiles[kind] = {
          ...p,
          weakAllowed,
          configured: next.clientId !== '' && next.clientSecret !== '',
          clientIdHint: next.clientId ? `…${next.clientId.slice(-4)}` : null,
          hasPublicKey: next.publicKeyPem !== null,
        };
        this.emit();
        return ok(this.settings.profiles[kind]);
      },
      'settings.deleteCredentials': async (input: { kind: 'sandbox' | 'production' }) => {
        record('settings.deleteCredentials', input);
        delete this.secrets[input.kind];
        const p = this.settings.profiles[input.kind];
        this.settings.profiles[input.kind] = { ...p, configured: false, clientIdHint: null, hasPublicKey: false };
        this.emit();
        return ok(this.settings.profiles[input.kind]);
      },
      'settings.setBaseUrl': async (input: { kind: 'sandbox' | 'production'; url: string | null }) => {
        record('settings.setBaseUrl', input);
        if (input.url !== null && !/^https:\/\/|^http:\/\/127\.0\.0\.1/.test(input.url)) {
          return fail('invalid_input', 'The address must start with https:// (http:// only for this computer) and carry no user name, query or #part.');
        }
        this.settings.profiles[input.kind].customBaseUrl = input.url;
        this.emit();
        return ok(this.settings.profiles[input.kind]);
      },
      'settings.updatePreferences': async (patch: Partial<PublicSettings['preferences']>) => {
        record('settings.updatePreferences', patch);
        if (patch.retentionDays !== undefined && (patch.retentionDays < 1 || patch.retentionDays > 3650)) {
          return fail('invalid_input', 'Invalid input for settings.updatePreferences: retentionDays: Too big: expected number to be <=3650.');
        }
        this.settings.preferences = { ...this.settings.preferences, ...patch };
        this.emit();
        return ok(this.settings.preferences);
      },
      'settings.testConnection': async (input: { kind: ProfileKind }) => {
        record('settings.testConnection', input);
        return ok(await this.probe);
      },
      'settings.export': async () => ok({ json: JSON.stringify({ format: 'rpd-desk-settings', preferences: this.settings.preferences }) }),
      'browser.integration': async () => ok(this.browsers),
      'browser.setIntegration': async (input: { browser: string; on: boolean }) => {
        record('browser.setIntegration', input);
        this.browsers = { allowed: this.browsers.allowed || input.on, browsers: this.browsers.browsers.map((b) => (b.browser === input.browser ? { ...b, on: input.on } : b)) };
        return ok(this.browsers);
      },
    };
    const on = (event: string, listener: Listener) => {
      if (event !== 'settings.changed') return () => {};
      this.listeners.add(listener);
      return () => void this.listeners.delete(listener);
    };
    return { ...handlers, on } as unknown as RpdApi;
  }
}
