import { sleep, type IExecuteSingleFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';

import { failedResponseOf } from './failedResponse';
import { waitForTurn } from './rateLimit';
import { requestSettingsOf, type ApiProfile } from './requestSettings';
import { decide, type Decision, type Failure } from './retryPolicy';

export type RequestContext = IExecuteSingleFunctions | ILoadOptionsFunctions;

/** Errors that already went through a retry loop; an outer loop (the routed request around a poll) leaves them alone. */
const settled = new WeakSet<object>();
const alreadySettled = (error: unknown) => typeof error === 'object' && error !== null && settled.has(error);

/** Codes of a lost connection or a timeout, as Node, axios and undici report them. */
const NETWORK_CODES = new Set([
	'ECONNABORTED',
	'ECONNREFUSED',
	'ECONNRESET',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ETIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_SOCKET',
]);

/** n8n wraps a transport error in a NodeApiError; the code sits on it or on a cause. */
function networkCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
		if (typeof current.code === 'string' && NETWORK_CODES.has(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

function failureOf(error: unknown): Failure {
	const response = failedResponseOf(error);
	if (response) return { kind: 'response', ...response };
	const code = networkCode(error);
	return code ? { kind: 'network', code } : { kind: 'other' };
}

function hintFor(decision: Decision, api: ApiProfile, retries: number): string | undefined {
	if (!('giveUp' in decision)) return undefined;
	switch (decision.giveUp) {
		case 'exhausted':
			return `Gave up after ${retries} ${retries === 1 ? 'retry' : 'retries'} (Retry and Rate Limit → Max Retries).`;
		case 'waitTooLong':
			return `${api.name} asked to wait ${Math.ceil(decision.waitMs / 1000)} s before retrying, longer than Retry and Rate Limit → Max Wait per Retry, so it was not retried.`;
		case 'mayHaveBeenProcessed':
			return `Not retried: ${api.name} may already have acted on this request, and repeating it could do it twice (send the customer’s message twice, for example). Check in ${api.name} before running it again.`;
		default:
			return undefined;
	}
}

function giveUp(error: unknown, hint: string | undefined): unknown {
	if (typeof error !== 'object' || error === null) return error;
	settled.add(error);
	if (hint) {
		const failed = error as { description?: string | null };
		failed.description = [failed.description, hint].filter(Boolean).join(' ');
	}
	return error;
}

const cancelled = (context: RequestContext) =>
	'getExecutionCancelSignal' in context && context.getExecutionCancelSignal()?.aborted === true;

/**
 * Sends one request, waiting for its turn under Requests per Minute before each attempt, and
 * repeats it as the retry policy allows. Whatever error leaves here is final.
 */
export async function withRetries<T>(
	context: RequestContext,
	api: ApiProfile,
	method: string,
	send: () => Promise<T>,
): Promise<T> {
	const settings = requestSettingsOf(context);
	const limiterKey = `${context.getExecutionId()}:${context.getNode().name}`;
	for (let retries = 0; ; retries++) {
		if (settings.requestsPerMinute) await waitForTurn(limiterKey, settings.requestsPerMinute);
		try {
			return await send();
		} catch (error) {
			const decision: Decision = alreadySettled(error)
				? { giveUp: 'notRetryable' }
				: decide(failureOf(error), method, retries, settings);
			if ('retryInMs' in decision && !cancelled(context)) {
				await sleep(decision.retryInMs);
				continue;
			}
			throw giveUp(error, hintFor(decision, api, retries));
		}
	}
}
