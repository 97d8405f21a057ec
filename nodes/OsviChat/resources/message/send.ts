import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { agentLocator, content, customerId, sessionId, simplify } from '../../shared/descriptions';
import { requireSessionId } from '../../shared/validation';

const properties: INodeProperties[] = [
	agentLocator,
	customerId,
	content,
	{
		...sessionId,
		required: false,
		description:
			'Send into this session; leave empty to use the customer’s active session with the agent, which OSVI creates if needed',
		routing: {
			send: {
				type: 'body',
				property: 'session_id',
				value: '={{ $value || undefined }}',
				preSend: [requireSessionId('sessionId', { optional: true })],
			},
		},
	},
	simplify,
];

export const sendDescription = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	properties,
);
