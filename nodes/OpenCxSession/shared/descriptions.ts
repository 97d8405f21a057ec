import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { textParameter } from '../../shared/fields/routedChecks';

import {
	customDataParameter,
	dateParameter,
	emailParameter,
	validateContactId,
	validateSessionId,
} from './validation';

const UUID_PLACEHOLDER = 'e.g. 3c90c3cc-0d44-4b50-8888-8dd25736052a';

export function sessionIdField(
	displayOptions: IDisplayOptions,
	description = 'ID of the chat session (a UUID), as returned by Create or Get Many',
): INodeProperties {
	return {
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: UUID_PLACEHOLDER,
		description,
		displayOptions,
		routing: { send: { preSend: [validateSessionId] } },
	};
}

/** `bodyProperty` also sends the id in the body; otherwise operations put it in their URL. */
export function contactIdField(
	displayOptions: IDisplayOptions,
	description = 'ID of the contact (a UUID), as returned by Create or Get Many',
	bodyProperty?: string,
): INodeProperties {
	return {
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: UUID_PLACEHOLDER,
		description,
		displayOptions,
		routing: {
			send: bodyProperty
				? { type: 'body', property: bodyProperty, preSend: [validateContactId] }
				: { preSend: [validateContactId] },
		},
	};
}

/** Session-level custom data, a flat object; `parameterPath` is where the field sits. */
export function sessionCustomDataField(parameterPath: string, description: string): INodeProperties {
	return {
		displayName: 'Session Custom Data',
		name: parameterPath.split('.').pop() as string,
		type: 'json',
		default: '{}',
		description,
		routing: {
			send: {
				preSend: [customDataParameter('session', parameterPath, 'custom_data', 'Session Custom Data')],
			},
		},
	};
}

export const SESSION_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Closed (Resolved)', value: 'closed_resolved' },
	{ name: 'Closed (Unresolved)', value: 'closed_unresolved' },
	{ name: 'Open', value: 'open' },
];

export const CHANNEL_OPTIONS: INodePropertyOptions[] = [
	{ name: 'API', value: 'api' },
	{ name: 'Email', value: 'email' },
	{ name: 'Instagram', value: 'instagram' },
	{ name: 'Messenger', value: 'messenger' },
	{ name: 'Phone (Voice)', value: 'phone_voice' },
	{ name: 'Slack', value: 'slack' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'Web', value: 'web' },
	{ name: 'Web (Voice)', value: 'web_voice' },
	{ name: 'WhatsApp', value: 'whatsapp' },
];

interface ContactDetailOptions {
	/** Name of the collection the options sit in, for the validators. */
	collection: string;
	/** open.cx calls the phone `phone` on contact input but `phone_number` on sessions and sends. */
	phoneKey: 'phone' | 'phone_number';
	withAvatar?: boolean;
}

/** Name, email, phone and custom data of a contact, sent as `body.contact.*`. */
export function contactDetailOptions({ collection, phoneKey, withAvatar }: ContactDetailOptions): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Avatar URL',
			name: 'avatarUrl',
			type: 'string',
			default: '',
			description: "URL of the contact's picture",
			routing: {
				send: {
					type: 'body',
					property: 'contact.avatar_url',
					preSend: [textParameter(`${collection}.avatarUrl`, 'Avatar URL', 'contact.avatar_url')],
				},
			},
		},
		{
			displayName: 'Contact Custom Data',
			name: 'customData',
			type: 'json',
			default: '{}',
			description:
				'Attributes stored on the contact, as a flat JSON object of string values, e.g. {"plan": "pro"}. Merged into what the contact already has.',
			routing: {
				send: {
					preSend: [customDataParameter('contact', `${collection}.customData`, 'contact.custom_data', 'Contact Custom Data')],
				},
			},
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "The contact's email address",
			routing: {
				send: { type: 'body', property: 'contact.email', preSend: [emailParameter(`${collection}.email`)] },
			},
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: "The contact's full name",
			routing: {
				send: { type: 'body', property: 'contact.name', preSend: [textParameter(`${collection}.name`, 'Name', 'contact.name')] },
			},
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: 'e.g. +15550000001',
			description: "The contact's phone number, with country code",
			routing: {
				send: {
					type: 'body',
					property: `contact.${phoneKey}`,
					preSend: [textParameter(`${collection}.phone`, 'Phone', `contact.${phoneKey}`)],
				},
			},
		},
	];
	return withAvatar ? options : options.filter((option) => option.name !== 'avatarUrl');
}

function dateFilter(collection: string, displayName: string, name: string, queryKey: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'dateTime',
		default: '',
		description: `Only include items ${displayName.toLowerCase()} this moment`,
		routing: { send: { preSend: [dateParameter(`${collection}.${name}`, displayName, queryKey)] } },
	};
}

/** created/updated after/before, the date filters every open.cx cursor list accepts. */
export function dateRangeFilters(collection: string): INodeProperties[] {
	return [
		dateFilter(collection, 'Created After', 'createdAfter', 'created_after'),
		dateFilter(collection, 'Created Before', 'createdBefore', 'created_before'),
		dateFilter(collection, 'Updated After', 'updatedAfter', 'updated_after'),
		dateFilter(collection, 'Updated Before', 'updatedBefore', 'updated_before'),
	];
}
