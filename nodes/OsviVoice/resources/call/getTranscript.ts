import { booleanField, operationFields } from '../../../shared/fields';
import { callId } from '../../shared/fields';

export const fields = operationFields({ resource: 'call', operation: 'getTranscript' }, [
	callId,
	booleanField({
		displayName: 'One Item per Turn',
		name: 'splitTurns',
		description:
			'Whether to return each turn of the conversation as its own item (its fields as OSVI sends them) instead of one item with the whole transcript',
	}),
]);
