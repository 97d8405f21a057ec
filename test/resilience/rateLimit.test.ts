// Requests per Minute spaces the starts of every request of one node run: items, pages, polls and
// retries alike.
import { pendingLimiters, waitForTurn } from '../../nodes/shared/request/rateLimit';
import { agentById, DEMO, itemsOf, runOpenCx, runOsvi, useSandbox, type RecordedRequest } from './helpers';

const sandbox = useSandbox();

/**
 * Asserts that request k arrived no sooner than k × `intervalMs` after `since` (taken before the
 * run): its start was held back that long, whatever the network added on top.
 */
function expectSpaced(requests: RecordedRequest[], since: number, intervalMs: number): void {
	requests.forEach((request, k) => expect(request.at - since).toBeGreaterThanOrEqual(k * intervalMs));
}

describe('Requests per Minute', () => {
	test('spaces the sends of all items: 600 a minute starts one every 100 ms', async () => {
		const since = Date.now();
		const { items, error } = await runOsvi(sandbox.current, {
			parameters: {
				resource: 'message',
				operation: 'send',
				agent: agentById(DEMO.agents.support),
				customerId: '={{ $json.customer }}',
				content: 'hi',
				retryAndRateLimit: { requestsPerMinute: 600 },
			},
			items: itemsOf(5, (i) => ({ customer: `+1000${i}` })),
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(sandbox.current.requests).toHaveLength(5);
		expectSpaced(sandbox.current.requests, since, 100);
	});

	test('counts every page of a list', async () => {
		sandbox.current.opencx.pageSize = 3;
		const since = Date.now();

		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'contact', operation: 'getAll', returnAll: true, retryAndRateLimit: { requestsPerMinute: 1200 } },
		});

		expect(error).toBeUndefined();
		expect(sandbox.current.requests.length).toBeGreaterThanOrEqual(2);
		expectSpaced(sandbox.current.requests, since, 50);
	});

	test('counts retries: a retry after 429 with Retry-After: 0 still waits for its turn', async () => {
		sandbox.current.addFault({ api: 'opencx', kind: 'status', status: 429, headers: { 'Retry-After': '0' }, times: 1 });
		const session = sandbox.current.opencx.createSession({});
		const since = Date.now();

		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'get', sessionId: session.id, retryAndRateLimit: { requestsPerMinute: 600 } },
		});

		expect(error).toBeUndefined();
		expect(sandbox.current.requests.map((r) => r.status)).toEqual([429, 200]);
		expectSpaced(sandbox.current.requests, since, 100);
	});

	test('counts the history polls while waiting for the AI reply', async () => {
		const session = sandbox.current.opencx.createSession({});
		const since = Date.now();

		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'message',
				operation: 'send',
				sessionId: session.id,
				text: 'hello',
				options: { waitForAiReply: true, replyTimeout: 5, pollInterval: 10 },
				retryAndRateLimit: { requestsPerMinute: 1200 },
			},
		});

		expect(error).toBeUndefined();
		expect(items[0].json.aiReply).toEqual(expect.any(String));
		const requests = sandbox.current.requests;
		expect(requests.map((r) => r.method)).toEqual(['POST', ...Array(requests.length - 1).fill('GET')]);
		expect(requests.length).toBeGreaterThanOrEqual(2);
		expectSpaced(requests, since, 50);
	});

	test('is per run: two runs started together do not wait for each other', async () => {
		const getAgents = () =>
			runOsvi(sandbox.current, {
				parameters: { resource: 'agent', operation: 'getAll', returnAll: true, retryAndRateLimit: { requestsPerMinute: 6 } },
			});

		await Promise.all([getAgents(), getAgents()]);

		const [first, second] = sandbox.current.requests;
		expect(sandbox.current.requests).toHaveLength(2);
		// Sharing a limiter would hold the second back 10 s.
		expect(Math.abs(second.at - first.at)).toBeLessThan(5000);
	});

	test('unset by default: items start together', async () => {
		await runOsvi(sandbox.current, {
			parameters: { resource: 'agent', operation: 'getAll', returnAll: true },
			items: itemsOf(5, () => ({})),
		});

		const requests = sandbox.current.requests;
		expect(requests).toHaveLength(5);
		// Even 120 a minute would spread them over 2 s.
		expect(requests[4].at - requests[0].at).toBeLessThan(1000);
	});
});

describe('the limiter of a finished run', () => {
	test('is forgotten once its spacing has passed', async () => {
		await waitForTurn('finished run', 6000);
		await waitForTurn('finished run', 6000);
		expect(pendingLimiters()).toContain('finished run');

		await new Promise((resolve) => setTimeout(resolve, 20));
		await waitForTurn('next run', 6000);

		expect(pendingLimiters()).not.toContain('finished run');
		expect(pendingLimiters()).toContain('next run');
	});
});
