// Versioned migrations of the settings file, keyed on its `schemaVersion` field (version 1 called it
// `version`). Each step reads the old layout with its own schema and returns the next layout; the
// result of the last step must pass SettingsDoc. Never edit a step once released: add one.
import { z } from 'zod';
import { ProfileKind } from '../../../shared/domain.ts';
import { SETTINGS_VERSION, SettingsDoc, defaultSettings, emptyProfile } from './schema.ts';

/** Version 1: flat preferences, Electron keychain only, no public key, no weak-protection choice. */
const ProfileV1 = z.object({
  clientId: z.string().nullable(),
  clientSecret: z.string().nullable(),
  clientIdLast4: z.string().nullable(),
  baseUrl: z.string().nullable().optional(),
});
const SettingsV1 = z.object({
  version: z.literal(1),
  activeProfile: ProfileKind,
  profiles: z.object({ sandbox: ProfileV1.optional(), production: ProfileV1.optional() }),
  templates: z.record(z.string(), z.string()).optional(),
  clipboardClearSeconds: z.number().optional(),
  theme: z.string().optional(),
});

function fromV1(raw: unknown): unknown {
  const v1 = SettingsV1.parse(raw);
  const next = defaultSettings();
  next.activeProfile = v1.activeProfile;
  // Version 1 asked for confirmation too, but did not remember it: an active Production was confirmed.
  next.productionConfirmed = v1.activeProfile === 'production';
  for (const kind of ['sandbox', 'production'] as const) {
    const old = v1.profiles[kind];
    if (!old) continue;
    const hasSecrets = old.clientId !== null || old.clientSecret !== null;
    next.profiles[kind] = {
      ...emptyProfile(),
      secrets: { clientId: old.clientId, clientSecret: old.clientSecret, publicKeyPem: null },
      clientIdHint: old.clientIdLast4,
      // Version 1 saved secrets only through a real OS keychain.
      protection: hasSecrets ? 'keychain' : null,
      scheme: hasSecrets ? 'safe_storage' : null,
      customBaseUrl: old.baseUrl ?? null,
    };
  }
  if (v1.templates) next.preferences.messageTemplates = { ...v1.templates };
  if (v1.clipboardClearSeconds !== undefined) next.preferences.clipboardClearSeconds = v1.clipboardClearSeconds;
  if (v1.theme === 'light' || v1.theme === 'dark' || v1.theme === 'system') next.preferences.theme = v1.theme;
  return next;
}

/** Step from version N to N+1, keyed by N. */
const STEPS: Record<number, (raw: unknown) => unknown> = {
  1: fromV1,
};

export type MigrationOutcome =
  | { ok: true; doc: SettingsDoc; migratedFrom: number | null; fresh: boolean }
  | { ok: false; reason: string };

const versionOf = (raw: Record<string, unknown>): unknown => raw.schemaVersion ?? raw.version;

/** Brings a parsed settings file to the current layout, or says why it cannot. */
export function migrateSettings(raw: unknown): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'the file does not hold a settings object' };
  }
  const record = raw as Record<string, unknown>;
  // A store that has never been written holds {}: first run.
  if (Object.keys(record).length === 0) return { ok: true, doc: defaultSettings(), migratedFrom: null, fresh: true };
  const version = versionOf(record);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'the file has no settings version' };
  }
  if (version > SETTINGS_VERSION) {
    return { ok: false, reason: `the file was written by a newer version of the app (settings version ${version})` };
  }
  let current: unknown = raw;
  try {
    for (let v = version; v < SETTINGS_VERSION; v += 1) {
      const step = STEPS[v];
      if (!step) return { ok: false, reason: `no migration from settings version ${v}` };
      current = step(current);
    }
  } catch (error) {
    return { ok: false, reason: `the file does not match settings version ${version} (${describeZodError(error)})` };
  }
  const parsed = SettingsDoc.safeParse(current);
  if (!parsed.success) return { ok: false, reason: `the settings do not pass validation (${describeZodError(parsed.error)})` };
  return { ok: true, doc: parsed.data, migratedFrom: version === SETTINGS_VERSION ? null : version, fresh: false };
}

/** Field paths only: a validation message could quote a value, and values here may be ciphertext. */
function describeZodError(error: unknown): string {
  if (error instanceof z.ZodError) {
    const paths = error.issues.slice(0, 3).map((issue) => issue.path.join('.') || '(root)');
    return `invalid: ${paths.join(', ')}`;
  }
  return 'unreadable';
}
