import type { IDisplayOptions, INodeProperties, INodeRequestOutput } from 'n8n-workflow';

import { wholeNumberParameter } from './routedChecks';

/**
 * Return All and Limit of a "Get Many" operation. A paging operation reads both in its pager; a
 * list the API sends whole passes `limitOutput` (`maxResults`) to trim it.
 */
export function returnAllAndLimit(displayOptions: IDisplayOptions, limitOutput?: INodeRequestOutput): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } },
			routing: {
				send: { preSend: [wholeNumberParameter('limit', 'Limit')] },
				...(limitOutput ? { output: limitOutput } : {}),
			},
		},
	];
}
