import { collectionField, operationFields } from '../../../shared/fields';
import { contactDetails, contactId } from '../../shared/fields';

export const fields = operationFields({ resource: 'contact', operation: 'update' }, [
	contactId,
	collectionField({
		displayName: 'Update Fields',
		name: 'updateFields',
		placeholder: 'Add Field',
		requireOne: true,
		options: contactDetails({ phoneKey: 'phone' }),
	}),
]);
