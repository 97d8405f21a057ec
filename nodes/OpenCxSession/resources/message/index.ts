import type { INodeProperties } from 'n8n-workflow';

import { throwOnApiError } from '../../shared/errors';
import { cursorPagination } from '../../shared/pagination';
import { messageGetHistoryDescription } from './getHistory';
import { messageSendDescription, sendAnswer } from './send';

const showOnlyForMessages = { show: { resource: ['message'] } };

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showOnlyForMessages,
		options: [
			{
				name: 'Get History',
				value: 'getHistory',
				action: 'Get the history of a session',
				description: 'List the messages and events of a session, in the order open.cx returns them',
				routing: {
					request: {
						method: 'GET',
						url: '=/chat/sessions/{{encodeURIComponent($parameter.sessionId)}}/history',
					},
					operations: { pagination: cursorPagination },
					output: { postReceive: [throwOnApiError] },
				},
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description: "Send a message in a session as the contact or as a human agent, and get the AI's reply",
				routing: {
					request: {
						method: 'POST',
						url: '=/chat/sessions/{{encodeURIComponent($parameter.sessionId)}}/send',
						body: { message: { type: 'text' } },
					},
					output: { postReceive: [throwOnApiError, sendAnswer] },
				},
			},
		],
		default: 'send',
	},
	...messageGetHistoryDescription,
	...messageSendDescription,
];
