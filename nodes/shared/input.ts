import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type PreSendAction,
} from 'n8n-workflow';

/*
 * Checks on what the user (or an expression, or an AI agent) put into a field, shared by both
 * nodes' preSend steps. A failed check fails the item before anything is sent.
 */

/** Longest text sent in a query string; servers refuse longer URLs (414, 431). */
const MAX_QUERY_TEXT = 2000;

export function invalidInput(context: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), description });
}

/** A value as an error message shows it: JSON for anything but text, cut at 80 characters. */
export function shown(value: unknown): string {
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

const isStructured = (value: unknown) => typeof value === 'object' && value !== null;

/**
 * A field's value as text: numbers and booleans (expressions often yield them, phone numbers for
 * one) become text, nothing becomes '', and an object or array fails the item naming the field.
 */
export function asText(context: IExecuteSingleFunctions, value: unknown, label: string): string {
	if (isStructured(value)) {
		invalidInput(context, `${label} must be text, got ${Array.isArray(value) ? 'an array' : 'an object'}: ${shown(value)}`);
	}
	return value === undefined || value === null ? '' : String(value);
}

function readPath(target: IDataObject | undefined, keys: string[]): unknown {
	return keys.reduce<unknown>((at, key) => (isStructured(at) ? (at as IDataObject)[key] : undefined), target);
}

/** Puts `value` at `keys` of `target`, creating the objects on the way. */
function writePath(target: IDataObject, keys: string[], value: unknown): void {
	let parent = target;
	for (const key of keys.slice(0, -1)) {
		if (!isStructured(parent[key])) parent[key] = {};
		parent = parent[key] as IDataObject;
	}
	parent[keys[keys.length - 1]] = value as IDataObject[string];
}

/** Puts `value` at a dotted path of the request body, such as `message.attachments`. */
export function setInBody(requestOptions: IHttpRequestOptions, path: string, value: unknown): void {
	const body = (requestOptions.body ?? {}) as IDataObject;
	requestOptions.body = body;
	writePath(body, path.split('.'), value);
}

/** Where routing put `property` (a dotted path): 'body', 'qs', or undefined when it sent nothing. */
function sentIn(requestOptions: IHttpRequestOptions, keys: string[]): 'body' | 'qs' | undefined {
	if (readPath(requestOptions.body as IDataObject, keys) !== undefined) return 'body';
	if (readPath(requestOptions.qs, keys) !== undefined) return 'qs';
	return undefined;
}

/**
 * A text field as the APIs want it, wherever its routing sends it (`property`, in the body or the
 * query): sent as text, refused when it is an object or array, when `required` and empty (failing
 * with `required` as the message), or when too long for a URL.
 */
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
		if (where === 'qs' && text.length > MAX_QUERY_TEXT) {
			invalidInput(this, `${label} is too long to send (${text.length} characters; at most ${MAX_QUERY_TEXT})`);
		}
		const converted = typeof value === 'number' || typeof value === 'boolean';
		if (where && converted) {
			writePath(where === 'body' ? (requestOptions.body as IDataObject) : requestOptions.qs!, keys, text);
		}
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
