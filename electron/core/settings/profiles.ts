// The three profiles and where each one talks to.
import type { ProfileKind } from '../../../shared/domain.ts';
import type { StoredProfile } from './schema.ts';
import { CASHFREE_BASE_URLS } from '../../../shared/settings.ts';
import type { KeyedProfileKind } from '../../../shared/settings.ts';

export { CASHFREE_BASE_URLS };
export type { KeyedProfileKind };


/** Sandbox and Production need the merchant's keys; Demo runs against the embedded simulator. */
export const needsCredentials = (kind: ProfileKind): kind is KeyedProfileKind => kind !== 'demo';

/** Where requests of a profile go; null for Demo, whose simulator address is known only once it runs. */
export function effectiveBaseUrl(kind: ProfileKind, profile: Pick<StoredProfile, 'customBaseUrl'>): string | null {
  if (!needsCredentials(kind)) return null;
  return profile.customBaseUrl ?? CASHFREE_BASE_URLS[kind];
}

/** "…1234": enough to tell two sets of keys apart, too little to be of use to anyone else. */
export const clientIdHint = (clientId: string): string => clientId.slice(-4);

export const isConfigured = (profile: StoredProfile): boolean =>
  profile.secrets.clientId !== null && profile.secrets.clientSecret !== null;
