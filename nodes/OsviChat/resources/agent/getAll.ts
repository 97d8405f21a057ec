import { returnAllAndLimit } from '../../../shared/description';

// OSVI has no paging here; the limit trims the one response.
export const getAllDescription = returnAllAndLimit(
	{ show: { resource: ['agent'], operation: ['getAll'] } },
	{ maxResults: '={{ $value }}' },
);
