import type { INodeProperties } from 'n8n-workflow';

import { throwOnOsviError } from '../../../OsviChat/shared/errors';
import { campaignPath, COST_WARNING } from '../../shared/fields';
import { dataOnly } from '../../shared/output';
import { fields as addContacts } from './addContacts';
import { fields as getStatus } from './getStatus';

export const campaignDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{
				// Sent by the node's custom operation (addContacts.ts): one request per 10,000 items.
				name: 'Add Contacts',
				value: 'addContacts',
				action: 'Add contacts to a campaign',
				description: `Add every input item as a contact of a campaign, 10,000 per request. ${COST_WARNING}.`,
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the status of a campaign',
				description: 'Get a campaign’s settings, its calls by status and its contact uploads with their queues',
				routing: {
					request: { method: 'GET', url: campaignPath('status') },
					send: { preSend: getStatus.preSend },
					output: { postReceive: [throwOnOsviError, dataOnly] },
				},
			},
		],
		default: 'addContacts',
	},
	...addContacts.properties,
	...getStatus.properties,
];
