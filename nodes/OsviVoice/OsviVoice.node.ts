import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routedRequest, subtitleOf, withRetryAndRateLimit } from '../shared';
import { searchAgents } from '../OsviChat/listSearch/searchAgents';
import { OSVI, OSVI_REQUEST_DEFAULTS } from '../OsviChat/shared/api';
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
		subtitle: subtitleOf({
			'call:get': 'Get call',
			'call:getAll': 'Get many calls',
			'call:getRecording': 'Get call recording',
			'call:getTranscript': 'Get call transcript',
			'call:start': 'Start call',
			'campaign:addContacts': 'Add contacts to campaign',
			'campaign:getStatus': 'Get campaign status',
			'doNotDisturb:add': 'Add to Do Not Disturb',
			'doNotDisturb:getAll': 'Get many Do Not Disturb numbers',
			'doNotDisturb:remove': 'Remove from Do Not Disturb',
		}),
		description: 'Phone calls by OSVI AI voice agents: start calls, read results, transcripts and recordings, campaigns and Do Not Disturb',
		defaults: { name: 'OSVI Voice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'osviApi', required: true }],
		requestDefaults: OSVI_REQUEST_DEFAULTS,
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
