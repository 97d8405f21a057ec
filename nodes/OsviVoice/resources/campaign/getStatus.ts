import { updateDisplayOptions } from 'n8n-workflow';

import { campaignId } from '../../shared/descriptions';

export const getStatusDescription = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['getStatus'] } },
	[campaignId],
);
