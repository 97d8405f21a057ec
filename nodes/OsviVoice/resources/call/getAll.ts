import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description';
import { requireAgentId } from '../../../OsviChat/shared/validation';
import { checkDate, requireWholeNumber } from '../../shared/validation';

const showOnlyForGetAll = { show: { resource: ['call'], operation: ['getAll'] } };

const CALL_STATUSES = [
	{ name: 'Busy', value: 'busy' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'Not Picked', value: 'not_picked' },
	{ name: 'Picked', value: 'picked' },
	{ name: 'Voicemail', value: 'voicemail' },
];

const DATE_HINT = 'A date (2026-06-01) or a time without a time zone is read in India time (IST)';

export const getAllDescription: INodeProperties[] = [
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
				displayName: 'Agent ID',
				name: 'agent',
				type: 'string',
				default: '',
				placeholder: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
				description: 'Only this agent’s calls',
				routing: { send: { type: 'query', property: 'agent_uuid', preSend: [requireAgentId('filters.agent')] } },
			},
			{
				displayName: 'Call Type',
				name: 'callType',
				type: 'options',
				options: [
					{ name: 'Inbound', value: 'inbound' },
					{ name: 'Outbound', value: 'outbound' },
				],
				default: 'outbound',
				routing: { send: { type: 'query', property: 'call_type' } },
			},
			{
				displayName: 'Campaign ID',
				name: 'campaignId',
				type: 'number',
				default: 0,
				description: 'Only calls of this campaign',
				routing: {
					send: { type: 'query', property: 'campaign_id', preSend: [requireWholeNumber('filters.campaignId', 'Campaign ID')] },
				},
			},
			{
				displayName: 'Campaign Upload ID',
				name: 'campaignUploadId',
				type: 'number',
				default: 0,
				description: 'Only calls from one contact upload (the campaign_upload_id of Campaign → Add Contacts)',
				routing: {
					send: {
						type: 'query',
						property: 'campaign_upload_id',
						preSend: [requireWholeNumber('filters.campaignUploadId', 'Campaign Upload ID')],
					},
				},
			},
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'string',
				default: '',
				placeholder: '2026-06-30',
				description: `Only calls picked up on or before this date or time. ${DATE_HINT}.`,
				routing: { send: { type: 'query', property: 'end_date', preSend: [checkDate('filters.endDate', 'End Date')] } },
			},
			{
				displayName: 'Phone Number Contains',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				placeholder: '98765',
				description: 'Only calls whose other party’s number contains this',
				routing: { send: { type: 'query', property: 'phone_number' } },
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'string',
				default: '',
				placeholder: '2026-06-01',
				description: `Only calls picked up on or after this date or time. ${DATE_HINT}.`,
				routing: { send: { type: 'query', property: 'start_date', preSend: [checkDate('filters.startDate', 'Start Date')] } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: CALL_STATUSES,
				default: [],
				description: 'Only calls in one of these statuses',
				routing: {
					send: { type: 'query', property: 'status', value: '={{ $value.length ? $value.join(",") : undefined }}' },
				},
			},
		],
	},
];
