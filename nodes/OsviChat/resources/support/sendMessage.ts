import { updateDisplayOptions } from 'n8n-workflow';
import { operatorMessage, sessionId, simplify } from '../../shared/descriptions';

export const sendMessageDescription = updateDisplayOptions(
	{ show: { resource: ['support'], operation: ['sendMessage'] } },
	[
		sessionId,
		{ ...operatorMessage, description: 'The text the customer receives from the operator' },
		simplify,
	],
);
