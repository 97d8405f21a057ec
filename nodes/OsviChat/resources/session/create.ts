import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { agentLocator, customerId, keyValueOrJson, simplify } from '../../shared/descriptions';
import { requireTextEntries } from '../../shared/validation';

const properties: INodeProperties[] = [
	agentLocator,
	customerId,
	...keyValueOrJson({
		name: 'inputFields',
		displayName: 'Input Fields',
		bodyProperty: 'input_fields',
		description: 'Customer data the agent can use during the chat, such as first_name or account tier',
	}),
	{
		displayName: 'Initial Context',
		name: 'initialContext',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Context Entry' },
		default: [],
		description: 'Free-text notes the agent should know at the start of the chat',
		hint: 'OSVI keeps only the latest 5 entries; add more later with Inject Context',
		routing: {
			send: {
				type: 'body',
				property: 'context',
				// An empty list is left out rather than sent as [].
				value: '={{ $value.length ? $value : undefined }}',
				preSend: [requireTextEntries('initialContext', 'Initial Context')],
			},
		},
	},
	simplify,
];

export const createDescription = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['create'] } },
	properties,
);
