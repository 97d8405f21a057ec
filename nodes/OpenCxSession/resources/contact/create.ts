import { collectionField, operationFields } from '../../../shared/fields';
import { contactDetails } from '../../shared/fields';

export const fields = operationFields({ resource: 'contact', operation: 'create' }, [
	collectionField({
		displayName: 'Contact Details',
		name: 'contact',
		placeholder: 'Add Detail',
		description: 'At least one of these is needed',
		requireOne: true,
		options: contactDetails({ phoneKey: 'phone' }),
	}),
]);
