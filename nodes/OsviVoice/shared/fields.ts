import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { idField, type Field, type Where } from '../../shared/fields';
import { asText, invalidInput, placeInRequest } from '../../shared/fields/checks';
import { agentField } from '../../OsviChat/shared/fields';
import { COUNTRIES } from './countries';
import { checks, type Fail } from './validation';

/*
 * Fields several operations share, each defined once (nodes/shared/fields); the node keeps one
 * property entry per name. The agent picker is OSVI Chat's: same list search, same check.
 */

export const COST_WARNING =
	'Places real phone calls to real people, and every call costs money, also when an AI Agent uses this node as a tool';

/** The agent, sent as `agent_uuid` in the body or, for reads and Remove, the query. */
export function agent(where: Where = 'body'): Field {
	const field = agentField({ in: where });
	const [property] = field.properties;
	return {
		...field,
		properties: [
			{
				...property,
				description: 'The OSVI voice agent',
				hint: 'The list shows the account’s active agents; enter an ID with By ID for any other',
			},
		],
	};
}

/** Path of a call endpoint; the call ID is checked before the request. */
export const callPath = (suffix = '') => `=/v1/call/{{encodeURIComponent(String($parameter.callId).trim())}}${suffix}`;

export const callId = idField({
	displayName: 'Call ID',
	name: 'callId',
	pattern: checks.CALL_ID,
	messages: {
		empty: 'Call ID is empty. Use the call_id from Call → Start or Get Many.',
		invalid: (value) => `Call ID "${value}" is not an OSVI call ID. Use the call_id from Call → Start or Get Many.`,
	},
	placeholder: '7e0c1f7a-53c1-4b9f-9a57-2f8e4d6b1c20',
	description: 'The call’s ID, as returned by Call → Start or Get Many',
});

export const campaignPath = (suffix: string) =>
	`=/v1/campaigns/{{encodeURIComponent(String($parameter.campaignId).trim())}}/${suffix}`;

export const campaignId = idField({
	displayName: 'Campaign ID',
	name: 'campaignId',
	pattern: checks.CAMPAIGN_ID,
	messages: {
		empty: 'Campaign ID is empty. Copy the campaign’s numeric ID from the OSVI dashboard.',
		invalid: (value) => `Campaign ID "${value}" is not a campaign ID. Campaign IDs are whole numbers; copy it from the OSVI dashboard.`,
	},
	placeholder: '101',
	description: 'The campaign’s numeric ID, from the OSVI dashboard (campaigns are created there)',
});

const failIn =
	(context: IExecuteSingleFunctions): Fail =>
	(message, description) =>
		invalidInput(context, message, description);

/** A text field sent after `rule` checked and cleaned it. */
function checkedText(
	spec: { name: string; displayName: string; property: string; in: 'body' | 'query'; placeholder: string; description: string },
	rule: (value: string, fail: Fail) => string,
): Field {
	return {
		properties: [
			{
				displayName: spec.displayName,
				name: spec.name,
				type: 'string',
				default: '',
				required: true,
				placeholder: spec.placeholder,
				description: spec.description,
			},
		],
		async send(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
			const value = asText(this, this.getNodeParameter(spec.name, ''), spec.displayName);
			placeInRequest(requestOptions, spec.in, spec.property, rule(value, failIn(this)));
			return requestOptions;
		},
	};
}

export const nationalPhone = checkedText(
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		property: 'phone_number',
		in: 'body',
		placeholder: '9876543210',
		description: 'The number to call, digits only and without the country code',
	},
	checks.nationalPhone,
);

/** A Do-Not-Disturb number, in the body (Add) or the query (Remove). */
export const dndPhone = (where: 'body' | 'query') =>
	checkedText(
		{
			displayName: 'Phone Number',
			name: 'phone',
			property: 'phone',
			in: where,
			placeholder: '9876543210',
			description: 'The number; OSVI stores it in international form, such as +919876543210',
		},
		(value, fail) => checks.anyPhone(value, 'Phone Number', fail),
	);

export const countryCode: Field = {
	properties: [
		{
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'options',
			options: COUNTRIES.map(([code, name]) => ({ name: `${name} (${code})`, value: code })),
			default: 'IN',
			required: true,
			description: 'The country of the phone number (ISO 3166-1 alpha-2); OSVI checks the number against it',
		},
	],
	async send(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = asText(this, this.getNodeParameter('countryCode', ''), 'Country Code');
		placeInRequest(requestOptions, 'body', 'country_code', checks.countryCode(value, failIn(this)));
		return requestOptions;
	},
};
