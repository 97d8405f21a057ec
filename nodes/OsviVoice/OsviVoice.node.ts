import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routedRequest, withRetryAndRateLimit } from '../shared';
import { searchAgents } from '../OsviChat/listSearch/searchAgents';
import { OSVI } from '../OsviChat/shared/api';
import { callDescription } from './resources/call';
import { addContacts } from './resources/campaign/addContacts';
import { campaignDescription } from './resources/campaign';
import { doNotDisturbDescription } from './resources/doNotDisturb';

export class OsviVoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OSVI Voice',
		name: 'osviVoice',
		icon: { light: 'file:../../icons/osvi.svg', dark: 'file:../../icons/osvi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Phone calls by OSVI AI voice agents: start calls, read results, transcripts and recordings, campaigns and Do Not Disturb',
		defaults: { name: 'OSVI Voice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'osviApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			// Failed calls reach the shared postReceive, which reads OSVI's own error.
			ignoreHttpStatusErrors: true,
		},
		// Every routed request goes through this one function: retries and the rate limit (nodes/shared).
		requestOperations: { pagination: routedRequest(OSVI) },
		properties: withRetryAndRateLimit(OSVI, [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Call', value: 'call' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Do Not Disturb', value: 'doNotDisturb' },
				],
				default: 'call',
			},
			...callDescription,
			...campaignDescription,
			...doNotDisturbDescription,
		]),
	};

	methods = {
		listSearch: { searchAgents },
	};

	// The one operation routing cannot express: one request per 10,000 items, not one per item.
	customOperations = {
		campaign: { addContacts },
	};
}
