import type { INodeProperties } from 'n8n-workflow';

import {
	CHANNEL_OPTIONS,
	contactDetailOptions,
	contactIdField,
	sessionCustomDataField,
} from '../../shared/descriptions';

const showOnlyForCreate = { show: { resource: ['session'], operation: ['create'] } };

export const sessionCreateDescription: INodeProperties[] = [
	{
		displayName: 'Contact',
		name: 'contactMode',
		type: 'options',
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
		displayOptions: showOnlyForCreate,
	},
	contactIdField(
		{ show: { ...showOnlyForCreate.show, contactMode: ['id'] } },
		'ID of an existing contact (a UUID) to link to the session',
		'contact_id',
	),
	{
		displayName: 'Contact Details',
		name: 'contact',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		displayOptions: { show: { ...showOnlyForCreate.show, contactMode: ['details'] } },
		options: contactDetailOptions({ collection: 'contact', phoneKey: 'phone_number' }),
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: CHANNEL_OPTIONS,
		default: 'api',
		description: 'Channel the conversation happens on',
		displayOptions: showOnlyForCreate,
		routing: { send: { type: 'body', property: 'channel.type' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showOnlyForCreate,
		options: [
			sessionCustomDataField(
				'additionalFields.customData',
				'Attributes stored on the session, as a flat JSON object of strings, numbers and booleans, e.g. {"order_id": "ord_123", "cart_value": 149.99}',
			),
			{
				displayName: 'Verified',
				name: 'verified',
				type: 'boolean',
				default: false,
				description:
					'Whether your system vouches for the contact details; unverified details are kept apart as non-verified data',
				routing: { send: { type: 'body', property: 'verified' } },
			},
		],
	},
];
