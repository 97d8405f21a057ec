import { sleep, type IExecuteSingleFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';

import { failedResponseOf } from './failedResponse';
import { networkCode, networkFailureMessage } from './networkFailure';
import { waitForTurn } from './rateLimit';
import { requestSettingsOf, type ApiProfile } from './settings';
import { decide, type Decision, type Failure } from './retryPolicy';

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

function giveUp(error: unknown, failure: Failure, api: ApiProfile, hint: string | undefined): unknown {
	if (typeof error !== 'object' || error === null) return error;
	settled.add(error);
	const failed = error as { message: string; description?: string | null };
	if (failure.kind === 'network') failed.message = networkFailureMessage(api.name, failure.code);
	if (hint) failed.description = [failed.description, hint].filter(Boolean).join(' ');
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
			throw giveUp(error, failure, api, hintFor(decision, api, retries));
		}
	}
}
