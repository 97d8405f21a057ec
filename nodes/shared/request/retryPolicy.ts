import { backoffMs } from './delays';

/*
 * Which failures are retried, decided from the failure alone (no I/O), so the table is testable:
 *
 * | failure                              | GET              | POST, PATCH, DELETE           |
 * |--------------------------------------|------------------|-------------------------------|
 * | 429, 503                             | retried          | retried (nothing was done)    |
 * | connection lost, timeout             | retried          | never: it may have been done  |
 * | other 5xx (500, 502, 504)            | not retried      | never: it may have been done  |
 * | 400, 401, 403, 404, 422, other 4xx   | not retried      | not retried                   |
 */

/** Only these requests can be repeated without doing something twice. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The server refused before doing anything: too many requests, or not available right now. */
const RETRYABLE_STATUSES = new Set([429, 503]);

export type Failure =
	| { kind: 'response'; status: number; retryAfterMs?: number; refused?: boolean }
	| { kind: 'network'; code: string }
	| { kind: 'other' };

export interface RetrySettings {
	enabled: boolean;
	maxRetries: number;
	/** Longest single wait; a longer Retry-After ends the retries. */
	maxWaitMs: number;
}

export type Decision =
	| { retryInMs: number }
	| { giveUp: 'notRetryable' | 'disabled' | 'exhausted' | 'mayHaveBeenProcessed' }
	| { giveUp: 'waitTooLong'; waitMs: number };

export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

export function decide(failure: Failure, method: string, retriesDone: number, settings: RetrySettings): Decision {
	const safe = isSafeMethod(method);
	const retryable =
		failure.kind === 'response' ? RETRYABLE_STATUSES.has(failure.status) : failure.kind === 'network' && safe;
	if (!retryable) {
		const serverMayHaveActed =
			failure.kind === 'network' || (failure.kind === 'response' && failure.status >= 500 && !failure.refused);
		return { giveUp: !safe && serverMayHaveActed ? 'mayHaveBeenProcessed' : 'notRetryable' };
	}
	if (!settings.enabled) return { giveUp: 'disabled' };
	if (retriesDone >= settings.maxRetries) return { giveUp: 'exhausted' };
	const waitMs =
		failure.kind === 'response' && failure.retryAfterMs !== undefined
			? failure.retryAfterMs
			: backoffMs(retriesDone, settings.maxWaitMs);
	if (waitMs > settings.maxWaitMs) return { giveUp: 'waitTooLong', waitMs };
	return { retryInMs: waitMs };
}
