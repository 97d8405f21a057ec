import type { INodeProperties } from 'n8n-workflow';
import { throwOnOsviError } from '../../shared/errors';
import { unwrapData } from '../../shared/output';
import { fields as send } from './send';

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send a customer message',
				description:
					'Send the customer’s message to the agent and return the agent’s reply; starts or resumes the customer’s session as needed',
				routing: {
					request: { method: 'POST', url: '/v1/chat/inbound' },
					send: { preSend: send.preSend },
					output: { postReceive: [throwOnOsviError, unwrapData] },
				},
			},
		],
		default: 'send',
	},
	...send.properties,
];
