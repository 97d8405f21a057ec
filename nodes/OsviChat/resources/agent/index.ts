import type { INodeProperties } from 'n8n-workflow';
import { throwOnOsviError } from '../../shared/errors';
import { keepLimit } from '../../../shared/fields';
import { itemPerElement } from '../../shared/output';
import { fields as getAll } from './getAll';

export const agentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many agents',
				description:
					'List the account’s active agents with their IDs; OSVI may leave out chat-only and inactive agents',
				routing: {
					// The one v1 endpoint answering with a bare array; its ID field is `agent_id`.
					request: { method: 'GET', url: '/v1/active_agents' },
					send: { preSend: getAll.preSend },
					output: { postReceive: [throwOnOsviError, itemPerElement, keepLimit] },
				},
			},
		],
		default: 'getAll',
	},
	...getAll.properties,
];
