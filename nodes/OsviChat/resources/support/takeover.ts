import { operationFields, textField } from '../../../shared/fields';
import { sessionId, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'support', operation: 'takeover' }, [
	sessionId,
	textField({
		displayName: 'Message',
		name: 'message',
		property: 'message',
		omitWhenEmpty: true,
		typeOptions: { rows: 2 },
		description: 'Optional note to record with the takeover',
	}),
	simplify,
]);
