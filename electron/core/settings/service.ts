// Profiles, preferences and the merchant's keys. Secrets are write-only from the outside: they go in
// through saveCredentials, come out only through getCredentials (main process, for the Cashfree
// client) and are kept on disk only as ciphertext from the injected SecretCipher. A refusal is
// thrown as the core's one error (CoreError).
import { PROFILE_WORDS } from '../../../shared/words.ts';
import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { ProfileKind } from '../../../shared/domain.ts';
import { keyProblem } from '../../../shared/keys.ts';
import { coreError } from '../error.ts';
import type { SecretCipher } from './cipher.ts';
import { migrateSettings } from './migrations.ts';
import { checkEnvironmentMismatch } from './probe.ts';
import { CASHFREE_BASE_URLS, clientIdHint, effectiveBaseUrl, isConfigured, needsCredentials } from './profiles.ts';
import type { KeyedProfileKind } from './profiles.ts';
import {
  CustomBaseUrl,
  EXPORT_FORMAT,
  ExportedSettings,
  PreferencesPatch,
  defaultSettings,
  emptyProfile,
} from './schema.ts';
import type {
  ActiveProfileAnswer,
  ImportChange,
  ImportPreview,
  Keychain,
  Preferences,
  PublicProfile,
  PublicSettings,
  SettingsDoc,
  StoredProfile,
  StoredSecrets,
} from './schema.ts';
import { moveCorruptFileAside } from './store-file.ts';
import type { SettingsStore } from './store-file.ts';

export interface SettingsServiceOptions {
  store: SettingsStore;
  cipher: SecretCipher;
  /** Notices from opening the store (a damaged file moved aside); shown to the user once. */
  notices?: string[];
  now?: () => Date;
}

export interface SaveCredentialsInput {
  /** undefined keeps the stored value. */
  clientId?: string;
  clientSecret?: string;
  /** PEM text of Cashfree's RSA public key; undefined keeps, null or '' removes. */
  publicKeyPem?: string | null;
  /** "Store with weak protection on this machine": needed once per profile when no OS keychain protects secrets. */
  allowWeak?: boolean;
}

/** What the Cashfree client needs; main process only, never sent to the renderer. */
export interface Credentials {
  clientId: string;
  clientSecret: string;
  publicKeyPem?: string;
  baseUrl: string;
}

export const PRODUCTION_CONFIRMATION_MESSAGE =
  'Production uses the merchant\'s live Cashfree keys: every order is a real Rs 1 collection from a real customer. Switch to Production?';

const MAX_IMPORT_CHARS = 1_000_000;

/** Surrounding whitespace of a paste goes; inside, the client's own header rule (shared/keys.ts) decides. */
const keyInput = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `The ${what} is too long.`)
    .superRefine((value, ctx) => {
      const problem = keyProblem(what, value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
const ClientIdInput = keyInput('client id', 200);
const ClientSecretInput = keyInput('client secret', 500);
const PublicKeyInput = z
  .string()
  .trim()
  .max(20_000)
  .refine((pem) => {
    try {
      return createPublicKey(pem).asymmetricKeyType === 'rsa';
    } catch {
      return false;
    }
  }, 'The public key file is not an RSA public key in PEM format (it starts with -----BEGIN PUBLIC KEY-----).');

/** Zod messages here are our own sentences and never quote the input, so they are safe to show. */
const firstMessage = (error: z.ZodError): string => error.issues[0]?.message ?? 'Invalid input.';
const paths = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => issue.path.join('.') || '(root)')
    .join(', ');

const weakRefusal = (keychain: Keychain, kind: ProfileKind): string =>
  keychain === 'weak'
    ? `This computer has no password keyring the app can use (Linux "basic_text"), so the ${PROFILE_WORDS[kind]} keys could only be stored with weak protection that anyone with access to your files can undo. Choose "Store with weak protection on this machine" to save them anyway.`
    : `No system keychain is available here, so the ${PROFILE_WORDS[kind]} keys could only be stored obfuscated in a file beside the settings. Choose "Store with weak protection on this machine" to save them anyway.`;

/** The one check a preference change passes, whether typed in Settings or imported from a file. */
function preferencesProblem(patch: unknown): { ok: true; data: PreferencesPatch } | { ok: false; message: string } {
  const parsed = PreferencesPatch.safeParse(patch);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `Invalid preferences: ${paths(parsed.error)}${issue ? ` (${issue.message})` : ''}.` };
}

function checkPreferences(patch: unknown): PreferencesPatch {
  const checked = preferencesProblem(patch);
  if (!checked.ok) throw coreError('invalid_input', checked.message);
  return checked.data;
}

const ADDRESS_PREFIX = 'address.';
const TEMPLATE_PREFIX = 'template.';
const PREFERENCE_PREFIX = 'preference.';

/** The words of the Settings fields, so the agent recognises each change. */
const PREFERENCE_LABELS: Record<keyof PreferencesPatch, string> = {
  messageTemplates: 'Message templates',
  clipboardClearSeconds: 'Clear clipboard after (seconds)',
  retentionDays: 'Keep history for (days)',
  theme: 'Theme',
  autoUpdate: 'Install updates automatically',
  globalShortcut: 'Global shortcut',
};

const shownPreference = (value: unknown): string => (typeof value === 'string' ? value || '(none)' : typeof value === 'boolean' ? (value ? 'on' : 'off') : JSON.stringify(value) ?? '(none)');

function preferenceWarning(field: keyof PreferencesPatch, to: unknown, from: unknown): string | null {
  if (field === 'clipboardClearSeconds' && to === 0) return 'Copied account details would stay on the clipboard until something else is copied.';
  if (field === 'autoUpdate' && to === false) return 'The app would no longer install security fixes by itself.';
  if (field === 'retentionDays' && typeof to === 'number' && typeof from === 'number' && to < from) return `History older than ${to} days would be deleted.`;
  return null;
}

/**
 * An export file: strict about its shape (a file carrying a key, or any field an export never
 * has, is refused whole), loose about preference values, which are checked one change at a time.
 */
const ImportFile = ExportedSettings.extend({
  preferences: z
    .object(Object.fromEntries(Object.keys(PreferencesPatch.shape).map((field) => [field, z.unknown()])) as Record<keyof PreferencesPatch, z.ZodUnknown>)
    .partial()
    .strict()
    .extend({ messageTemplates: z.record(z.string().max(200), z.string().max(20_000)).optional() }),
});
type ImportFile = z.infer<typeof ImportFile>;

function parseImportFile(input: unknown): ImportFile {
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_CHARS) throw coreError('invalid_input', 'The settings file is too large.');
    try {
      raw = JSON.parse(input);
    } catch {
      throw coreError('invalid_input', 'The settings file is not valid JSON.');
    }
  }
  const parsed = ImportFile.safeParse(raw);
  if (!parsed.success) {
    throw coreError('invalid_input', `This is not an RPD Desk settings export, or it carries fields it must not (${paths(parsed.error)}).`);
  }
  return parsed.data;
}

type PlainSecrets = { clientId: string | null; clientSecret: string | null; publicKeyPem: string | null; shouldReEncrypt: boolean };

export class SettingsService {
  readonly #store: SettingsStore;
  readonly #cipher: SecretCipher;
  readonly #now: () => Date;
  readonly #notices: string[];

  constructor(options: SettingsServiceOptions) {
    this.#store = options.store;
    this.#cipher = options.cipher;
    this.#now = options.now ?? (() => new Date());
    this.#notices = [...(options.notices ?? [])];
    // Migrate (and write back) once at start, so the file on disk is current from here on.
    this.#read();
  }

  /** Protection this machine offers for new secrets. */
  get keychain(): Keychain {
    return this.#cipher.keychain;
  }

  /** Things the user must be told (a damaged settings file moved aside); kept until taken. */
  get notices(): string[] {
    return [...this.#notices];
  }

  takeNotices(): string[] {
    return this.#notices.splice(0);
  }

  getPublicSettings(): PublicSettings {
    const doc = this.#read();
    return {
      activeProfile: doc.activeProfile,
      productionConfirmed: doc.productionConfirmed,
      keychain: this.#cipher.keychain,
      profiles: {
        demo: this.#publicProfile('demo', doc.profiles.demo),
        sandbox: this.#publicProfile('sandbox', doc.profiles.sandbox),
        production: this.#publicProfile('production', doc.profiles.production),
      },
      preferences: doc.preferences,
    };
  }

  getPreferences(): Preferences {
    return this.#read().preferences;
  }

  setActiveProfile(kind: ProfileKind, options: { confirmProduction?: boolean } = {}): ActiveProfileAnswer {
    const parsed = ProfileKind.safeParse(kind);
    if (!parsed.success) throw coreError('invalid_input', 'Unknown profile.');
    const doc = this.#read();
    if (parsed.data === 'production' && !doc.productionConfirmed) {
      if (options.confirmProduction !== true) {
        return { status: 'needs_confirmation', profile: 'production', message: PRODUCTION_CONFIRMATION_MESSAGE };
      }
      doc.productionConfirmed = true;
    }
    doc.activeProfile = parsed.data;
    this.#write(doc);
    return { status: 'switched', activeProfile: parsed.data };
  }

  async saveCredentials(kind: ProfileKind, input: SaveCredentialsInput): Promise<PublicProfile> {
    const profileKind = this.#keyedKind(kind);

    const clientId = input.clientId === undefined ? undefined : ClientIdInput.safeParse(input.clientId);
    if (clientId && !clientId.success) throw coreError('invalid_input', firstMessage(clientId.error));
    const clientSecret = input.clientSecret === undefined ? undefined : ClientSecretInput.safeParse(input.clientSecret);
    if (clientSecret && !clientSecret.success) throw coreError('invalid_input', firstMessage(clientSecret.error));
    const removeKey = input.publicKeyPem === null || (typeof input.publicKeyPem === 'string' && input.publicKeyPem.trim() === '');
    const publicKey = input.publicKeyPem == null || removeKey ? undefined : PublicKeyInput.safeParse(input.publicKeyPem);
    if (publicKey && !publicKey.success) throw coreError('invalid_input', firstMessage(publicKey.error));

    const mismatch = checkEnvironmentMismatch(profileKind, { clientId: clientId?.data, clientSecret: clientSecret?.data });
    if (mismatch) throw coreError('wrong_environment', mismatch);

    const before = this.#read().profiles[profileKind];
    const weakAllowed = input.allowWeak ?? before.weakAllowed;
    const keychain = this.#cipher.keychain;
    if (keychain !== 'keychain' && !weakAllowed) {
      // An explicit "no" withdraws an earlier choice for this profile.
      if (input.allowWeak === false && before.weakAllowed) {
        const doc = this.#read();
        doc.profiles[profileKind].weakAllowed = false;
        this.#write(doc);
      }
      throw coreError('unavailable', weakRefusal(keychain, profileKind), { details: { needsWeakConsent: true, keychain } });
    }

    // Everything is written again with the current cipher, kept fields too, so one profile never
    // mixes protections or ciphers.
    // Only touch the keychain for the old values when some are kept.
    const needKept = clientId === undefined || clientSecret === undefined || (input.publicKeyPem === undefined && before.secrets.publicKeyPem !== null);
    const keptPlain = needKept ? await this.#decryptKept(profileKind, before) : { clientId: null, clientSecret: null, publicKeyPem: null, shouldReEncrypt: false };
    const plain = {
      clientId: clientId?.data ?? keptPlain.clientId,
      clientSecret: clientSecret?.data ?? keptPlain.clientSecret,
      publicKeyPem: removeKey ? null : (publicKey?.data ?? keptPlain.publicKeyPem),
    };
    const secrets = await this.#encryptAll(plain);

    const doc = this.#read();
    doc.profiles[profileKind] = {
      ...doc.profiles[profileKind],
      secrets,
      clientIdHint: plain.clientId === null ? null : clientIdHint(plain.clientId),
      protection: keychain,
      scheme: this.#cipher.scheme,
      weakAllowed,
      updatedAt: this.#now().getTime(),
    };
    this.#write(doc);
    return this.#publicProfile(profileKind, doc.profiles[profileKind]);
  }

  /** Wipes the stored ciphertext of a profile. The weak-protection choice stays: it is about this machine. */
  deleteCredentials(kind: ProfileKind): PublicProfile {
    const keyed = this.#keyedKind(kind);
    const doc = this.#read();
    const current = doc.profiles[keyed];
    doc.profiles[keyed] = {
      ...emptyProfile(),
      weakAllowed: current.weakAllowed,
      customBaseUrl: current.customBaseUrl,
      updatedAt: this.#now().getTime(),
    };
    this.#write(doc);
    return this.#publicProfile(keyed, doc.profiles[keyed]);
  }

  /** Main process only: decrypted keys for the Cashfree client. */
  async getCredentials(kind: ProfileKind): Promise<Credentials> {
    const profileKind = this.#keyedKind(kind);
    const profile = this.#read().profiles[profileKind];
    if (!isConfigured(profile)) {
      throw coreError('not_configured', `No ${PROFILE_WORDS[profileKind]} keys are saved yet. Enter the client id and client secret in Settings.`);
    }
    const plain = await this.#decryptAll(profileKind, profile);
    const { clientId, clientSecret, publicKeyPem } = plain;
    if (clientId === null || clientSecret === null) throw coreError('not_configured', `The ${PROFILE_WORDS[profileKind]} keys are incomplete. Enter them again.`);

    if (plain.shouldReEncrypt) await this.#reEncrypt(profileKind, profile.secrets, { clientId, clientSecret, publicKeyPem });

    const baseUrl = effectiveBaseUrl(profileKind, profile) as string;
    return publicKeyPem === null ? { clientId, clientSecret, baseUrl } : { clientId, clientSecret, publicKeyPem, baseUrl };
  }

  /**
   * A company proxy in front of Cashfree; null goes back to Cashfree's own address. The secret was
   * entered for the old address: when the address changes it is removed, unless the agent enters
   * it again in the same save (`clientSecret`, saved first, so a refusal changes nothing). The
   * client id and public key stay.
   */
  async setCustomBaseUrl(
    kind: ProfileKind,
    url: string | null,
    options: Pick<SaveCredentialsInput, 'clientSecret' | 'allowWeak'> = {},
  ): Promise<PublicProfile> {
    const profileKind = this.#keyedKind(kind);
    let customBaseUrl: string | null = null;
    if (url !== null && url.trim() !== '') {
      const parsed = CustomBaseUrl.safeParse(url);
      if (!parsed.success) throw coreError('invalid_input', firstMessage(parsed.error));
      customBaseUrl = parsed.data;
    }
    const enteredAgain = options.clientSecret !== undefined;
    if (enteredAgain) await this.saveCredentials(profileKind, options);
    const doc = this.#read();
    const profile = doc.profiles[profileKind];
    const moved = effectiveBaseUrl(profileKind, profile) !== effectiveBaseUrl(profileKind, { customBaseUrl });
    profile.customBaseUrl = customBaseUrl;
    if (moved && !enteredAgain && profile.secrets.clientSecret !== null) {
      profile.secrets = { ...profile.secrets, clientSecret: null };
      profile.updatedAt = this.#now().getTime();
    }
    this.#write(doc);
    return this.#publicProfile(profileKind, profile);
  }

  /** Checks a patch that has not been checked yet (an import's assembled changes), then saves it. */
  updatePreferences(patch: unknown): Preferences {
    return this.applyPreferences(checkPreferences(patch));
  }

  /** Saves a patch already checked where it came in (the channel's schema). */
  applyPreferences(patch: PreferencesPatch): Preferences {
    const doc = this.#read();
    doc.preferences = { ...doc.preferences, ...patch };
    this.#write(doc);
    return doc.preferences;
  }

  /** Settings a team lead can hand out: preferences and custom addresses, never a key. */
  exportSettings(): ExportedSettings {
    const doc = this.#read();
    return {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: this.#now().toISOString(),
      profiles: {
        sandbox: { customBaseUrl: doc.profiles.sandbox.customBaseUrl },
        production: { customBaseUrl: doc.profiles.production.customBaseUrl },
      },
      preferences: doc.preferences,
    };
  }

  exportSettingsJson(): string {
    return `${JSON.stringify(this.exportSettings(), null, 2)}\n`;
  }

  /** What importing `input` (JSON text or the parsed object) would change; nothing is applied. */
  previewImport(input: unknown): ImportPreview {
    return { changes: this.#importChanges(parseImportFile(input)) };
  }

  /**
   * Applies the changes of an exported configuration that the agent confirmed (`apply`, ids from
   * previewImport), each through the same path as changing it in Settings: preferences and
   * templates through updatePreferences, addresses through setCustomBaseUrl (which removes a
   * secret entered for the old address). Keys, the active profile and the Production confirmation
   * are never touched.
   */
  async importSettings(input: unknown, apply: readonly string[]): Promise<PublicSettings> {
    const file = parseImportFile(input);
    const changes = new Map(this.#importChanges(file).map((change) => [change.id, change]));
    for (const id of apply) {
      const change = changes.get(id);
      if (!change) throw coreError('invalid_input', 'The settings file changed since it was read, or already applies. Import it again.');
      if (change.refused !== null) throw coreError('invalid_input', `${change.label} cannot be imported: ${change.refused}`);
    }
    const chosen = apply.map((id) => changes.get(id) as ImportChange);
    const patch: Record<string, unknown> = {};
    // A Map, so a template named "__proto__" is a name like any other.
    const templates = new Map(Object.entries(this.getPreferences().messageTemplates));
    for (const change of chosen) {
      if (change.kind === 'template') {
        const name = change.id.slice(TEMPLATE_PREFIX.length);
        if (change.to === null) templates.delete(name);
        else templates.set(name, change.to);
        patch.messageTemplates = Object.fromEntries(templates);
      } else if (change.kind === 'preference') {
        const field = change.id.slice(PREFERENCE_PREFIX.length) as keyof PreferencesPatch;
        patch[field] = file.preferences[field];
      }
    }
    // Preferences first: the one step that can still refuse, before any address moves.
    if (Object.keys(patch).length > 0) this.updatePreferences(patch);
    for (const change of chosen) {
      if (change.kind !== 'address') continue;
      const kind = change.id.slice(ADDRESS_PREFIX.length) as KeyedProfileKind;
      await this.setCustomBaseUrl(kind, file.profiles[kind]?.customBaseUrl ?? null);
    }
    return this.getPublicSettings();
  }

  #importChanges(file: ImportFile): ImportChange[] {
    const doc = this.#read();
    const changes: ImportChange[] = [];
    for (const kind of ['sandbox', 'production'] as const) {
      const imported = file.profiles[kind];
      if (!imported || imported.customBaseUrl === doc.profiles[kind].customBaseUrl) continue;
      const from = effectiveBaseUrl(kind, doc.profiles[kind]);
      const to = effectiveBaseUrl(kind, imported);
      if (from === to) continue;
      const host = new URL(to as string).host;
      const notes = [
        host === new URL(CASHFREE_BASE_URLS[kind]).host ? null : `${PROFILE_WORDS[kind]} requests, with the client ID and secret, would go to ${host} instead of Cashfree.`,
        doc.profiles[kind].secrets.clientSecret === null ? null : `The saved ${PROFILE_WORDS[kind]} client secret is removed and must be entered again.`,
      ].filter((note) => note !== null);
      changes.push({ id: ADDRESS_PREFIX + kind, kind: 'address', label: `${PROFILE_WORDS[kind]} address`, from, to, warning: notes.join(' ') || null, refused: null });
    }
    const current = doc.preferences.messageTemplates;
    const imported = file.preferences.messageTemplates;
    if (imported !== undefined) {
      const own = (templates: Record<string, string>, name: string): string | null => (Object.hasOwn(templates, name) ? (templates[name] as string) : null);
      for (const name of [...new Set([...Object.keys(current), ...Object.keys(imported)])]) {
        const to = own(imported, name);
        const from = own(current, name);
        if (to === from) continue;
        // The check saving a template in Settings makes, so an import can never store what Settings refuses.
        const checked = to === null ? null : preferencesProblem({ messageTemplates: Object.fromEntries([[name, to]]) });
        const refused = checked && !checked.ok ? checked.message : null;
        changes.push({ id: TEMPLATE_PREFIX + name, kind: 'template', label: `Message template ${name}`, from, to, warning: to === null ? 'This template is removed.' : null, refused });
      }
    }
    for (const field of Object.keys(file.preferences) as (keyof PreferencesPatch)[]) {
      if (field === 'messageTemplates') continue;
      const to = file.preferences[field];
      const from = doc.preferences[field];
      if (JSON.stringify(to) === JSON.stringify(from)) continue;
      const checked = preferencesProblem({ [field]: to });
      changes.push({
        id: PREFERENCE_PREFIX + field,
        kind: 'preference',
        label: PREFERENCE_LABELS[field],
        from: shownPreference(from),
        to: shownPreference(to),
        warning: checked.ok ? preferenceWarning(field, checked.data[field], from) : null,
        refused: checked.ok ? null : checked.message,
      });
    }
    return changes;
  }

  #keyedKind(kind: ProfileKind): KeyedProfileKind {
    const parsed = ProfileKind.safeParse(kind);
    if (!parsed.success) throw coreError('invalid_input', 'Unknown profile.');
    if (!needsCredentials(parsed.data)) throw coreError('invalid_input', 'Demo runs on the built-in simulator and needs no keys.');
    return parsed.data;
  }

  #publicProfile(kind: ProfileKind, profile: StoredProfile): PublicProfile {
    const configured = !needsCredentials(kind) || isConfigured(profile);
    return {
      kind,
      configured,
      clientIdHint: profile.clientIdHint === null ? null : `…${profile.clientIdHint}`,
      hasPublicKey: profile.secrets.publicKeyPem !== null,
      keychain: profile.protection ?? this.#cipher.keychain,
      weakAllowed: profile.weakAllowed,
      baseUrl: effectiveBaseUrl(kind, profile),
      customBaseUrl: profile.customBaseUrl,
    };
  }

  /** The stored values a save keeps; unreadable ones ask for all keys again. */
  async #decryptKept(kind: KeyedProfileKind, profile: StoredProfile): Promise<PlainSecrets> {
    try {
      return await this.#decryptAll(kind, profile);
    } catch {
      throw coreError('not_configured', `The saved ${PROFILE_WORDS[kind]} keys cannot be read on this computer. Enter the client id and client secret again (and the public key, if used).`);
    }
  }

  async #decryptAll(
    kind: KeyedProfileKind,
    profile: StoredProfile,
  ): Promise<PlainSecrets> {
    const { secrets } = profile;
    const stored = [secrets.clientId, secrets.clientSecret, secrets.publicKeyPem];
    if (stored.every((value) => value === null)) return { clientId: null, clientSecret: null, publicKeyPem: null, shouldReEncrypt: false };
    const unreadable = coreError(
      'not_configured',
      profile.scheme !== null && profile.scheme !== this.#cipher.scheme
        ? `The ${PROFILE_WORDS[kind]} keys were saved by ${profile.scheme === 'key_file' ? 'the command-line tool or browser preview' : 'the desktop app'} and cannot be read here. Enter them again.`
        : `The saved ${PROFILE_WORDS[kind]} keys cannot be read on this computer (the system keyring may have changed). Enter them again.`,
    );
    if (profile.scheme !== null && profile.scheme !== this.#cipher.scheme) throw unreadable;
    let shouldReEncrypt = false;
    const decryptOne = async (value: string | null): Promise<string | null> => {
      if (value === null) return null;
      if (this.#cipher.decryptDetailed) {
        const detailed = await this.#cipher.decryptDetailed(value);
        shouldReEncrypt ||= detailed.shouldReEncrypt;
        return detailed.plain;
      }
      return this.#cipher.decrypt(value);
    };
    try {
      const [clientId, clientSecret, publicKeyPem] = await Promise.all(stored.map(decryptOne));
      return { clientId: clientId ?? null, clientSecret: clientSecret ?? null, publicKeyPem: publicKeyPem ?? null, shouldReEncrypt };
    } catch {
      // The cipher's error text is not shown: it says nothing useful to an agent and could carry data.
      throw unreadable;
    }
  }

  async #encryptAll(plain: { clientId: string | null; clientSecret: string | null; publicKeyPem: string | null }): Promise<StoredSecrets> {
    const encryptOne = (value: string | null): Promise<string | null> => (value === null ? Promise.resolve(null) : this.#cipher.encrypt(value));
    try {
      const [clientId, clientSecret, publicKeyPem] = await Promise.all([encryptOne(plain.clientId), encryptOne(plain.clientSecret), encryptOne(plain.publicKeyPem)]);
      return { clientId: clientId ?? null, clientSecret: clientSecret ?? null, publicKeyPem: publicKeyPem ?? null };
    } catch {
      throw coreError('unavailable', 'The system keychain refused to encrypt the keys. Unlock the keychain (or log in again) and retry.', { retryable: true });
    }
  }

  /** The OS key was rotated: store the same secrets under the new key, unless they changed meanwhile. */
  async #reEncrypt(kind: KeyedProfileKind, readFrom: StoredSecrets, plain: { clientId: string; clientSecret: string; publicKeyPem: string | null }): Promise<void> {
    let secrets: StoredSecrets;
    try {
      secrets = await this.#encryptAll(plain);
    } catch {
      return;
    }
    const doc = this.#read();
    const current = doc.profiles[kind].secrets;
    const unchanged = current.clientId === readFrom.clientId && current.clientSecret === readFrom.clientSecret && current.publicKeyPem === readFrom.publicKeyPem;
    if (!unchanged) return;
    doc.profiles[kind].secrets = secrets;
    this.#write(doc);
  }

  /** Reads the current document; a file damaged while running is moved aside like one found at start. */
  #read(): SettingsDoc {
    let raw: unknown;
    let reason: string | null = null;
    try {
      raw = this.#store.store;
    } catch {
      reason = 'it is not valid JSON';
    }
    if (reason === null) {
      const outcome = migrateSettings(raw);
      if (outcome.ok) {
        if (outcome.migratedFrom !== null || outcome.fresh) this.#write(outcome.doc);
        return outcome.doc;
      }
      reason = outcome.reason;
    }
    this.#notices.push(moveCorruptFileAside(this.#store.path, reason, this.#now()));
    const fresh = defaultSettings();
    this.#write(fresh);
    return fresh;
  }

  #write(doc: SettingsDoc): void {
    this.#store.store = doc;
  }
}
