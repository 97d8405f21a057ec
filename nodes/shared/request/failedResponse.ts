import type { IN8nHttpFullResponse } from 'n8n-workflow';

import { retryAfterMs } from './delays';

/** Whether the API answered with an error status (both nodes send with `ignoreHttpStatusErrors`). */
export const isFailedStatus = (response: IN8nHttpFullResponse) => response.statusCode >= 400;

/** What an API error response said that the retry policy needs. */
export interface FailedResponse {
	status: number;
	/** From the Retry-After header, when there was one. */
	retryAfterMs?: number;
	/** The API said it turned the request down (not that it failed midway), so nothing was done. */
	refused?: boolean;
}

// Kept beside the error rather than on it, so nothing extra reaches the execution data.
const responses = new WeakMap<object, FailedResponse>();

/** Each node's error builder calls this on the NodeApiError it builds from a failed response. */
export function rememberResponse<E extends object>(
	error: E,
	response: IN8nHttpFullResponse,
	{ refused = false } = {},
): E {
	responses.set(error, {
		status: response.statusCode,
		retryAfterMs: retryAfterMs(response.headers?.['retry-after']),
		refused,
	});
	return error;
}

export function failedResponseOf(error: unknown): FailedResponse | undefined {
	return typeof error === 'object' && error !== null ? responses.get(error) : undefined;
}
