import type { ProfileKind } from '../../../../shared/domain.ts';

export const PROFILE_NAMES: Record<ProfileKind, string> = { demo: 'Demo', sandbox: 'Sandbox', production: 'Production' };
export const PROFILE_ORDER: readonly ProfileKind[] = ['demo', 'sandbox', 'production'];
