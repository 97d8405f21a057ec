import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { agentLocator, content, sessionId, simplify } from '../../shared/descriptions';
import { textParameter } from '../../../shared/input';

const properties: INodeProperties[] = [
	{
		displayName:
			'OSVI is deprecating this endpoint. Use Message → Send for new workflows; it needs no session ID.',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
	},
	agentLocator,
	{
		...sessionId,
		description: 'The session ID returned by Legacy → Start Session',
		routing: { send: { ...sessionId.routing?.send, type: 'body', property: 'chat_session_id' } },
	},
	{
		...content,
		displayName: 'Message',
		name: 'message',
		routing: {
			send: {
				type: 'body',
				property: 'message',
				preSend: [
					textParameter('message', 'Message', 'message', { required: 'Message is empty. Enter the customer’s message.' }),
				],
			},
		},
	},
	simplify,
];

export const sendMessageDescription = updateDisplayOptions(
	{ show: { resource: ['legacy'], operation: ['sendMessage'] } },
	properties,
);
