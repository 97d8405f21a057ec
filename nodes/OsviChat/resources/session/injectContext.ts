import { operationFields, textField } from '../../../shared/fields';
import { sessionId, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'session', operation: 'injectContext' }, [
	sessionId,
	textField({
		displayName: 'Context',
		name: 'context',
		property: 'context',
		required: 'Context is empty. Enter the text to add to the session.',
		typeOptions: { rows: 3 },
		description: 'One free-text entry to add to the session’s context, such as a summary of an earlier call',
		hint: 'OSVI keeps only the latest 5 entries and drops the oldest',
	}),
	simplify,
]);
