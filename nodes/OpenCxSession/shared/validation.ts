import type { IDataObject, IExecuteSingleFunctions, PreSendAction } from 'n8n-workflow';

import { invalidInput, setInBody, shown } from '../../shared/fields/checks';

// The id pattern open.cx documents for sessions and contacts: RFC 9562 v1–8, plus nil and max.
const UUID_PATTERN =
	/^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type CustomDataKind = 'session' | 'contact';

/** Fails the item unless the parameter holds an id in open.cx's documented UUID format. */
export function uuidParameter(parameterName: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = this.getNodeParameter(parameterName, '') as string;
		if (typeof value !== 'string' || !UUID_PATTERN.test(value)) {
			invalidInput(
				this,
				`${label} must be a UUID, got "${shown(value)}"`,
				'open.cx ids look like 3c90c3cc-0d44-4b50-8888-8dd25736052a.',
			);
		}
		return requestOptions;
	};
}

export const validateSessionId = uuidParameter('sessionId', 'Session ID');
export const validateContactId = uuidParameter('contactId', 'Contact ID');

/** Fails the item if an optional email parameter is set but is not an email address. */
export function emailParameter(parameterPath: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = this.getNodeParameter(parameterPath, '') as string;
		if (value !== '' && !EMAIL_PATTERN.test(String(value))) {
			invalidInput(this, `Email must be an email address, got "${shown(value)}"`);
		}
		return requestOptions;
	};
}

/**
 * Sends an optional date parameter as an ISO 8601 query value, failing the item if it is not a
 * date; n8n's date picker gives local times without an offset.
 */
export function dateParameter(parameterPath: string, label: string, queryKey: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = this.getNodeParameter(parameterPath, '') as unknown;
		if (value === '' || value === null || value === undefined) return requestOptions;
		const time = Date.parse(String(value));
		if (Number.isNaN(time)) {
			invalidInput(this, `${label} must be a date such as 2026-01-31T00:00:00Z, got "${shown(value)}"`);
		}
		requestOptions.qs = { ...(requestOptions.qs ?? {}), [queryKey]: new Date(time).toISOString() };
		return requestOptions;
	};
}

/** A JSON object parameter, given as text or by an expression; empty means not set. */
function parseJsonObject(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label: string,
	example: string,
): IDataObject | undefined {
	let value = raw;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		try {
			value = JSON.parse(value);
		} catch {
			invalidInput(context, `${label} must be a JSON object, for example ${example}`);
		}
	}
	if (value === null || value === undefined) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) {
		invalidInput(context, `${label} must be a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
	}
	return Object.keys(value as IDataObject).length ? (value as IDataObject) : undefined;
}

/**
 * Checks custom data the way open.cx does: flat, with string/number/boolean values on a session
 * and string values on a contact. open.cx answers 400 otherwise; failing here names the key and
 * sends nothing.
 */
function parseCustomData(
	context: IExecuteSingleFunctions,
	raw: unknown,
	kind: CustomDataKind,
	label: string,
): IDataObject | undefined {
	const data = parseJsonObject(context, raw, label, '{"order_id": "ord_123"}');
	const allowed = kind === 'session' ? ['string', 'number', 'boolean'] : ['string'];
	for (const [key, value] of Object.entries(data ?? {})) {
		const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
		const ok = allowed.includes(type) && (type !== 'number' || Number.isFinite(value));
		if (!ok) {
			const expected = kind === 'session' ? 'a string, number or boolean' : 'a string';
			invalidInput(
				context,
				`${label} key "${key}" must be ${expected}, got ${type === 'object' ? 'a nested object' : type}`,
				kind === 'session'
					? 'open.cx stores session custom data as a flat object and rejects nested values.'
					: 'open.cx stores contact custom data as strings only.',
			);
		}
	}
	return data;
}

/** Validates a custom data parameter and puts it at `bodyPath`; an empty object sends nothing. */
export function customDataParameter(
	kind: CustomDataKind,
	parameterPath: string,
	bodyPath: string,
	label: string,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const data = parseCustomData(this, this.getNodeParameter(parameterPath, ''), kind, label);
		if (data) setInBody(requestOptions, bodyPath, data);
		return requestOptions;
	};
}

/** A free-form JSON object parameter (e.g. the filter endpoint's `filters`) put at `bodyPath`. */
export function jsonObjectParameter(parameterPath: string, bodyPath: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = parseJsonObject(this, this.getNodeParameter(parameterPath, ''), label, '{"status": ["open"]}');
		if (value) setInBody(requestOptions, bodyPath, value);
		return requestOptions;
	};
}

/** open.cx needs a `contact` object with something in it; an empty one would only earn a 400. */
export function contactDetailsRequired(collection: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const fields = this.getNodeParameter(collection, {}) as IDataObject;
		const filled = Object.values(fields).some((value) => {
			if (typeof value === 'string') return !['', '{}'].includes(value.replace(/\s/g, ''));
			if (value && typeof value === 'object') return Object.keys(value).length > 0;
			return value !== undefined && value !== null;
		});
		if (!filled) invalidInput(this, `Add at least one field under ${label}`);
		return requestOptions;
	};
}
