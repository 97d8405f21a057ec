import { sleep, type IExecuteSingleFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';

import { failedResponseOf } from './failedResponse';
import { networkCode, networkFailureMessage } from './networkFailure';
import { waitForTurn } from './rateLimit';
import { requestSettingsOf, type ApiProfile } from './settings';
import { decide, isSafeMethod, type Decision, type Failure } from './retryPolicy';

export type RequestContext = IExecuteSingleFunctions | ILoadOptionsFunctions;

/** Errors that already went through a retry loop; an outer loop (the routed request around a poll) leaves them alone. */
const settled = new WeakSet<object>();
const alreadySettled = (error: unknown) => typeof error === 'object' && error !== null && settled.has(error);

function failureOf(error: unknown): Failure {
	const response = failedResponseOf(error);
	if (response) return { kind: 'response', ...response };
	const code = networkCode(error);
	return code ? { kind: 'network', code } : { kind: 'other' };
}

/**
 * The second half of every final error, after the API's own "what happened": whether the request
 * was retried, whether it may have reached the API, and what to do. The headline never contradicts it.
 */
function outcomeFor(decision: Decision, failure: Failure, api: ApiProfile, method: string, retries: number): string | undefined {
	if (!('giveUp' in decision) || failure.kind === 'other') return undefined;
	const safe = isSafeMethod(method);
	const nothingDone = safe ? 'It only reads, so running it again is safe' : `${api.name} did not act on it: nothing was sent`;
	const times = `${retries} ${retries === 1 ? 'time' : 'times'}`;
	switch (decision.giveUp) {
		case 'exhausted':
			return failure.kind === 'network'
				? `Retried ${times} (Retry and Rate Limit → Max Retries); every try failed the same way. ${nothingDone}; run it again later.`
				: `Retried ${times} (Retry and Rate Limit → Max Retries); ${api.name} turned every try away. ${nothingDone}; run it again later${failure.kind === 'response' && failure.status === 429 ? ', or lower Retry and Rate Limit → Requests per Minute' : ''}.`;
		case 'waitTooLong':
			return `Not retried: ${api.name} asked to wait ${Math.ceil(decision.waitMs / 1000)} s, longer than Retry and Rate Limit → Max Wait per Retry. ${nothingDone}; run it again after that wait, or raise Max Wait per Retry.`;
		case 'disabled':
			return `Not retried: Retry and Rate Limit → Retry on Failure is off. ${nothingDone}; run it again later.`;
		case 'mayHaveBeenProcessed':
			return `Not retried, and it may have been delivered: ${api.name} may have acted on it before the failure reached n8n, and repeating it could do it twice (a customer’s message sent twice, a call started twice). Check in ${api.name} before sending it again; n8n’s Retry On Fail does not send it again in this execution.`;
		case 'notRetryable':
			if (failure.kind === 'response' && failure.status >= 500) {
				return safe
					? `Not retried. ${nothingDone}; run it again later.`
					: `Not retried: ${api.name} turned it down, so nothing was sent.`;
			}
			return `Not retried: repeating it cannot help. ${nothingDone}.`;
		default:
			return undefined;
	}
}

/** Errors of requests the API may have acted on (a send that failed midway). */
const mayHaveActed = new WeakSet<object>();

export const mayHaveBeenDone = (error: unknown) =>
	typeof error === 'object' && error !== null && mayHaveActed.has(error);

function giveUp(error: unknown, decision: Decision, failure: Failure, api: ApiProfile, outcome: string | undefined): unknown {
	if (typeof error !== 'object' || error === null) return error;
	settled.add(error);
	if ('giveUp' in decision && decision.giveUp === 'mayHaveBeenProcessed') mayHaveActed.add(error);
	const failed = error as { message: string; description?: string | null };
	if (failure.kind === 'network') failed.message = networkFailureMessage(api.name, failure.code);
	if (outcome) failed.description = [failed.description, outcome].filter(Boolean).join(' ');
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
			// An error from an inner retry loop (a poll inside a postReceive step) was decided there.
			const failure: Failure = alreadySettled(error) ? { kind: 'other' } : failureOf(error);
			const decision = decide(failure, method, retries, settings);
			if ('retryInMs' in decision && !cancelled(context)) {
				await sleep(decision.retryInMs);
				continue;
			}
			throw giveUp(error, decision, failure, api, outcomeFor(decision, failure, api, method, retries));
		}
	}
}
