/** How long to wait before a retry: what the API asks for, or exponential backoff. */

/**
 * Milliseconds a `Retry-After` header asks for, given as delay-seconds or as an HTTP date;
 * undefined when the header is absent or unreadable.
 */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	// An HTTP date names its weekday and month; Date.parse alone would also read "-5" as a year.
	const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const FIRST_BACKOFF_MS = 1000;

/**
 * Exponential backoff with jitter: retry n waits between half and all of 1 s × 2ⁿ, never more than
 * `capMs`. The jitter keeps items that failed together from retrying together.
 */
export function backoffMs(retry: number, capMs: number, random: () => number = Math.random): number {
	const ceiling = Math.min(capMs, FIRST_BACKOFF_MS * 2 ** retry);
	return ceiling / 2 + random() * (ceiling / 2);
}
