// The settings file, the public view the renderer gets, and the export format, as zod schemas.
// Secrets appear here only as ciphertext (base64); nothing in this file ever holds a secret in clear.
import { z } from 'zod';
import { ProfileKind } from './domain.ts';
import { DEFAULT_MESSAGE_TEMPLATES, validateTemplate } from './templates.ts';

export const SETTINGS_VERSION = 2;

/** How a profile's secrets are protected on this machine. */
export const KEYCHAIN_LEVELS = ['keychain', 'weak', 'none'] as const;
export const Keychain = z.enum(KEYCHAIN_LEVELS);
export type Keychain = z.infer<typeof Keychain>;

/** Which cipher wrote a ciphertext: the OS keychain through Electron, or a key file beside the settings. */
export const CIPHER_SCHEMES = ['safe_storage', 'key_file'] as const;
export const CipherScheme = z.enum(CIPHER_SCHEMES);
export type CipherScheme = z.infer<typeof CipherScheme>;

const Ciphertext = z.string().min(1).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'ciphertext must be base64');

export const StoredSecrets = z.object({
  clientId: Ciphertext.nullable(),
  clientSecret: Ciphertext.nullable(),
  publicKeyPem: Ciphertext.nullable(),
});
export type StoredSecrets = z.infer<typeof StoredSecrets>;

export type KeyedProfileKind = Exclude<ProfileKind, 'demo'>;

/** Cashfree's own addresses (../shared/cashfree-rpd.md), used unless a profile names a custom one. */
export const CASHFREE_BASE_URLS: Record<KeyedProfileKind, string> = {
  sandbox: 'https://sandbox.cashfree.com/verification',
  production: 'https://api.cashfree.com/verification',
};

/** A company proxy in front of Cashfree, or a local gateway: http only on loopback. */
export const CustomBaseUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    if (url.username || url.password || url.search || url.hash) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }, 'The address must start with https:// (http:// only for this computer) and carry no user name, query or #part.')
  .transform((value) => value.replace(/\/+$/, ''));

export const StoredProfile = z.object({
  secrets: StoredSecrets,
  /** Last four characters of the client id, so the UI can say which keys are stored without decrypting. */
  clientIdHint: z.string().max(4).nullable(),
  /** Protection the stored secrets were written with; null when nothing is stored. */
  protection: Keychain.nullable(),
  scheme: CipherScheme.nullable(),
  /** The user accepted weak protection for this profile on this machine. */
  weakAllowed: z.boolean(),
  customBaseUrl: CustomBaseUrl.nullable(),
  /** ms since epoch of the last credentials change, null when none. */
  updatedAt: z.number().int().nullable(),
});
export type StoredProfile = z.infer<typeof StoredProfile>;

export const THEMES = ['system', 'light', 'dark'] as const;

export { DEFAULT_MESSAGE_TEMPLATES };

const PreferenceFields = {
  messageTemplates: z.record(z.string().min(1).max(50), z.string().max(2000)),
  /** 0 keeps the clipboard as it is. */
  clipboardClearSeconds: z.number().int().min(0).max(3600),
  retentionDays: z.number().int().min(1).max(3650),
  theme: z.enum(THEMES),
  autoUpdate: z.boolean(),
  /** Electron accelerator; empty means no global shortcut. */
  globalShortcut: z.string().max(100),
};

export const Preferences = z.object({
  messageTemplates: PreferenceFields.messageTemplates.default(() => ({ ...DEFAULT_MESSAGE_TEMPLATES })),
  clipboardClearSeconds: PreferenceFields.clipboardClearSeconds.default(60),
  retentionDays: PreferenceFields.retentionDays.default(180),
  theme: PreferenceFields.theme.default('system'),
  autoUpdate: PreferenceFields.autoUpdate.default(true),
  globalShortcut: PreferenceFields.globalShortcut.default('CommandOrControl+Alt+R'),
});
/** Templates as saved: each must pass the template rule (shared/templates.ts), checked at save. */
const SavedTemplates = PreferenceFields.messageTemplates.superRefine((templates, ctx) => {
  for (const [name, text] of Object.entries(templates)) {
    const check = validateTemplate(text);
    if (!check.ok) ctx.addIssue({ code: 'custom', path: [name], message: check.reason });
  }
});

/** A change to some preferences; fields left out keep their value. Strict so a typo is an error, not a no-op. */
export const PreferencesPatch = z.object({ ...PreferenceFields, messageTemplates: SavedTemplates }).partial().strict();
export type PreferencesPatch = z.infer<typeof PreferencesPatch>;
export type Preferences = z.infer<typeof Preferences>;

export const SettingsDoc = z.object({
  schemaVersion: z.literal(SETTINGS_VERSION),
  activeProfile: ProfileKind,
  productionConfirmed: z.boolean(),
  profiles: z.object({ demo: StoredProfile, sandbox: StoredProfile, production: StoredProfile }),
  preferences: Preferences,
});
export type SettingsDoc = z.infer<typeof SettingsDoc>;

export const emptyProfile = (): StoredProfile => ({
  secrets: { clientId: null, clientSecret: null, publicKeyPem: null },
  clientIdHint: null,
  protection: null,
  scheme: null,
  weakAllowed: false,
  customBaseUrl: null,
  updatedAt: null,
});

export const defaultSettings = (): SettingsDoc => ({
  schemaVersion: SETTINGS_VERSION,
  activeProfile: 'demo',
  productionConfirmed: false,
  profiles: { demo: emptyProfile(), sandbox: emptyProfile(), production: emptyProfile() },
  preferences: Preferences.parse({}),
});

/** What the renderer may see of a profile: never a secret, never a ciphertext. */
export const PublicProfile = z.object({
  kind: ProfileKind,
  /** Ready to use: client id and secret saved (Demo needs none, so it always is). */
  configured: z.boolean(),
  clientIdHint: z.string().nullable(),
  hasPublicKey: z.boolean(),
  keychain: Keychain,
  weakAllowed: z.boolean(),
  /** Where requests go: the custom address when set, else Cashfree's; null for Demo (the simulator picks a port). */
  baseUrl: z.string().nullable(),
  customBaseUrl: z.string().nullable(),
});
export type PublicProfile = z.infer<typeof PublicProfile>;

export const PublicSettings = z.object({
  activeProfile: ProfileKind,
  productionConfirmed: z.boolean(),
  /** Protection this machine offers for new secrets. */
  keychain: Keychain,
  profiles: z.object({ demo: PublicProfile, sandbox: PublicProfile, production: PublicProfile }),
  preferences: Preferences,
});
export type PublicSettings = z.infer<typeof PublicSettings>;

/** Inputs and answers of the settings channels, for the IPC contract to validate with. */
export const SaveCredentialsRequest = z
  .object({
    clientId: z.string().max(1000).optional(),
    clientSecret: z.string().max(1000).optional(),
    publicKeyPem: z.string().max(20_000).nullable().optional(),
    allowWeak: z.boolean().optional(),
  })
  .strict();
export const SetActiveProfileRequest = z
  .object({ kind: ProfileKind, confirmProduction: z.boolean().optional() })
  .strict();
export const ActiveProfileAnswer = z.discriminatedUnion('status', [
  z.object({ status: z.literal('switched'), activeProfile: ProfileKind }),
  z.object({ status: z.literal('needs_confirmation'), profile: z.literal('production'), message: z.string() }),
]);
export type ActiveProfileAnswer = z.infer<typeof ActiveProfileAnswer>;

export const EXPORT_FORMAT = 'rpd-desk-settings';

const ExportedProfile = z.object({ customBaseUrl: CustomBaseUrl.nullable() }).strict();

/**
 * A configuration a team lead hands out. Strict: a file carrying any other field (a secret pasted in
 * by hand, say) is refused rather than half-read.
 */
export const ExportedSettings = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(1),
    exportedAt: z.string(),
    profiles: z.object({ sandbox: ExportedProfile, production: ExportedProfile }).partial().strict(),
    preferences: PreferencesPatch,
  })
  .strict();
export type ExportedSettings = z.infer<typeof ExportedSettings>;

/**
 * One thing an imported settings file would change, for the agent to confirm or leave out.
 * `id` names it when applying: `address.sandbox`, `template.<name>`, `preference.<field>`.
 */
export const ImportChange = z.object({
  id: z.string(),
  kind: z.enum(['address', 'template', 'preference']),
  /** What changes, in the window's words ("Production address", "Message template Hindi"). */
  label: z.string(),
  /** As shown: the current and the new value; null when there is none (a new or removed template). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** What the agent should know before confirming (keys sent elsewhere, clipboard no longer cleared). */
  warning: z.string().nullable(),
  /** Why it cannot be applied (the same check as saving it in Settings); null when it can. */
  refused: z.string().nullable(),
});
export type ImportChange = z.infer<typeof ImportChange>;
export const ImportPreview = z.object({ changes: z.array(ImportChange) });
export type ImportPreview = z.infer<typeof ImportPreview>;
