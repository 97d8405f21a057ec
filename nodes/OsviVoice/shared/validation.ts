import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { asText, invalidInput, setInBody, shown } from '../../shared/input';
import { COUNTRIES } from './countries';

/*
 * preSend checks of OSVI Voice: each runs per item before its request, so bad input fails that item
 * naming the field, and nothing is sent (every item is checked before any is sent, nodes/shared).
 * The same rules serve Add Contacts, which reads its items itself (see `checks`).
 */

export const MAX_GREETING = 2000;

const CALL_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|call_[A-Za-z0-9_-]+)$/i;
const CAMPAIGN_ID = /^\d+$/;
const COUNTRY_CODES = new Set(COUNTRIES.map(([code]) => code));
/** Spaces, dots, dashes and brackets people type inside phone numbers. */
const SEPARATORS = /[\s().-]/g;

type Fail = (message: string, description?: string) => never;

/** The rules, given how to fail; they return the value to send. */
export const checks = {
	/** A national number for `POST /v1/call`: digits only, no country code. */
	nationalPhone(value: string, fail: Fail): string {
		const compact = value.replace(SEPARATORS, '');
		if (compact === '') fail('Phone Number is empty. Enter the number to call, without the country code.');
		if (compact.startsWith('+')) {
			fail(
				`Phone Number "${shown(value)}" includes a country code. Enter the number without it, such as 9876543210, and pick the country in Country Code.`,
			);
		}
		if (!/^\d+$/.test(compact)) fail(`Phone Number "${shown(value)}" may contain only digits, such as 9876543210.`);
		if (compact.length < 4 || compact.length > 15) {
			fail(`Phone Number "${shown(value)}" has ${compact.length} digits; a phone number has 4 to 15.`);
		}
		return compact;
	},

	/** A campaign or DND number: digits with an optional leading +, as OSVI normalises them. */
	anyPhone(value: string, label: string, fail: Fail): string {
		const compact = value.replace(SEPARATORS, '');
		if (compact === '') fail(`${label} is empty. Enter a phone number, such as 9876543210 or +919876543210.`);
		if (!/^\+?\d{4,15}$/.test(compact)) {
			fail(`${label} "${shown(value)}" is not a phone number: use digits with an optional leading +, such as +919876543210.`);
		}
		return compact;
	},

	countryCode(value: string, fail: Fail): string {
		const code = value.trim().toUpperCase();
		if (!COUNTRY_CODES.has(code)) {
			fail(`Country Code "${shown(value)}" is not an ISO 3166-1 alpha-2 country code. Use two letters, such as IN or US.`);
		}
		return code;
	},

	callId(value: string, fail: Fail): string {
		const id = value.trim();
		if (id === '') fail('Call ID is empty. Use the call_id from Call → Start or Get Many.');
		if (!CALL_ID.test(id)) fail(`Call ID "${shown(value)}" is not an OSVI call ID. Use the call_id from Call → Start or Get Many.`);
		return id;
	},

	campaignId(value: string, fail: Fail): string {
		const id = value.trim();
		if (!CAMPAIGN_ID.test(id)) {
			fail(`Campaign ID "${shown(value)}" is not a campaign ID. Campaign IDs are whole numbers; copy it from the OSVI dashboard.`);
		}
		return id;
	},
};

function text(context: IExecuteSingleFunctions, name: string, label: string): string {
	return asText(context, context.getNodeParameter(name, '', { extractValue: true }), label);
}

const failIn = (context: IExecuteSingleFunctions): Fail => (message, description) => invalidInput(context, message, description);

/** Checks a text parameter with `rule` and puts the cleaned value at `bodyPath` (or the query). */
function checked(
	name: string,
	label: string,
	where: 'body' | 'query',
	property: string,
	rule: (value: string, fail: Fail) => string,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = rule(text(this, name, label), failIn(this));
		if (where === 'body') setInBody(requestOptions, property, value);
		else requestOptions.qs = { ...(requestOptions.qs ?? {}), [property]: value };
		return requestOptions;
	};
}

export const sendNationalPhone = checked('phoneNumber', 'Phone Number', 'body', 'phone_number', checks.nationalPhone);
export const sendCountryCode = checked('countryCode', 'Country Code', 'body', 'country_code', checks.countryCode);
export const sendDndPhone = (where: 'body' | 'query') =>
	checked('phone', 'Phone Number', where, 'phone', (value, fail) => checks.anyPhone(value, 'Phone Number', fail));

/** Fails unless the call ID can be put into a path (the path itself reads the parameter). */
export const requireCallId: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	checks.callId(text(this, 'callId', 'Call ID'), failIn(this));
	return requestOptions;
};

export const requireCampaignId: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	checks.campaignId(text(this, 'campaignId', 'Campaign ID'), failIn(this));
	return requestOptions;
};

/** At most 2,000 characters: OSVI refuses longer greetings, after the call is asked for. */
export const checkGreeting: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const greeting = text(this, 'additionalFields.initialGreeting', 'Initial Greeting');
	if (greeting.length > MAX_GREETING) {
		invalidInput(this, `Initial Greeting is ${greeting.length} characters long; OSVI allows at most ${MAX_GREETING}.`);
	}
	return requestOptions;
};

export const checkWebhookUrl: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const value = text(this, 'additionalFields.webhookUrl', 'Webhook URL').trim();
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol) || url.hostname === '') {
		invalidInput(this, `Webhook URL "${shown(value)}" is not an http or https URL, such as https://example.com/osvi-calls.`);
	}
	setInBody(requestOptions, 'webhook_url', value);
	return requestOptions;
};

/** A JSON object (typed as JSON or given by an expression); arrays and scalars fail. */
export const sendAdditionalData: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const raw = this.getNodeParameter('additionalFields.additionalData', '{}') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() === '' ? {} : JSON.parse(raw);
		} catch (error) {
			invalidInput(this, 'Additional Data is not valid JSON.', (error as Error).message);
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		invalidInput(
			this,
			`Additional Data must be a JSON object, like {"plan": "Pro"}; got ${Array.isArray(value) ? 'an array' : shown(value)}.`,
		);
	}
	if (Object.keys(value as IDataObject).length) setInBody(requestOptions, 'additional_data', value);
	return requestOptions;
};

interface ExtractionField {
	key?: string;
	description?: string;
	required?: boolean;
	outputFormat?: string;
}

export const sendDataExtraction: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const fields = this.getNodeParameter('additionalFields.dataExtraction.field', []) as ExtractionField[];
	const unnamed = fields.findIndex((f) => String(f.key ?? '').trim() === '');
	if (unnamed !== -1) invalidInput(this, `Data Extraction field ${unnamed + 1} has no key. Enter a key or remove the field.`);
	if (fields.length) {
		setInBody(
			requestOptions,
			'data_extraction',
			fields.map((f) => ({
				key: String(f.key).trim(),
				description: f.description ?? '',
				required: f.required ?? false,
				output_format: f.outputFormat ?? '',
			})),
		);
	}
	return requestOptions;
};

/** A bare date (read in IST by OSVI) or an ISO-8601 timestamp. */
export function checkDate(name: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = text(this, name, label).trim();
		const isDate = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
		const isTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
		if (!isDate && !isTimestamp) {
			invalidInput(this, `${label} "${shown(value)}" is not a date. Use 2026-06-01, or a time such as 2026-06-01T09:30:00+05:30.`);
		}
		return requestOptions;
	};
}

export function requireWholeNumber(name: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = this.getNodeParameter(name, 0) as unknown;
		if (!CAMPAIGN_ID.test(String(value).trim())) invalidInput(this, `${label} must be a whole number, got ${shown(value)}.`);
		return requestOptions;
	};
}
