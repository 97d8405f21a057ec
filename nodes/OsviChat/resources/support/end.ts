import { updateDisplayOptions } from 'n8n-workflow';
import { sessionId, simplify } from '../../shared/descriptions';

export const endDescription = updateDisplayOptions(
	{ show: { resource: ['support'], operation: ['end'] } },
	[sessionId, simplify],
);
