import type { ProfileKind } from '../../../../shared/domain.ts';
import { PROFILE_WORDS } from '../../../../shared/words.ts';

/** The profiles' names come from the one vocabulary (shared/words.ts). */
export const PROFILE_NAMES: Record<ProfileKind, string> = PROFILE_WORDS;
export const PROFILE_ORDER: readonly ProfileKind[] = ['demo', 'sandbox', 'production'];
