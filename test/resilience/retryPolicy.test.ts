// The retry policy as a table: what is retried, how long it waits, and when it gives up.
import { backoffMs, retryAfterMs } from '../../nodes/shared/request/delays';
import { decide, type Failure, type RetrySettings } from '../../nodes/shared/request/retryPolicy';

const settings: RetrySettings = { enabled: true, maxRetries: 3, maxWaitMs: 60_000 };
const status = (code: number, extra: Partial<Extract<Failure, { kind: 'response' }>> = {}): Failure => ({
	kind: 'response',
	status: code,
	...extra,
});
const reset: Failure = { kind: 'network', code: 'ECONNRESET' };
const timeout: Failure = { kind: 'network', code: 'ECONNABORTED' };

describe('which failures are retried', () => {
	test.each([
		['429 on a send', status(429), 'POST'],
		['429 on a read', status(429), 'GET'],
		['503 on a send', status(503), 'POST'],
		['503 on a status change', status(503), 'PATCH'],
		['503 on a read', status(503), 'GET'],
		['a dropped connection on a read', reset, 'GET'],
		['a timeout on a read', timeout, 'GET'],
	])('%s is retried', (_, failure, method) => {
		expect(decide(failure, method, 0, settings)).toEqual({ retryInMs: expect.any(Number) });
	});

	test.each([
		['a timeout on a send', timeout, 'POST'],
		['a dropped connection on a send', reset, 'POST'],
		['a dropped connection on a delete', reset, 'DELETE'],
		['500 on a send', status(500), 'POST'],
		['502 on a send', status(502), 'POST'],
		['504 on a status change', status(504), 'PATCH'],
	])('%s is never retried, and says the request may have been processed', (_, failure, method) => {
		expect(decide(failure, method, 0, settings)).toEqual({ giveUp: 'mayHaveBeenProcessed' });
	});

	test.each([
		['400', status(400), 'POST'],
		['401', status(401), 'GET'],
		['403', status(403), 'PATCH'],
		['404', status(404), 'GET'],
		['422', status(422), 'POST'],
		['500 on a read', status(500), 'GET'],
		['502 the engine refused, on a send', status(502, { refused: true }), 'POST'],
		['an error that is no HTTP failure', { kind: 'other' } as Failure, 'GET'],
	])('%s is not retried', (_, failure, method) => {
		expect(decide(failure, method, 0, settings)).toEqual({ giveUp: 'notRetryable' });
	});

	test('with Retry on Failure off, nothing is retried', () => {
		expect(decide(status(429), 'GET', 0, { ...settings, enabled: false })).toEqual({ giveUp: 'disabled' });
	});

	test('after Max Retries the request gives up', () => {
		expect(decide(status(503), 'GET', 2, settings)).toEqual({ retryInMs: expect.any(Number) });
		expect(decide(status(503), 'GET', 3, settings)).toEqual({ giveUp: 'exhausted' });
		expect(decide(status(503), 'GET', 0, { ...settings, maxRetries: 0 })).toEqual({ giveUp: 'exhausted' });
	});
});

describe('how long a retry waits', () => {
	test('Retry-After is honoured exactly', () => {
		expect(decide(status(429, { retryAfterMs: 7000 }), 'POST', 0, settings)).toEqual({ retryInMs: 7000 });
		expect(decide(status(429, { retryAfterMs: 0 }), 'POST', 2, settings)).toEqual({ retryInMs: 0 });
	});

	test('a Retry-After longer than Max Wait per Retry gives up instead of waiting', () => {
		expect(decide(status(429, { retryAfterMs: 90_000 }), 'GET', 0, settings)).toEqual({
			giveUp: 'waitTooLong',
			waitMs: 90_000,
		});
	});

	test('without Retry-After, waits grow exponentially, with jitter, up to Max Wait', () => {
		const low = () => 0;
		const high = () => 0.999999;
		expect([0, 1, 2, 3].map((n) => backoffMs(n, 60_000, low))).toEqual([500, 1000, 2000, 4000]);
		expect(backoffMs(0, 60_000, high)).toBeCloseTo(1000, 0);
		expect(backoffMs(3, 60_000, high)).toBeCloseTo(8000, 0);
		expect(backoffMs(10, 5000, high)).toBeCloseTo(5000, 0);
		expect(backoffMs(10, 5000, low)).toBe(2500);
	});

	test('the total wait of one request is bounded by Max Retries × Max Wait', () => {
		const waits = [0, 1, 2].map((n) => decide(status(503), 'GET', n, { ...settings, maxWaitMs: 3000 }));
		const total = waits.reduce((sum, d) => sum + ('retryInMs' in d ? d.retryInMs : Infinity), 0);
		expect(total).toBeLessThanOrEqual(3 * 3000);
		expect(decide(status(503), 'GET', 3, settings)).toEqual({ giveUp: 'exhausted' });
	});
});

describe('Retry-After', () => {
	const now = Date.parse('2026-01-31T12:00:00Z');

	test.each([
		['delay-seconds', '2', 2000],
		['zero', '0', 0],
		['fractional seconds', '0.25', 250],
		['an HTTP date', 'Sat, 31 Jan 2026 12:00:30 GMT', 30_000],
		['an HTTP date in the past', 'Sat, 31 Jan 2026 11:59:00 GMT', 0],
		['a number', 3, 3000],
		['the first of repeated headers', ['4', '9'], 4000],
	])('%s is read', (_, header, ms) => {
		expect(retryAfterMs(header, now)).toBe(ms);
	});

	test.each([['absent', undefined], ['empty', ''], ['negative', '-5'], ['gibberish', 'soon'], ['negative number', -1]])(
		'%s is ignored',
		(_, header) => {
			expect(retryAfterMs(header, now)).toBeUndefined();
		},
	);
});
