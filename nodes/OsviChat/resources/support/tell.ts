import { updateDisplayOptions } from 'n8n-workflow';
import { operatorMessage, sessionId, simplify } from '../../shared/descriptions';

export const tellDescription = updateDisplayOptions(
	{ show: { resource: ['support'], operation: ['tell'] } },
	[
		sessionId,
		{ ...operatorMessage, description: 'What the agent should tell the customer; the agent words the reply' },
		simplify,
	],
);
