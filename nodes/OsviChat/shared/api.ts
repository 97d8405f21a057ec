import type { INodeTypeDescription } from 'n8n-workflow';

import type { ApiProfile } from '../../shared';

// OSVI documents no rate limit.
export const OSVI: ApiProfile = { name: 'OSVI' };

/** What every OSVI node (Chat, Voice) sends by default. */
export const OSVI_REQUEST_DEFAULTS: INodeTypeDescription['requestDefaults'] = {
	baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
	headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
	// Failed calls reach the shared postReceive, which reads OSVI's own error code.
	ignoreHttpStatusErrors: true,
};
