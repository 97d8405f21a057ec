import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routedRequest, subtitleOf, withRetryAndRateLimit } from '../shared';
import { searchAgents } from './listSearch/searchAgents';
import { agentDescription } from './resources/agent';
import { legacyDescription } from './resources/legacy';
import { messageDescription } from './resources/message';
import { sessionDescription } from './resources/session';
import { supportDescription } from './resources/support';
import { OSVI, OSVI_REQUEST_DEFAULTS } from './shared/api';

export class OsviChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OSVI Chat',
		name: 'osviChat',
		icon: { light: 'file:../../icons/osvi.svg', dark: 'file:../../icons/osvi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf({
			'agent:getAll': 'Get many agents',
			'legacy:closeSession': 'Close legacy session (deprecated)',
			'legacy:sendMessage': 'Send legacy message (deprecated)',
			'legacy:startSession': 'Start legacy session (deprecated)',
			'message:send': 'Send message',
			'session:close': 'Close session',
			'session:create': 'Create session',
			'session:getActive': 'Get active sessions',
			'session:injectContext': 'Inject context',
			'support:end': 'Hand back to AI',
			'support:sendMessage': 'Send operator message',
			'support:takeover': 'Take over',
			'support:tell': 'Tell agent',
			'support:whisper': 'Whisper to agent',
		}),
		description: 'Chat with OSVI AI agents: sessions, customer messages and operator takeover',
		defaults: { name: 'OSVI Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'osviApi', required: true }],
		requestDefaults: OSVI_REQUEST_DEFAULTS,
		// Every request goes through this one function: retries and the rate limit (nodes/shared).
		requestOperations: { pagination: routedRequest(OSVI) },
		properties: withRetryAndRateLimit(OSVI, [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				// Legacy last, so the node panel lists its deprecated actions after the current ones.
				// eslint-disable-next-line n8n-nodes-base/node-param-options-type-unsorted-items
				options: [
					{ name: 'Agent', value: 'agent', description: 'The account’s agents and their IDs' },
					{ name: 'Message', value: 'message', description: 'A customer’s message to an agent, and the agent’s reply' },
					{ name: 'Session', value: 'session', description: 'A customer’s chat with one agent: create, look up, add context, close' },
					{ name: 'Support', value: 'support', description: 'A human operator in a session: take over, tell, whisper, hand back' },
					{ name: 'Legacy (Deprecated)', value: 'legacy', description: 'OSVI’s older chat endpoints, which it is deprecating' },
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
