import type { INodeProperties } from 'n8n-workflow';
import { throwOnOsviError } from '../../shared/errors';
import { unwrapData } from '../../shared/output';
import { sessionPath } from '../../shared/descriptions';
import { closeDescription } from './close';
import { createDescription } from './create';
import { getActiveDescription, splitActiveSessions } from './getActive';
import { injectContextDescription } from './injectContext';

const showOnlyForSession = { resource: ['session'] };

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForSession },
		options: [
			{
				name: 'Close',
				value: 'close',
				action: 'Close a session',
				description:
					'Close a session permanently (cannot be undone); the customer’s next message starts a new session',
				routing: {
					request: { method: 'POST', url: sessionPath('support'), body: { command: 'close' } },
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
					output: { postReceive: [throwOnOsviError, unwrapData] },
				},
			},
			{
				name: 'Get Active',
				value: 'getActive',
				action: 'Get the active sessions of a customer',
				description:
					'Look up a customer’s active session with one agent, or all their active sessions (one item per agent)',
				routing: {
					request: { method: 'GET', url: '/v1/chat/session/active' },
					output: { postReceive: [throwOnOsviError, splitActiveSessions] },
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
					output: { postReceive: [throwOnOsviError, unwrapData] },
				},
			},
		],
		default: 'create',
	},
	...createDescription,
	...getActiveDescription,
	...injectContextDescription,
	...closeDescription,
];
