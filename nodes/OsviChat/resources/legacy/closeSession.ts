import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { agentLocator, sessionId, simplify } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'OSVI is deprecating this endpoint. Use Session → Close for new workflows.',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
	},
	agentLocator,
	{ ...sessionId, description: 'The session ID returned by Legacy → Start Session' },
	simplify,
];

export const closeSessionDescription = updateDisplayOptions(
	{ show: { resource: ['legacy'], operation: ['closeSession'] } },
	properties,
);
