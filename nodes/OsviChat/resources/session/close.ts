import { updateDisplayOptions } from 'n8n-workflow';
import { sessionId, simplify } from '../../shared/descriptions';

export const closeDescription = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['close'] } },
	[sessionId, simplify],
);
