import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions } from 'n8n-workflow';

/*
 * Checks on what the user (or an expression, or an AI agent) put into a field, and the one way
 * both nodes write into a request. A failed check fails the item before anything is sent.
 */

/** Longest text sent in a query string; servers refuse longer URLs (414, 431). */
export const MAX_QUERY_TEXT = 2000;

export function invalidInput(context: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), description });
}

/** A value as an error message shows it: JSON for anything but text, cut at 80 characters. */
export function shown(value: unknown): string {
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** A JSON object (not an array, not null). */
export const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isStructured = (value: unknown) => typeof value === 'object' && value !== null;

export const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

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

export type ParsedJsonObject =
	| { object: IDataObject | undefined }
	| { problem: 'notJson'; detail: string }
	| { problem: 'notObject'; got: 'an array' | string };

/**
 * The JSON object typed into a field, as an object or as text holding one: `object` is undefined
 * when the field is empty (blank text, null). Each node words the problem its own way.
 */
export function parseJsonObject(value: unknown): ParsedJsonObject {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return { object: undefined };
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			return { problem: 'notJson', detail: (error as Error).message };
		}
	}
	if (parsed === null || parsed === undefined) return { object: undefined };
	if (!isObject(parsed)) return { problem: 'notObject', got: Array.isArray(parsed) ? 'an array' : typeof parsed };
	return { object: parsed };
}

/** Puts `value` at a dotted path (`message.attachments`) of the request body or query. */
export function placeInRequest(
	requestOptions: IHttpRequestOptions,
	where: 'body' | 'query',
	path: string,
	value: unknown,
): void {
	const key = where === 'body' ? 'body' : 'qs';
	const target = (requestOptions[key] ?? {}) as IDataObject;
	requestOptions[key] = target;
	const keys = path.split('.');
	let parent = target;
	for (const part of keys.slice(0, -1)) {
		if (!isStructured(parent[part])) parent[part] = {};
		parent = parent[part] as IDataObject;
	}
	parent[keys[keys.length - 1]] = value as IDataObject[string];
}

/** Puts `value` at a dotted path of the request body. */
export function setInBody(requestOptions: IHttpRequestOptions, path: string, value: unknown): void {
	placeInRequest(requestOptions, 'body', path, value);
}
