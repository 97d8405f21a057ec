import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/fields';
import { jsonObjectParameter } from '../../shared/validation';

const showOnlyForFilter = { show: { resource: ['session'], operation: ['filter'] } };

export const sessionFilterDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForFilter),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'json',
		default: '{}',
		description:
			'Criteria as a JSON object, passed to open.cx as is, e.g. {"status": ["open"], "channels": ["web"]}',
		displayOptions: showOnlyForFilter,
		routing: { send: { preSend: [jsonObjectParameter('filters', 'filters', 'Filters')] } },
	},
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: [
			{ name: 'Created At', value: 'created_at' },
			{ name: 'Last Message At', value: 'last_message_at' },
		],
		default: 'last_message_at',
		description: 'Which time to order the sessions by',
		displayOptions: showOnlyForFilter,
		routing: { send: { type: 'body', property: 'sort_by' } },
	},
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: 'desc',
		description: 'Oldest first (ascending) or newest first (descending)',
		displayOptions: showOnlyForFilter,
		routing: { send: { type: 'body', property: 'sort_order' } },
	},
];
