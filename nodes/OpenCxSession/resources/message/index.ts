import type { INodeProperties } from 'n8n-workflow';

import { throwOnOpenCxError } from '../../shared/errors';
import { simplifyHistoryPage } from '../../shared/output';
import { cursorPagination } from '../../shared/pagination';
import { sendAnswer } from '../../shared/sendAnswer';
import { fields as getHistory } from './getHistory';
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
				name: 'Get History',
				value: 'getHistory',
				action: 'Get the history of a session',
				description: 'List the messages and events of a session, in the order open.cx returns them',
				routing: {
					request: { method: 'GET', url: '/chat/sessions/{sessionId}/history' },
					send: { preSend: getHistory.preSend },
					operations: { pagination: cursorPagination },
					output: { postReceive: [throwOnOpenCxError, simplifyHistoryPage] },
				},
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description: "Send a message in a session as the contact or as a human agent, and get the AI's reply",
				routing: {
					request: { method: 'POST', url: '/chat/sessions/{sessionId}/send', body: { message: { type: 'text' } } },
					send: { preSend: send.preSend },
					output: { postReceive: [throwOnOpenCxError, sendAnswer] },
				},
			},
		],
		default: 'send',
	},
	...getHistory.properties,
	...send.properties,
];
