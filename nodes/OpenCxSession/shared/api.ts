import type { ApiProfile } from '../../shared';

// open.cx documents 100 requests a minute for its standard endpoints.
export const OPEN_CX: ApiProfile = { name: 'open.cx', documentedRequestsPerMinute: 100 };
