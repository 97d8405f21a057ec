import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { asText, invalidInput, MAX_QUERY_TEXT, placeInRequest, shown } from './checks';

// Checks for fields still sent by their own `routing.send` (open.cx until it moves to the factories).

function readPath(target: IDataObject | undefined, keys: string[]): unknown {
	return keys.reduce<unknown>(
		(at, key) => (typeof at === 'object' && at !== null ? (at as IDataObject)[key] : undefined),
		target,
	);
}

/** Where routing put `property` (a dotted path), or undefined when it sent nothing. */
function sentIn(requestOptions: IHttpRequestOptions, keys: string[]): 'body' | 'query' | undefined {
	if (readPath(requestOptions.body as IDataObject, keys) !== undefined) return 'body';
	if (readPath(requestOptions.qs, keys) !== undefined) return 'query';
	return undefined;
}

/** A text field sent by its routing: checked, and converted to text where routing sent a number. */
export function textParameter(
	parameter: string,
	label: string,
	property: string,
	{ required }: { required?: string } = {},
): PreSendAction {
	const keys = property.split('.');
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = this.getNodeParameter(parameter, '', { extractValue: true });
		const text = asText(this, value, label);
		if (required && text.trim() === '') invalidInput(this, required);
		const where = sentIn(requestOptions, keys);
		if (where === 'query' && text.length > MAX_QUERY_TEXT) {
			invalidInput(this, `${label} is too long to send (${text.length} characters; at most ${MAX_QUERY_TEXT})`);
		}
		if (where && (typeof value === 'number' || typeof value === 'boolean')) placeInRequest(requestOptions, where, property, text);
		return requestOptions;
	};
}

/** Fails the item unless the parameter is a whole number of at least `min`. */
export function wholeNumberParameter(parameter: string, label: string, min = 1): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = this.getNodeParameter(parameter, min);
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
			invalidInput(this, `${label} must be a whole number ${min === 1 ? 'above 0' : `of at least ${min}`}, got ${shown(value)}`);
		}
		return requestOptions;
	};
}
