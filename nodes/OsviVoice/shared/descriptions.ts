import type { INodeProperties } from 'n8n-workflow';

import { agentLocator } from '../../OsviChat/shared/descriptions';
import { requireAgentId } from '../../OsviChat/shared/validation';
import { requireCallId, requireCampaignId } from './validation';

/*
 * Fields several operations share, defined once; operations add `displayOptions`. The agent picker
 * is OSVI Chat's (same list search, same check), sent in the body or, for reads, the query.
 */

export const COST_WARNING =
	'Places real phone calls to real people, and every call costs money, also when an AI Agent uses this node as a tool';

export const agent = (where: 'body' | 'query' = 'body'): INodeProperties => ({
	...agentLocator,
	description: 'The OSVI voice agent',
	hint: 'The list shows the account’s active agents; enter an ID with By ID for any other',
	routing: { send: { type: where, property: 'agent_uuid', preSend: [requireAgentId('agent')] } },
});

/** Path of a call endpoint; the call ID is checked before the request. */
export const callPath = (suffix = '') => `=/v1/call/{{encodeURIComponent(String($parameter.callId).trim())}}${suffix}`;

export const callId: INodeProperties = {
	displayName: 'Call ID',
	name: 'callId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '7e0c1f7a-53c1-4b9f-9a57-2f8e4d6b1c20',
	description: 'The call’s ID, as returned by Call → Start or Get Many',
	routing: { send: { preSend: [requireCallId] } },
};

export const campaignPath = (suffix: string) =>
	`=/v1/campaigns/{{encodeURIComponent(String($parameter.campaignId).trim())}}/${suffix}`;

export const campaignId: INodeProperties = {
	displayName: 'Campaign ID',
	name: 'campaignId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '101',
	description: 'The campaign’s numeric ID, from the OSVI dashboard (campaigns are created there)',
	routing: { send: { preSend: [requireCampaignId] } },
};
