import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { retryAfterMs } from '../../shared/request/delays';
import { noteAnswered } from '../../shared/request/earlierTries';
import { isFailedStatus, rememberResponse } from '../../shared/request/failedResponse';
import { OPEN_CX } from './api';

/**
 * The API's own message from a NestJS `ErrorDto` ({ statusCode, message, error }), where `message`
 * is a string or, for validation failures, an array of strings.
 */
function apiMessageOf(response: IN8nHttpFullResponse): string {
	const body = response.body;
	if (body && typeof body === 'object' && !Buffer.isBuffer(body) && !Array.isArray(body)) {
		const { message, error } = body as IDataObject;
		if (Array.isArray(message) && message.length) return message.map(String).join('; ');
		if (typeof message === 'string' && message) return message;
		if (typeof error === 'string' && error) return error;
	}
	if (typeof body === 'string' && body.trim() && body.length <= 300) return body.trim();
	return response.statusMessage || 'no details given';
}

/** Scope family and subject by resource; messages live in chat sessions. */
function scopeOf(context: IExecuteSingleFunctions): { family: string; subject: string } {
	const resource = context.getNodeParameter('resource', 'session') as string;
	return resource === 'contact'
		? { family: 'contacts', subject: 'contact' }
		: { family: 'chat-sessions', subject: 'session' };
}

/**
 * Turns any open.cx failure response into a NodeApiError that carries the API's own message,
 * remembering the status and Retry-After for the retry policy.
 */
export function openCxApiError(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
): NodeApiError {
	const status = response.statusCode;
	const apiMessage = apiMessageOf(response);
	const { family, subject } = scopeOf(context);
	let message: string;
	let description: string | undefined;

	if (status === 400) {
		message = `open.cx rejected the request (400): ${apiMessage}`;
	} else if (status === 401) {
		message = `The open.cx API key was rejected (401): ${apiMessage}`;
		description = 'Check the API key in the open.cx credential; keys are created under Settings → Access.';
	} else if (status === 403) {
		message = `The open.cx API key lacks the ${family} scope (403): ${apiMessage}`;
		description = `Give the key the ${family}:read and ${family}:write scopes, or full access, under Settings → Access.`;
	} else if (status === 404) {
		message = `The open.cx ${subject} was not found (404): ${apiMessage}`;
		description = `Check the ${subject} ID.`;
	} else if (status === 429) {
		message = `open.cx rate limit reached (429): ${apiMessage}`;
		const wait = retryAfterMs(response.headers?.['retry-after']);
		description =
			`open.cx allows ${OPEN_CX.documentedRequestsPerMinute} requests per minute. Space requests out with Retry and Rate Limit → Requests per Minute` +
			(wait !== undefined ? `, or retry after ${Math.ceil(wait / 1000)} seconds.` : ', or retry later.');
	} else if (status >= 500) {
		message = `open.cx failed to process the request (${status}): ${apiMessage}`;
		description = 'This is an error on the open.cx side; retrying later may succeed.';
	} else {
		message = `open.cx request failed (${status}): ${apiMessage}`;
	}

	const body = response.body;
	const errorResponse =
		body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as JsonObject) : { message: apiMessage };
	const error = new NodeApiError(context.getNode(), errorResponse, {
		message,
		description,
		httpCode: String(status),
		itemIndex: context.getItemIndex(),
	});
	return rememberResponse(error, response);
}

/** A 2xx answer whose shape no documented version of the API produces. */
export function unexpectedResponseError(
	context: IExecuteSingleFunctions,
	what: string,
	body: unknown,
): NodeApiError {
	const shown = JSON.stringify(body) ?? String(body);
	return new NodeApiError(context.getNode(), { message: shown } as JsonObject, {
		message: `open.cx answered with an unexpected response: ${what}`,
		description: `Received: ${shown.length > 500 ? `${shown.slice(0, 500)}…` : shown}`,
		itemIndex: context.getItemIndex(),
	});
}

/** First step of every operation's postReceive; requests run with `ignoreHttpStatusErrors`. */
export async function throwOnApiError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (isFailedStatus(response)) throw openCxApiError(this, response);
	noteAnswered(this);
	return items;
}
