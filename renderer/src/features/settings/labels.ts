import type { ProfileKind } from '../../../../shared/domain.ts';

export { PROFILE_NAMES } from '../../../../shared/domain.ts';
export const PROFILE_ORDER: readonly ProfileKind[] = ['demo', 'sandbox', 'production'];
