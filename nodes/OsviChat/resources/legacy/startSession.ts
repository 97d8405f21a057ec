import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { agentLocator, keyValueOrJson, simplify } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'OSVI is deprecating this endpoint. Use Session → Create for new workflows (metadata becomes Input Fields).',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
	},
	agentLocator,
	...keyValueOrJson({
		name: 'metadata',
		displayName: 'Metadata',
		bodyProperty: 'metadata',
		description: 'Data the agent can use during the chat, such as person_name',
	}),
	simplify,
];

export const startSessionDescription = updateDisplayOptions(
	{ show: { resource: ['legacy'], operation: ['startSession'] } },
	properties,
);
