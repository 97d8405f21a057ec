import type { INodeProperties } from 'n8n-workflow';
import { throwOnOsviError } from '../../shared/errors';
import { activeSessions, unwrapData } from '../../shared/output';
import { sessionPath } from '../../shared/fields';
import { fields as close } from './close';
import { fields as create } from './create';
import { fields as getActive } from './getActive';
import { fields as injectContext } from './injectContext';

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Close',
				value: 'close',
				action: 'Close a session',
				description:
					'Close a session permanently (cannot be undone); the customer’s next message starts a new session',
				routing: {
					request: { method: 'POST', url: sessionPath('support'), body: { command: 'close' } },
					send: { preSend: close.preSend },
					output: { postReceive: [throwOnOsviError, unwrapData] },
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a session',
				description:
					'Open a session for a customer with an agent; closes the customer’s active session with that agent, if any',
				routing: {
					request: { method: 'POST', url: '/v1/chat/session' },
					send: { preSend: create.preSend },
					output: { postReceive: [throwOnOsviError, unwrapData] },
				},
			},
			{
				name: 'Get Active',
				value: 'getActive',
				action: 'Get the active sessions of a customer',
				description:
					'Look up a customer’s active session with one agent, or all their active sessions (one item per agent); no active session returns no items',
				routing: {
					request: { method: 'GET', url: '/v1/chat/session/active' },
					send: { preSend: getActive.preSend },
					// Its own error check: a 404 there means "no active session".
					output: { postReceive: [activeSessions] },
				},
			},
			{
				name: 'Inject Context',
				value: 'injectContext',
				action: 'Inject context into a session',
				description:
					'Add one free-text context entry to a running session, such as a summary of an earlier call',
				routing: {
					request: { method: 'POST', url: sessionPath('inject_context') },
					send: { preSend: injectContext.preSend },
					output: { postReceive: [throwOnOsviError, unwrapData] },
				},
			},
		],
		default: 'create',
	},
	...close.properties,
	...create.properties,
	...getActive.properties,
	...injectContext.properties,
];
