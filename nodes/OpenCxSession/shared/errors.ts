import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

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

interface Scope {
	/** The API key scope family the request needs. */
	family: string;
	/** What the request names: a session (messages live in sessions) or a contact. */
	subject: string;
}

/** An operation's context, or a list search's. */
type Context = IExecuteSingleFunctions | ILoadOptionsFunctions;

const SESSIONS: Scope = { family: 'chat-sessions', subject: 'session' };
const CONTACTS: Scope = { family: 'contacts', subject: 'contact' };
const WIDGET: Scope = { family: 'widget', subject: 'contact' };

/** By the first segment of a hand-written request's path. */
const SCOPE_BY_PATH: Record<string, Scope> = { contacts: CONTACTS, widget: WIDGET, redaction: { family: 'redaction', subject: 'session' } };

/** Scope family and subject of a request: by its path when known, else by the operation. */
function scopeOf(context: Context, url?: string): Scope {
	if (url !== undefined) return SCOPE_BY_PATH[url.split('/').filter(Boolean)[0]] ?? SESSIONS;
	const parameter = (name: string, fallback: string) => (context as IExecuteSingleFunctions).getNodeParameter(name, fallback) as string;
	const resource = parameter('resource', 'session');
	const operation = parameter('operation', '');
	if (resource === 'contact') return operation === 'authenticateWidgetUser' ? WIDGET : CONTACTS;
	if (resource === 'redaction') return { family: 'redaction', subject: operation === 'redactMessage' ? 'message' : 'session' };
	return SESSIONS;
}

const itemIndexOf = (context: Context) => ('getItemIndex' in context ? context.getItemIndex() : undefined);

type Words = (scope: Scope, response: IN8nHttpFullResponse) => string;

/** What happened, by HTTP status. */
const WHAT_BY_STATUS: Record<number, Words> = {
	400: () => 'open.cx rejected the request',
	401: () => 'The open.cx API key was rejected',
	403: ({ family }) => `The open.cx API key lacks the ${family} scope`,
	404: ({ subject }) => `The open.cx ${subject} was not found`,
	429: () => 'open.cx rate limit reached',
};

/**
 * What to do about it, where the status alone decides it. Whether a 429 or 5xx was retried and may
 * have been delivered depends on the method: the shared retry code adds that (shared/request).
 */
const NEXT_STEP_BY_STATUS: Record<number, Words> = {
	401: () => 'Check the API key in the open.cx credential; keys are created under Settings → Access.',
	403: ({ family }) => `Give the key the ${family}:read and ${family}:write scopes, or full access, under Settings → Access.`,
	404: ({ subject }) => `Check the ${subject} ID.`,
	429: () =>
		`open.cx allows ${OPEN_CX.documentedRequestsPerMinute} requests per minute; space requests out with Retry and Rate Limit → Requests per Minute.`,
};

/**
 * Turns any open.cx failure response into a NodeApiError that carries the API's own message,
 * remembering the status and Retry-After for the retry policy.
 */
export function openCxApiError(context: Context, response: IN8nHttpFullResponse, url?: string): NodeApiError {
	const status = response.statusCode;
	const apiMessage = apiMessageOf(response);
	const scope = scopeOf(context, url);
	const what =
		WHAT_BY_STATUS[status]?.(scope, response) ??
		(status >= 500 ? 'open.cx failed to process the request' : 'open.cx request failed');
	const description = NEXT_STEP_BY_STATUS[status]?.(scope, response);

	const body = response.body;
	const errorResponse =
		body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as JsonObject) : { message: apiMessage };
	const error = new NodeApiError(context.getNode(), errorResponse, {
		message: `${what} (${status}): ${apiMessage}`,
		description,
		httpCode: String(status),
		itemIndex: itemIndexOf(context),
	});
	return rememberResponse(error, response);
}

/** A 2xx answer saying `success: false` (redaction's `message` is "success or error message"). */
function reportedFailure(context: Context, response: IN8nHttpFullResponse): NodeApiError {
	const error = new NodeApiError(context.getNode(), response.body as JsonObject, {
		message: `open.cx answered ${response.statusCode} but reported a failure: ${apiMessageOf(response)}`,
		description: 'open.cx said success: false, so nothing is taken as done; the request was not repeated.',
		httpCode: String(response.statusCode),
		itemIndex: itemIndexOf(context),
	});
	return rememberResponse(error, response);
}

/** A 2xx answer whose shape no documented version of the API produces. */
export function unexpectedResponseError(
	context: Context,
	what: string,
	body: unknown,
): NodeApiError {
	const shown = JSON.stringify(body) ?? String(body);
	return new NodeApiError(context.getNode(), { message: shown } as JsonObject, {
		message: `open.cx answered with an unexpected response: ${what}`,
		description: `Received: ${shown.length > 500 ? `${shown.slice(0, 500)}…` : shown}`,
		itemIndex: itemIndexOf(context),
	});
}

/**
 * Throws the API's own error unless open.cx answered with a success status and without
 * `success: false`; `url`, for hand-written requests, names the scope a 403 lacks.
 */
export function assertOpenCxSuccess(context: Context, response: IN8nHttpFullResponse, url?: string): void {
	if (isFailedStatus(response)) throw openCxApiError(context, response, url);
	const body = response.body;
	if (body && typeof body === 'object' && (body as IDataObject).success === false) throw reportedFailure(context, response);
}

/** The one error path, first postReceive step of every operation; requests run with `ignoreHttpStatusErrors`. */
export async function throwOnOpenCxError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	assertOpenCxSuccess(this, response);
	noteAnswered(this);
	return items;
}
