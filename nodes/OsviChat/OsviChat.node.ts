import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routedRequest, withRetryAndRateLimit } from '../shared';
import { searchAgents } from './listSearch/searchAgents';
import { agentDescription } from './resources/agent';
import { legacyDescription } from './resources/legacy';
import { messageDescription } from './resources/message';
import { sessionDescription } from './resources/session';
import { supportDescription } from './resources/support';
import { OSVI } from './shared/api';

export class OsviChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OSVI Chat',
		name: 'osviChat',
		icon: { light: 'file:../../icons/osvi.svg', dark: 'file:../../icons/osvi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Chat with OSVI AI agents: sessions, customer messages and operator takeover',
		defaults: { name: 'OSVI Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'osviApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			// Failed calls reach the shared postReceive, which reads OSVI's own error code.
			ignoreHttpStatusErrors: true,
		},
		// Every request goes through this one function: retries and the rate limit (nodes/shared).
		requestOperations: { pagination: routedRequest(OSVI) },
		properties: withRetryAndRateLimit(OSVI, [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Legacy', value: 'legacy' },
					{ name: 'Message', value: 'message' },
					{ name: 'Session', value: 'session' },
					{ name: 'Support', value: 'support' },
				],
				default: 'message',
			},
			...sessionDescription,
			...messageDescription,
			...supportDescription,
			...agentDescription,
			...legacyDescription,
		]),
	};

	methods = {
		listSearch: { searchAgents },
	};
}
