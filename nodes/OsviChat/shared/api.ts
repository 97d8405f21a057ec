import type { ApiProfile } from '../../shared/requestSettings';

// OSVI documents no rate limit.
export const OSVI: ApiProfile = { name: 'OSVI' };
