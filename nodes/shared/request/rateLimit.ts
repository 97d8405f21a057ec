import { sleep } from 'n8n-workflow';

/** When the next request of each limiter may start. */
const nextStart = new Map<string, number>();

/**
 * Waits until this request may start, spacing the starts of every request under `key` (one run of
 * one node: all its items, pages, polls and retries) at least 60 000 / `requestsPerMinute` ms apart.
 */
export async function waitForTurn(key: string, requestsPerMinute: number): Promise<void> {
	const now = Date.now();
	// A limiter whose next start has passed holds nothing a fresh one would not: forget it.
	for (const [other, at] of nextStart) if (at <= now) nextStart.delete(other);
	const start = Math.max(now, nextStart.get(key) ?? now);
	nextStart.set(key, start + 60_000 / requestsPerMinute);
	if (start > now) await sleep(start - now);
}

/** The keys of the limiters still holding a start; for tests of the clean-up. */
export function pendingLimiters(): string[] {
	return [...nextStart.keys()];
}
