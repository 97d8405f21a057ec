import { booleanField, collectionField, operationFields, optionsField } from '../../../shared/fields';
import { CHANNEL_OPTIONS, contactDetails, linkedContactId, sessionAdditionalFields } from '../../shared/fields';

export const fields = operationFields({ resource: 'session', operation: 'create' }, [
	optionsField({
		displayName: 'Contact',
		name: 'contactMode',
		options: [
			{
				name: 'By Details',
				value: 'details',
				description: 'Create the contact, or update the one with the same email or phone',
			},
			{ name: 'By ID', value: 'id', description: 'Link an existing contact' },
			{ name: 'None', value: 'none', description: 'Start the session without a contact' },
		],
		default: 'details',
		description: 'Who the session is with',
	}),
	linkedContactId,
	collectionField({
		displayName: 'Contact Details',
		name: 'contact',
		placeholder: 'Add Detail',
		options: contactDetails({ phoneKey: 'phone_number' }),
		shownWhen: { contactMode: ['details'] },
	}),
	optionsField({
		displayName: 'Channel',
		name: 'channel',
		options: CHANNEL_OPTIONS,
		default: 'api',
		description: 'Channel the conversation happens on',
		property: 'channel.type',
	}),
	sessionAdditionalFields(
		'Attributes stored on the session, as a flat JSON object of strings, numbers and booleans, e.g. {"order_id": "ord_123", "cart_value": 149.99}',
		[
			booleanField({
				displayName: 'Verified',
				name: 'verified',
				property: 'verified',
				description:
					'Whether your system vouches for the contact details; unverified details are kept apart as non-verified data',
			}),
		],
	),
]);
