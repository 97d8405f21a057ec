import { updateDisplayOptions } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/fields';

// OSVI has no paging here; the limit trims the one response.
export const fields = {
	properties: updateDisplayOptions(
		{ show: { resource: ['agent'], operation: ['getAll'] } },
		returnAllAndLimit({}, { maxResults: '={{ $value }}' }),
	),
	preSend: [],
};
