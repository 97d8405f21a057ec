import type { IDisplayOptions, INodeProperties, INodeRequestOutput } from 'n8n-workflow';

import { wholeNumberParameter } from './input';
import { everyPreSendRecorded, releaseCheckedItem } from './preflight';
import { requestSettingsProperty, type ApiProfile } from './requestSettings';

/**
 * A node's properties, ready for the shared request handling: every preSend step records its
 * item's outcome, and the Retry and Rate Limit collection comes last, so its preSend, which
 * releases checked items, runs after every other.
 */
export function withRetryAndRateLimit(api: ApiProfile, properties: INodeProperties[]): INodeProperties[] {
	return [...everyPreSendRecorded(properties), requestSettingsProperty(api, releaseCheckedItem)];
}

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
