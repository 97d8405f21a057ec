import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isObject } from '../../shared/fields/checks';
import { noteAnswered } from '../../shared/request/earlierTries';
import { isFailedStatus, rememberResponse } from '../../shared/request/failedResponse';

/** What the user should do, keyed by OSVI's own error code (v1 `error` or the 502 engine `reason`). */
const MESSAGES: Record<string, string> = {
	agent_not_found:
		'The agent was not found in OSVI (agent_not_found). Check the agent ID and that the agent belongs to the account of this API token.',
	agent_archived: 'The agent is archived in OSVI (agent_archived). Pick an active agent.',
	agent_inactive:
		'The agent is not active in OSVI (agent_inactive). Activate it in the OSVI dashboard or pick an active agent.',
	session_not_found:
		'OSVI has no such active session (session_not_found). Check the session ID, or the customer ID and agent, or create a session first.',
	tell_not_allowed_during_takeover:
		'OSVI does not allow Tell while an operator has taken over the session (tell_not_allowed_during_takeover). Send an operator message instead, or hand the session back to AI first.',
	operator_message_requires_support_mode:
		'OSVI accepts operator messages only after a takeover (operator_message_requires_support_mode). Take over the session first.',
};

/** What happened, by HTTP status, when OSVI's code is not one we know. */
const WHAT_BY_STATUS: Record<number, string> = {
	400: 'OSVI rejected the request as incomplete',
	401: 'OSVI rejected the API token',
	403: 'OSVI refused access',
	404: 'OSVI could not find what the request names',
	422: 'OSVI rejected the request',
	429: 'OSVI is limiting the request rate',
	503: 'OSVI is not available right now',
};

/**
 * What to do, by HTTP status, where the status alone decides it. For 5xx the description says it:
 * whether the request was retried and may have been delivered depends on the method (shared/request).
 */
const NEXT_STEP_BY_STATUS: Record<number, string> = {
	400: 'Fill in the missing or invalid field.',
	401: 'Check the API Token in the OSVI API credential.',
	403: 'Check that the agent belongs to the account of this API token.',
	404: 'Check the IDs in this node.',
	422: 'Correct the fields OSVI names.',
	429: 'Wait a moment, or space requests out with Retry and Rate Limit → Requests per Minute.',
};

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * OSVI's reason in any of its envelopes: v1 `{error}`, legacy `{errors: []}`, a plain `{message}`,
 * and for 502 the chat engine's `upstream_body` (nullable), whose reason beats the generic `error`.
 */
function reasonOf(body: IDataObject): string | undefined {
	const upstream = body.upstream_body;
	if (isObject(upstream)) {
		const engineReason = text(upstream.reason) ?? text(upstream.detail) ?? text(upstream.message);
		if (engineReason) return engineReason;
	}
	if (Array.isArray(body.errors)) {
		const all = body.errors.map((e) => (isObject(e) ? text(e.message) : text(e))).filter(Boolean);
		if (all.length) return all.join('; ');
	}
	if (isObject(body.error)) return text(body.error.message) ?? text(body.error.code);
	return text(body.error) ?? text(body.message);
}

function messageFor(status: number, reason: string | undefined, rejected: boolean): string {
	if (reason && MESSAGES[reason]) return MESSAGES[reason];
	const what =
		WHAT_BY_STATUS[status] ??
		(status === 502
			? rejected
				? 'The OSVI chat engine rejected the request'
				: 'The OSVI chat engine failed'
			: status >= 500
				? 'OSVI failed to handle the request'
				: 'OSVI returned an error');
	const happened = `${what} (${status}${reason ? `: ${reason}` : ''})`;
	const next = NEXT_STEP_BY_STATUS[status];
	return next ? `${happened}. ${next}` : happened;
}

/**
 * Turns one OSVI error response into the NodeApiError every operation and the list search throw,
 * remembering the status and Retry-After for the retry policy.
 */
function osviApiError(node: INode, response: IN8nHttpFullResponse): NodeApiError {
	return rememberResponse(buildError(node, response), response, { refused: engineRejected(response.body) });
}

/** A 502 whose `upstream_body` says the engine rejected the request: it was turned down, not half done. */
const engineRejected = (body: unknown) =>
	isObject(body) && isObject(body.upstream_body) && body.upstream_body.state === 'rejected';

function buildError(node: INode, { statusCode, body }: IN8nHttpFullResponse): NodeApiError {
	const httpCode = String(statusCode);
	if (!isObject(body)) {
		// Not OSVI talking (an HTML page, a bare string): usually a wrong Base URL or a proxy.
		return new NodeApiError(node, { body: String(body ?? '') } as JsonObject, {
			httpCode,
			message: `OSVI answered ${statusCode} with a body that is not an OSVI response. Check the Base URL in the OSVI API credential.`,
		});
	}
	const reason = reasonOf(body);
	// The 502 `error` names the engine call that failed; keep it for whoever debugs it.
	const detail = text(body.error) !== reason ? text(body.error) : undefined;
	return new NodeApiError(node, body as JsonObject, {
		httpCode,
		message: messageFor(statusCode, reason, engineRejected(body)),
		description: detail,
	});
}

/**
 * Get Active's "no active session": OSVI documents a 404 when the customer has no active session
 * with the agent (its code is not documented) and leaves the agent-less case open (404 or `{}`).
 * An unknown agent is a 404 too, and stays an error.
 */
export function isNoActiveSession({ statusCode, body }: IN8nHttpFullResponse): boolean {
	return statusCode === 404 && !(isObject(body) && reasonOf(body) === 'agent_not_found');
}

/** Throws unless OSVI answered 2xx with JSON and without `success: false`. */
export function assertOsviSuccess(node: INode, response: IN8nHttpFullResponse): void {
	const { body } = response;
	const isJson = isObject(body) || Array.isArray(body);
	if (isFailedStatus(response) || !isJson || (isObject(body) && body.success === false)) {
		throw osviApiError(node, response);
	}
}

/**
 * The one error path, first postReceive step of every operation: requests run with
 * `ignoreHttpStatusErrors`, so a failed call arrives here and leaves as a NodeApiError
 * carrying OSVI's own code instead of n8n's generic status text.
 */
export async function throwOnOsviError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	assertOsviSuccess(this.getNode(), response);
	noteAnswered(this);
	return items;
}
