import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { sessionId, simplify } from '../../shared/descriptions';
import { textParameter } from '../../../shared/input';

const properties: INodeProperties[] = [
	sessionId,
	{
		displayName: 'Context',
		name: 'context',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'One free-text entry to add to the session’s context, such as a summary of an earlier call',
		hint: 'OSVI keeps only the latest 5 entries and drops the oldest',
		routing: {
			send: {
				type: 'body',
				property: 'context',
				preSend: [
					textParameter('context', 'Context', 'context', {
						required: 'Context is empty. Enter the text to add to the session.',
					}),
				],
			},
		},
	},
	simplify,
];

export const injectContextDescription = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['injectContext'] } },
	properties,
);
