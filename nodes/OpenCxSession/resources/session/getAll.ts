import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/fields';
import { CHANNEL_OPTIONS, dateRangeFilters, SESSION_STATUS_OPTIONS } from '../../shared/descriptions';

const showOnlyForGetAll = { show: { resource: ['session'], operation: ['getAll'] } };

const [createdAfter, createdBefore, updatedAfter, updatedBefore] = dateRangeFilters('filters');

export const sessionGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForGetAll),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showOnlyForGetAll,
		options: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				options: CHANNEL_OPTIONS,
				default: 'web',
				description: 'Only sessions on this channel',
				routing: { send: { type: 'query', property: 'channel_type' } },
			},
			createdAfter,
			createdBefore,
			{
				displayName: 'Handed Off',
				name: 'handedOff',
				type: 'boolean',
				default: true,
				description: 'Whether to list only sessions handed off to a human (on) or only those still with the AI (off)',
				routing: { send: { type: 'query', property: 'handed_off', value: '={{ String($value) }}' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: SESSION_STATUS_OPTIONS,
				default: 'open',
				description: 'Only sessions in this status',
				routing: { send: { type: 'query', property: 'status' } },
			},
			updatedAfter,
			updatedBefore,
		],
	},
];
