import type { ApiProfile } from '../../shared';

// OSVI documents no rate limit.
export const OSVI: ApiProfile = { name: 'OSVI' };
