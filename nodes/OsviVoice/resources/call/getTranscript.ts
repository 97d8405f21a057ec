import { updateDisplayOptions } from 'n8n-workflow';

import { callId } from '../../shared/descriptions';

export const getTranscriptDescription = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['getTranscript'] } },
	[
		callId,
		{
			displayName: 'One Item per Turn',
			name: 'splitTurns',
			type: 'boolean',
			default: false,
			description:
				'Whether to return each turn of the conversation as its own item (its fields as OSVI sends them) instead of one item with the whole transcript',
		},
	],
);
