import type { IDisplayOptions, IExecuteSingleFunctions, INodePropertyOptions } from 'n8n-workflow';

import { invalidInput, placeInRequest, shown } from '../../shared/fields/checks';
import { collectionField, customField, dateField, idField, jsonField, textField, type Field, type Where } from '../../shared/fields';

/*
 * Fields several open.cx operations share, each defined once (nodes/shared/fields). Ids go into
 * the URL (`{sessionId}`, `{contactId}` in the operation's `request.url`) or the body.
 */

// The id pattern open.cx documents for sessions and contacts: RFC 9562 v1–8, plus nil and max.
const UUID_PATTERN =
	/^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

const UUID_PLACEHOLDER = 'e.g. 3c90c3cc-0d44-4b50-8888-8dd25736052a';
const UUID_EXAMPLE = 'open.cx ids look like 3c90c3cc-0d44-4b50-8888-8dd25736052a.';

function uuidField(options: {
	name: string;
	displayName: string;
	description: string;
	property?: string;
	in?: Where;
	shownWhen?: NonNullable<IDisplayOptions['show']>;
}): Field {
	const { displayName } = options;
	return idField({
		...options,
		pattern: UUID_PATTERN,
		placeholder: UUID_PLACEHOLDER,
		messages: {
			empty: `${displayName} must be a UUID, got ""`,
			invalid: (value) => `${displayName} must be a UUID, got "${value}"`,
			emptyDescription: UUID_EXAMPLE,
			invalidDescription: UUID_EXAMPLE,
		},
	});
}

/** The session in the operation's URL (`{sessionId}`). */
export const sessionId = uuidField({
	displayName: 'Session ID',
	name: 'sessionId',
	in: 'path',
	description: 'ID of the chat session (a UUID), as returned by Create or Get Many',
});

/** The contact in the operation's URL (`{contactId}`). */
export const contactId = uuidField({
	displayName: 'Contact ID',
	name: 'contactId',
	in: 'path',
	description: 'ID of the contact (a UUID), as returned by Create or Get Many',
});

/** An existing contact linked to a new session, sent as `contact_id`. */
export const linkedContactId = uuidField({
	displayName: 'Contact ID',
	name: 'contactId',
	property: 'contact_id',
	description: 'ID of an existing contact (a UUID) to link to the session',
	shownWhen: { contactMode: ['id'] },
});

/** Only search this contact: `contact_id` in the query, inside Session → Search's options. */
export const searchContactId = uuidField({
	displayName: 'Contact ID',
	name: 'contactId',
	property: 'contact_id',
	in: 'query',
	description: "Only search this contact and their sessions' messages",
});

type CustomDataKind = 'session' | 'contact';

/**
 * Custom data checked the way open.cx does: flat, with string/number/boolean values on a session
 * and string values on a contact. open.cx answers 400 otherwise; failing here names the key.
 */
function flatCustomData(kind: CustomDataKind, label: string) {
	return (context: IExecuteSingleFunctions, data: Record<string, unknown>) => {
		const allowed = kind === 'session' ? ['string', 'number', 'boolean'] : ['string'];
		for (const [key, value] of Object.entries(data)) {
			const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
			if (allowed.includes(type) && (type !== 'number' || Number.isFinite(value))) continue;
			invalidInput(
				context,
				`${label} key "${key}" must be ${kind === 'session' ? 'a string, number or boolean' : 'a string'}, got ${type === 'object' ? 'a nested object' : type}`,
				kind === 'session'
					? 'open.cx stores session custom data as a flat object and rejects nested values.'
					: 'open.cx stores contact custom data as strings only.',
			);
		}
	};
}

/** A JSON object field with open.cx's wording for what is not one. */
export function jsonObjectField(options: {
	displayName: string;
	name: string;
	property: string;
	description: string;
	example: string;
	kind?: CustomDataKind;
}): Field {
	const { displayName: label, example, kind } = options;
	return jsonField({
		...options,
		messages: {
			notJson: () => `${label} must be a JSON object, for example ${example}`,
			notObject: (got) => `${label} must be a JSON object, got ${got}`,
		},
		check: kind ? flatCustomData(kind, label) : undefined,
	});
}

/** Additional Fields of a session: its custom data (a flat object sent as `custom_data`), and `more`. */
export function sessionAdditionalFields(customDataDescription: string, more: Field[] = []): Field {
	return collectionField({
		displayName: 'Additional Fields',
		name: 'additionalFields',
		placeholder: 'Add Field',
		options: [
			jsonObjectField({
				displayName: 'Session Custom Data',
				name: 'customData',
				property: 'custom_data',
				description: customDataDescription,
				example: '{"order_id": "ord_123"}',
				kind: 'session',
			}),
			...more,
		],
	});
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

const EMAIL = { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, what: 'an email address' };

/**
 * Name, email, phone and custom data of a contact, sent as `contact.*`, for a collection's options.
 * open.cx calls the phone `phone` on contact input but `phone_number` on sessions and sends.
 */
export function contactDetails({ phoneKey, withAvatar = false }: { phoneKey: 'phone' | 'phone_number'; withAvatar?: boolean }): Field[] {
	return [
		...(withAvatar
			? [
					textField({
						displayName: 'Avatar URL',
						name: 'avatarUrl',
						property: 'contact.avatar_url',
						description: "URL of the contact's picture",
					}),
				]
			: []),
		jsonObjectField({
			displayName: 'Contact Custom Data',
			name: 'customData',
			property: 'contact.custom_data',
			description:
				'Attributes stored on the contact, as a flat JSON object of string values, e.g. {"plan": "pro"}. Merged into what the contact already has.',
			example: '{"order_id": "ord_123"}',
			kind: 'contact',
		}),
		textField({
			displayName: 'Email',
			name: 'email',
			property: 'contact.email',
			format: EMAIL,
			placeholder: 'name@email.com',
			description: "The contact's email address",
		}),
		textField({ displayName: 'Name', name: 'name', property: 'contact.name', description: "The contact's full name" }),
		textField({
			displayName: 'Phone',
			name: 'phone',
			property: `contact.${phoneKey}`,
			placeholder: 'e.g. +15550000001',
			description: "The contact's phone number, with country code",
		}),
	];
}

/** created/updated after/before, the date filters every open.cx cursor list accepts (query). */
export const dateRangeFilters: Field[] = (
	[
		['Created After', 'createdAfter', 'created_after'],
		['Created Before', 'createdBefore', 'created_before'],
		['Updated After', 'updatedAfter', 'updated_after'],
		['Updated Before', 'updatedBefore', 'updated_before'],
	] as const
).map(([displayName, name, property]) =>
	dateField({
		displayName,
		name,
		property,
		in: 'query',
		description: `Only include items ${displayName.toLowerCase()} this moment`,
	}),
);

/**
 * Message → Send's Agent ID: `agent.id` as the number open.cx documents. The field is text (it
 * starts empty); workflows saved when it was a number field still hold a number, and both are accepted.
 */
export function humanAgentId(shownWhen: NonNullable<IDisplayOptions['show']>): Field {
	return customField(
		{
			displayName: 'Agent ID',
			name: 'agentId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 42',
			description: 'The open.cx user ID of the team member sending the message, a whole number',
			hint: "The team member's numeric user ID in open.cx; their comments in a session's history (Get History with Simplify off) carry it as human_agent_id",
			shownWhen,
		},
		(context, value, requestOptions) => {
			const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : undefined;
			if (text === '' || value === null || value === undefined) {
				invalidInput(context, 'Agent ID is required when sending as a human agent', "Enter the team member's open.cx user ID, e.g. 42");
			}
			const id = Number(text);
			if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(id) || id < 1) {
				const got = typeof value === 'string' ? `"${shown(value)}"` : shown(value);
				invalidInput(context, `Agent ID must be a whole number above 0, got ${got}`);
			}
			placeInRequest(requestOptions, 'body', 'agent.id', id);
		},
	);
}
