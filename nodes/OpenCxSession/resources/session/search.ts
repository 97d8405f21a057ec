import { collectionField, operationFields, textField } from '../../../shared/fields';
import { searchContactId } from '../../shared/fields';

export const fields = operationFields({ resource: 'session', operation: 'search' }, [
	textField({
		displayName: 'Query',
		name: 'query',
		property: 'q',
		in: 'query',
		required: 'Query must not be empty',
		placeholder: 'e.g. alice@example.com',
		description: 'A name, email, phone number or keyword; returns matching contacts and messages',
	}),
	collectionField({ displayName: 'Options', name: 'options', placeholder: 'Add Option', options: [searchContactId] }),
]);
