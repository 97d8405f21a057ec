import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { routedRequest, subtitleOf, withRetryAndRateLimit } from '../shared';

import { searchContacts } from './listSearch/searchContacts';
import { searchSessions } from './listSearch/searchSessions';
import { contactDescription } from './resources/contact';
import { messageDescription } from './resources/message';
import { redactionDescription } from './resources/redaction';
import { sessionDescription } from './resources/session';
import { OPEN_CX } from './shared/api';

export class OpenCxSession implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'open.cx Session',
		name: 'openCxSession',
		icon: { light: 'file:../../icons/opencx.svg', dark: 'file:../../icons/opencx.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf({
			'contact:authenticateWidgetUser': 'Authenticate widget user',
			'contact:create': 'Create contact',
			'contact:delete': 'Delete contact',
			'contact:getAll': 'Get many contacts',
			'contact:update': 'Update contact',
			'message:getHistory': 'Get history',
			'message:send': 'Send message',
			'redaction:redactMessage': 'Redact message',
			'redaction:redactSession': 'Redact session',
			'session:create': 'Create session',
			'session:filter': 'Filter sessions',
			'session:get': 'Get session',
			'session:getAll': 'Get many sessions',
			'session:search': 'Search sessions',
			'session:updateStatus': 'Update status',
		}),
		description:
			"Run open.cx chat sessions: create sessions, send messages and get the AI's reply, hand over to humans, manage contacts",
		defaults: { name: 'open.cx Session' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openCxApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		// Every request goes through this one function, unless its operation pages (shared/pagination.ts).
		requestOperations: { pagination: routedRequest(OPEN_CX) },
		properties: withRetryAndRateLimit(OPEN_CX, [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact', description: 'People who talk to you; kept across sessions' },
					{ name: 'Message', value: 'message', description: 'Messages in a session, and its history' },
					{
						name: 'Redaction',
						value: 'redaction',
						description: 'Permanently replace personal data in a session or message with [REDACTED]',
					},
					{ name: 'Session', value: 'session', description: 'Chat sessions (conversations) between a contact and your AI or team' },
				],
				default: 'session',
			},
			...sessionDescription,
			...messageDescription,
			...contactDescription,
			...redactionDescription,
		]),
	};

	methods = {
		listSearch: { searchSessions, searchContacts },
	};
}
