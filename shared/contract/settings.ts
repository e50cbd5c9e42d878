// The settings feature's slice of the contract: profiles, keys, preferences, Test connection.
import { z } from 'zod';
import { ProfileKind } from '../domain.ts';
import { ErrorCode } from '../result.ts';
import { ActiveProfileAnswer, ImportPreview, Preferences, PreferencesPatch, PublicProfile, PublicSettings, SaveCredentialsRequest } from '../settings.ts';
import { Nothing, ProfileRef } from './common.ts';
import type { ChannelSlice, EventSlice } from './common.ts';
import type { SETTINGS_CHANNELS, SETTINGS_EVENTS } from './settings.channels.ts';

export const ProbeOutcome = z.object({ ok: z.boolean(), code: z.union([z.literal('ok'), ErrorCode]), message: z.string() });
export type ProbeOutcome = z.infer<typeof ProbeOutcome>;

export const settingsChannels = {
  'settings.get': { input: Nothing, output: PublicSettings },
  'settings.setProfile': {
    input: z.object({ kind: ProfileKind, confirmProduction: z.boolean().optional() }).strict(),
    output: ActiveProfileAnswer,
  },
  'settings.saveCredentials': { input: SaveCredentialsRequest.extend({ kind: ProfileKind }).strict(), output: PublicProfile },
  'settings.deleteCredentials': { input: ProfileRef, output: PublicProfile },
  /** A new address removes the profile's saved secret, unless clientSecret enters it again in the same save. */
  'settings.setBaseUrl': {
    input: z
      .object({ kind: ProfileKind, url: z.string().max(2000).nullable() })
      .extend(SaveCredentialsRequest.pick({ clientSecret: true, allowWeak: true }).shape)
      .strict(),
    output: PublicProfile,
  },
  'settings.updatePreferences': { input: PreferencesPatch, output: Preferences },
  'settings.testConnection': { input: ProfileRef, output: ProbeOutcome },
  'settings.export': { input: Nothing, output: z.object({ json: z.string() }) },
  /** What a settings file would change; nothing is applied. */
  'settings.importPreview': { input: z.object({ json: z.string().max(200_000) }).strict(), output: ImportPreview },
  /** Applies only the changes the agent confirmed (ids from settings.importPreview). */
  'settings.import': {
    input: z.object({ json: z.string().max(200_000), apply: z.array(z.string().max(100)).max(200) }).strict(),
    output: PublicSettings,
  },
} as const satisfies ChannelSlice<typeof SETTINGS_CHANNELS>;

export const settingsEvents = {
  'settings.changed': PublicSettings,
} as const satisfies EventSlice<typeof SETTINGS_EVENTS>;
