import { booleanField, operationFields, returnAllAndLimitFields } from '../../../shared/fields';
import { sessionId } from '../../shared/fields';

export const fields = operationFields({ resource: 'message', operation: 'getHistory' }, [
	sessionId,
	...returnAllAndLimitFields,
	booleanField({
		displayName: 'Simplify',
		name: 'simplify',
		default: true,
		description:
			'Whether to return one flat item per event (type, sender, text, attachments) instead of the raw data',
	}),
]);
