import type { IExecuteSingleFunctions, INodeExecutionData, IN8nHttpFullResponse } from 'n8n-workflow';

import { invalidInput, isObject, placeInRequest, shown } from '../../../shared/fields/checks';
import { collectionField, operationFields, textField, type Field } from '../../../shared/fields';
import { unexpectedResponseError } from '../../shared/errors';
import { EMAIL, jsonObjectField } from '../../shared/fields';
import { WIDGET_LANGUAGES } from './widgetLanguages';

/*
 * POST /widget/authenticate-user (opencx.md §4.6): the verified way to tell the web widget who the
 * visitor is. The body is flat and mixes cases as documented: `avatar_url`, `chat_context`,
 * `http_action_overrides`, but `customData`.
 */

const languageCodes = new Set(WIDGET_LANGUAGES.map((language) => language.value));

const language: Field = {
	properties: [
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			default: 'en',
			options: WIDGET_LANGUAGES,
			description: 'The language the widget speaks to this user',
		},
	],
	place: (context, value, requestOptions) => {
		if (!languageCodes.has(String(value))) {
			invalidInput(context, `Language must be one of open.cx's language codes (en, fr, de, …), got "${shown(value)}"`);
		}
		placeInRequest(requestOptions, 'body', 'language', value);
	},
};

const OVERRIDE_KEYS = ['query_params', 'path_params', 'body_params', 'headers'];

const httpActionOverrides = jsonObjectField({
	displayName: 'HTTP Action Overrides',
	name: 'httpActionOverrides',
	property: 'http_action_overrides',
	description:
		'Parameters for the AI Actions run for this user, overriding the organization’s: {"headers": {…}, "query_params": {…}, "path_params": {…}, "body_params": {…}}',
	example: '{"headers": {"X-Customer-Id": "c_42"}}',
	check: (context, overrides) => {
		for (const [key, value] of Object.entries(overrides)) {
			if (!OVERRIDE_KEYS.includes(key)) {
				invalidInput(context, `HTTP Action Overrides has an unknown key "${shown(key)}"; use ${OVERRIDE_KEYS.join(', ')}`);
			}
			if (!isObject(value)) invalidInput(context, `HTTP Action Overrides "${key}" must be a JSON object, got ${shown(value)}`);
		}
	},
});

export const fields = operationFields({ resource: 'contact', operation: 'authenticateWidgetUser' }, [
	textField({
		displayName: 'Email',
		name: 'email',
		property: 'email',
		required: 'Email is empty. Enter the email address of the user to authenticate.',
		format: EMAIL,
		placeholder: 'name@email.com',
		description: 'The email address of the user to authenticate; open.cx finds or creates the contact by it',
	}),
	collectionField({
		displayName: 'Additional Fields',
		name: 'additionalFields',
		placeholder: 'Add Field',
		options: [
			textField({
				displayName: 'Avatar URL',
				name: 'avatarUrl',
				property: 'avatar_url',
				description: "URL of the user's picture",
			}),
			textField({
				displayName: 'Chat Context',
				name: 'chatContext',
				property: 'chat_context',
				typeOptions: { rows: 2 },
				description: 'Extra context the AI agent gets when it answers this user',
			}),
			jsonObjectField({
				displayName: 'Custom Data',
				name: 'customData',
				property: 'customData',
				description: 'Attributes stored on the contact as verified data, as a JSON object, e.g. {"plan": "pro"}',
				example: '{"plan": "pro"}',
			}),
			httpActionOverrides,
			language,
			textField({ displayName: 'Name', name: 'name', property: 'name', description: "The user's full name" }),
			textField({
				displayName: 'Phone',
				name: 'phone',
				property: 'phone',
				format: { pattern: /^\+[0-9][0-9 ()-]{5,}$/, what: 'a phone number with its country code, like +14155550100' },
				placeholder: '+14155550100',
				description: "The user's phone number, including the country code",
			}),
		],
	}),
]);

/**
 * The item: the widget token and the contact it stands for. open.cx answers `{ token }` in older
 * versions and `{ token, contact: { id } }` in newer ones; the contact id is null when it is not said.
 */
export async function widgetToken(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body;
	if (!isObject(body) || typeof body.token !== 'string' || body.token === '') {
		// Only the keys: whatever came back may hold a token.
		throw unexpectedResponseError(this, 'no token in the widget authentication answer', isObject(body) ? { keys: Object.keys(body) } : typeof body);
	}
	const contact = isObject(body.contact) ? body.contact : {};
	return [{ json: { token: body.token, contactId: typeof contact.id === 'string' ? contact.id : null } }];
}
