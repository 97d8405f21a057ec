import { updateDisplayOptions } from 'n8n-workflow';
import { operatorMessage, sessionId, simplify } from '../../shared/descriptions';

export const whisperDescription = updateDisplayOptions(
	{ show: { resource: ['support'], operation: ['whisper'] } },
	[
		sessionId,
		{ ...operatorMessage, description: 'Private guidance the agent uses for its next reply' },
		simplify,
	],
);
