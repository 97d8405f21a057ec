import type { INodeProperties } from 'n8n-workflow';
import { throwOnOsviError } from '../../shared/errors';
import { unwrapData } from '../../shared/output';
import { fields as closeSession } from './closeSession';
import { fields as sendMessage } from './sendMessage';
import { fields as startSession } from './startSession';

// OSVI marks these endpoints "Legacy — will be deprecated soon"; each operation names its v1 successor.
export const legacyDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['legacy'] } },
		options: [
			{
				name: 'Close Session',
				value: 'closeSession',
				// The rule's sentence case drops the parentheses that mark it deprecated in the node panel.
				// eslint-disable-next-line n8n-nodes-base/node-param-operation-option-action-miscased
				action: 'Close a legacy session (deprecated)',
				description:
					'Deprecated: close a legacy chat session permanently and return its summary; use Session → Close instead',
				routing: {
					request: {
						method: 'POST',
						url: '=/chat_sessions/{{encodeURIComponent($parameter.sessionId)}}/close_session',
					},
					send: { preSend: closeSession.preSend },
					output: { postReceive: [throwOnOsviError, unwrapData] },
				},
			},
			{
				name: 'Send Message',
				value: 'sendMessage',
				// The rule's sentence case drops the parentheses that mark it deprecated in the node panel.
				// eslint-disable-next-line n8n-nodes-base/node-param-operation-option-action-miscased
				action: 'Send a message in a legacy session (deprecated)',
				description:
					'Deprecated: send a customer message into a legacy session and return the reply; use Message → Send instead',
				routing: {
					request: { method: 'POST', url: '/chat_messages/send_message' },
					send: { preSend: sendMessage.preSend },
					output: { postReceive: [throwOnOsviError, unwrapData] },
				},
			},
			{
				name: 'Start Session',
				value: 'startSession',
				// The rule's sentence case drops the parentheses that mark it deprecated in the node panel.
				// eslint-disable-next-line n8n-nodes-base/node-param-operation-option-action-miscased
				action: 'Start a legacy session (deprecated)',
				description: 'Deprecated: start a legacy chat session with an agent; use Session → Create instead',
				routing: {
					request: { method: 'POST', url: '/chat_sessions' },
					send: { preSend: startSession.preSend },
					output: { postReceive: [throwOnOsviError, unwrapData] },
				},
			},
		],
		default: 'startSession',
	},
	...startSession.properties,
	...sendMessage.properties,
	...closeSession.properties,
];
