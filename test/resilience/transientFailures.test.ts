// Rate limits, engine failures, dropped connections and timeouts, injected by the sandbox: the nodes
// retry what is safe to repeat, lose no item, and never send a customer message twice.
import type { INodeParameters, NodeApiError } from 'n8n-workflow';

import { runListSearch } from '../harness';
import {
	agentById,
	DEMO,
	errorsOf,
	FAST_RETRIES,
	itemsOf,
	osviChat,
	osviCredentials,
	routes,
	runOpenCx,
	runOsvi,
	useSandbox,
	type Sandbox,
} from './helpers';

const sandbox = useSandbox();

/** Message → Send for customer `customer`, saying `content`, both read from each item. */
const sendEach = (retryAndRateLimit: INodeParameters = FAST_RETRIES): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	agent: agentById(DEMO.agents.support),
	customerId: '={{ $json.customer }}',
	content: '={{ $json.content }}',
	retryAndRateLimit,
});

const customers = (n: number) => itemsOf(n, (i) => ({ customer: `+1555${String(i).padStart(6, '0')}`, content: `message ${i}` }));

/** How many times each session the items' replies name received a customer message. */
function deliveriesPerSession(sb: Sandbox, sessionIds: unknown[]): number[] {
	return sessionIds.map((id) => sb.osvi.messages(String(id), 'customer').length);
}

const statuses = (sb: Sandbox) => sb.requests.map((r) => r.status);
const description = (error: Error | undefined) => String((error as NodeApiError | undefined)?.description);

describe('rate limits (429)', () => {
	test('1,000 sends with 10 % answered 429 + Retry-After: every item answered once, no message delivered twice', async () => {
		sandbox.current.addFault({
			api: 'osvi',
			path: '/v1/chat/inbound',
			kind: 'status',
			status: 429,
			headers: { 'Retry-After': '0' },
			probability: 0.1,
		});
		const started = Date.now();

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: sendEach({ maxRetries: 6 }),
			items: customers(1000),
		});

		const elapsed = Date.now() - started;
		const requests = sandbox.current.requests;
		const limited = requests.filter((r) => r.status === 429).length;
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1000);
		items.forEach((item, i) => expect(item.json.reply).toBe(`Thanks, you said: message ${i}`));
		const sessions = items.map((item) => item.json.session_id);
		expect(new Set(sessions).size).toBe(1000);
		expect(deliveriesPerSession(sandbox.current, sessions).every((n) => n === 1)).toBe(true);
		// Every 429 was retried, and only those: 1,000 answered plus one extra request per 429.
		expect(limited).toBeGreaterThan(50);
		expect(requests).toHaveLength(1000 + limited);
		expect(requests.filter((r) => r.status === 200)).toHaveLength(1000);
		console.info(`1,000 sends, 10 % 429: ${requests.length} requests, ${limited} retries, ${elapsed} ms`);
	}, 90_000);

	test('Retry-After in seconds is waited out before the retry', async () => {
		sandbox.current.addFault({ api: 'osvi', kind: 'status', status: 429, headers: { 'Retry-After': '1' }, times: 1 });

		const { items, error } = await runOsvi(sandbox.current, { parameters: sendEach({}), items: customers(1) });

		expect(error).toBeUndefined();
		expect(items[0].json.reply).toBe('Thanks, you said: message 0');
		const [first, second] = sandbox.current.requests;
		expect(statuses(sandbox.current)).toEqual([429, 200]);
		expect(second.at - first.at).toBeGreaterThanOrEqual(950);
	});

	test('Retry-After as an HTTP date is waited out before the retry', async () => {
		// HTTP dates have whole seconds: "in 2.5 s" is 1.5–2.5 s away, longer than any backoff of a first retry.
		const at = new Date(Date.now() + 2500).toUTCString();
		sandbox.current.addFault({ api: 'opencx', kind: 'status', status: 429, headers: { 'Retry-After': at }, times: 1 });

		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'getAll', limit: 2 },
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		const [, second] = sandbox.current.requests;
		expect(statuses(sandbox.current)).toEqual([429, 200]);
		expect(second.at).toBeGreaterThanOrEqual(Date.parse(at) - 10);
	});

	test('a Retry-After longer than Max Wait per Retry fails the item at once, saying so', async () => {
		sandbox.current.addFault({ api: 'osvi', kind: 'status', status: 429, headers: { 'Retry-After': '120' } });

		const { error } = await runOsvi(sandbox.current, { parameters: sendEach({}), items: customers(1) });

		expect(error?.message).toBe(
			'OSVI is limiting the request rate (429: rate_limited). Wait a moment, or space requests out with Retry and Rate Limit → Requests per Minute.',
		);
		expect(description(error)).toContain(
			'Not retried: OSVI asked to wait 120 s, longer than Retry and Rate Limit → Max Wait per Retry. OSVI did not act on it: nothing was sent; run it again after that wait, or raise Max Wait per Retry.',
		);
		expect(sandbox.current.requests).toHaveLength(1);
	});

	test('with Retry on Failure off, a 429 fails the item after one request', async () => {
		sandbox.current.addFault({ api: 'opencx', kind: 'status', status: 429, headers: { 'Retry-After': '0' }, times: 1 });

		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'contact', operation: 'getAll', limit: 1, retryAndRateLimit: { retryOnFailure: false } },
		});

		expect(error?.message).toBe('open.cx rate limit reached (429): Too Many Requests');
		expect(sandbox.current.requests).toHaveLength(1);
	});
});

describe('service unavailable (503)', () => {
	test('a 30 % burst of 503 on sends: every item answered once, no message delivered twice', async () => {
		sandbox.current.addFault({ api: 'osvi', kind: 'status', status: 503, probability: 0.3, times: 40 });

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: sendEach({ ...FAST_RETRIES, maxRetries: 10 }),
			items: customers(100),
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.reply)).toEqual(customers(100).map((c) => `Thanks, you said: ${c.json.content}`));
		const sessions = items.map((item) => item.json.session_id);
		expect(deliveriesPerSession(sandbox.current, sessions).every((n) => n === 1)).toBe(true);
		const unavailable = statuses(sandbox.current).filter((s) => s === 503).length;
		expect(unavailable).toBeGreaterThan(10);
		expect(sandbox.current.requests).toHaveLength(100 + unavailable);
	});

	test('a 30 % burst of 503 while paging: every session listed once', async () => {
		sandbox.current.opencx.pageSize = 2;
		const total = sandbox.current.opencx.sessions.size;
		sandbox.current.addFault({ api: 'opencx', kind: 'status', status: 503, probability: 0.3, times: 6 });

		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'getAll', returnAll: true, retryAndRateLimit: { ...FAST_RETRIES, maxRetries: 10 } },
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(total);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(total);
		const unavailable = statuses(sandbox.current).filter((s) => s === 503).length;
		expect(unavailable).toBeGreaterThan(0);
		expect(sandbox.current.requests).toHaveLength(Math.ceil(total / 2) + unavailable);
	});

	test('a send turned away with 503 is retried and reaches the session once', async () => {
		const session = sandbox.current.opencx.createSession({ channel: 'api' });
		sandbox.current.addFault({ api: 'opencx', method: 'POST', kind: 'status', status: 503, times: 2 });

		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'message',
				operation: 'send',
				sessionId: session.id,
				text: 'Where is my order?',
				options: { waitForAiReply: true, replyTimeout: 5, pollInterval: 20 },
				retryAndRateLimit: FAST_RETRIES,
			},
		});

		expect(error).toBeUndefined();
		expect(items[0].json.aiReply).toEqual(expect.any(String));
		const sent = session.events.filter((e) => e.event.sender.type === 'contact');
		expect(sent.map((e) => e.event.content.text)).toEqual(['Where is my order?']);
		expect(sandbox.current.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([503, 503, 201]);
	});

	test('when 503 outlasts Max Retries the item fails, saying how often it tried', async () => {
		sandbox.current.addFault({ api: 'osvi', method: 'GET', kind: 'status', status: 503 });

		const { error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'agent', operation: 'getAll', returnAll: true, retryAndRateLimit: { ...FAST_RETRIES, maxRetries: 2 } },
		});

		expect(error?.message).toMatch(/^OSVI is not available right now \(503/);
		expect(description(error)).toContain(
			'Retried 2 times (Retry and Rate Limit → Max Retries); OSVI turned every try away. It only reads, so running it again is safe; run it again later.',
		);
		expect(sandbox.current.requests).toHaveLength(3);
	});
});

describe('dropped connections', () => {
	test('on a read, the request is repeated and the item answered', async () => {
		const session = sandbox.current.osvi.createSession(DEMO.agents.support, '+15551112222', {}, []);
		sandbox.current.addFault({ api: 'osvi', kind: 'drop', times: 2 });

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: {
				resource: 'session',
				operation: 'getActive',
				customerId: '+15551112222',
				agent: agentById(DEMO.agents.support),
				retryAndRateLimit: FAST_RETRIES,
			},
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([session.id]);
		expect(routes(sandbox.current.requests)).toEqual(Array(3).fill('GET /v1/chat/session/active'));
	});

	test('while paging, only the dropped page is asked for again', async () => {
		sandbox.current.opencx.pageSize = 2;
		sandbox.current.addFault({ api: 'opencx', kind: 'drop', times: 1, path: '/contacts' });
		const total = sandbox.current.opencx.contacts.size;

		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'contact', operation: 'getAll', returnAll: true, retryAndRateLimit: FAST_RETRIES },
		});

		expect(error).toBeUndefined();
		expect(new Set(items.map((item) => item.json.id)).size).toBe(total);
		const pages = Math.ceil(total / 2);
		expect(sandbox.current.requests).toHaveLength(pages + 1);
		expect(sandbox.current.requests[0].status).toBe(0);
		expect(sandbox.current.requests[1].query).toEqual({});
	});

	test('while waiting for the AI reply, the history poll is repeated and the message is sent once', async () => {
		const session = sandbox.current.opencx.createSession({ channel: 'api' });
		sandbox.current.addFault({ api: 'opencx', method: 'GET', kind: 'drop', times: 2 });

		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'message',
				operation: 'send',
				sessionId: session.id,
				text: 'Do you ship to Canada?',
				options: { waitForAiReply: true, replyTimeout: 5, pollInterval: 20 },
				retryAndRateLimit: FAST_RETRIES,
			},
		});

		expect(error).toBeUndefined();
		expect(items[0].json.aiReply).toEqual(expect.any(String));
		expect(sandbox.current.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(sandbox.current.requests.filter((r) => r.method === 'GET' && r.status === 0)).toHaveLength(2);
	});

	test('the agent list search is repeated too', async () => {
		sandbox.current.addFault({ api: 'osvi', kind: 'drop', times: 1 });

		const result = await runListSearch(osviChat, 'searchAgents', osviCredentials(sandbox.current), undefined, {
			retryAndRateLimit: FAST_RETRIES,
		});

		expect(result.results.length).toBeGreaterThan(0);
		expect(routes(sandbox.current.requests)).toEqual(['GET /v1/active_agents', 'GET /v1/active_agents']);
	});

	test('on a send, nothing is repeated: the error says it may have been delivered', async () => {
		sandbox.current.addFault({ api: 'osvi', kind: 'drop', times: 1 });

		const { error } = await runOsvi(sandbox.current, { parameters: sendEach(), items: customers(1) });

		expect(error?.message).toBe('The connection to OSVI was lost before it answered (ECONNRESET)');
		expect(description(error)).toContain('Not retried, and it may have been delivered: OSVI may have acted on it before the failure reached n8n');
		expect(routes(sandbox.current.requests)).toEqual(['POST /v1/chat/inbound']);
	});
});

describe('engine failures (502 with upstream_body)', () => {
	test('an engine rejection is not retried and fails with the engine’s reason', async () => {
		const session = sandbox.current.osvi.createSession(DEMO.agents.support, '+15551112222', {}, []);
		sandbox.current.addFault({
			api: 'osvi',
			kind: 'status',
			status: 502,
			body: {
				success: false,
				error: `Python engine returned 422 for POST /v1/chat/session/${session.id}/support`,
				upstream_body: { state: 'rejected', reason: 'tell_not_allowed_during_takeover' },
			},
		});

		const { error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'support', operation: 'tell', sessionId: session.id, message: 'Offer a refund' },
		});

		expect(error?.message).toMatch(/^OSVI does not allow Tell while an operator has taken over the session/);
		expect(description(error)).toContain('Not retried: OSVI turned it down, so nothing was sent.');
		expect(sandbox.current.requests).toHaveLength(1);
	});

	test('an engine failure on a send is not retried, and the error says the message may have gone out', async () => {
		sandbox.current.addFault({
			api: 'osvi',
			kind: 'status',
			status: 502,
			body: { success: false, error: 'Python engine timed out', upstream_body: null },
		});

		const { error, items } = await runOsvi(sandbox.current, {
			parameters: sendEach(),
			items: customers(1),
			continueOnFail: true,
		});

		expect(errorsOf(items)).toEqual([
			'The OSVI chat engine failed (502: Python engine timed out)',
		]);
		expect(error).toBeUndefined();
		expect(String(items[0].error?.description)).toContain('Not retried, and it may have been delivered: OSVI may have acted on it before the failure reached n8n');
		expect(sandbox.current.requests).toHaveLength(1);
	});
});

describe('timeouts (Request Options → Timeout)', () => {
	test('a read that hangs is abandoned at the timeout and asked again', async () => {
		sandbox.current.addFault({ api: 'opencx', kind: 'hang', times: 1 });
		const session = sandbox.current.opencx.createSession({ channel: 'api' });

		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'session',
				operation: 'get',
				sessionId: session.id,
				requestOptions: { timeout: 150 },
				retryAndRateLimit: FAST_RETRIES,
			},
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([session.id]);
		expect(routes(sandbox.current.requests)).toEqual(Array(2).fill(`GET /chat/sessions/${session.id}`));
	});

	test('a send that hangs is abandoned at the timeout and not repeated', async () => {
		sandbox.current.addFault({ api: 'osvi', kind: 'hang', times: 1 });

		const { error } = await runOsvi(sandbox.current, {
			parameters: { ...sendEach(), requestOptions: { timeout: 150 } },
			items: customers(1),
		});

		expect(error?.message).toBe('OSVI did not answer before the request timed out (ECONNABORTED)');
		expect(description(error)).toContain('Not retried, and it may have been delivered: OSVI may have acted on it before the failure reached n8n');
		expect(routes(sandbox.current.requests)).toEqual(['POST /v1/chat/inbound']);
	});
});

describe('client errors are never retried', () => {
	test.each([400, 401, 403, 404, 422])('%s on a read fails after one request', async (status) => {
		sandbox.current.addFault({ api: 'opencx', kind: 'status', status });

		const { error } = await runOpenCx(sandbox.current, { parameters: { resource: 'contact', operation: 'getAll', limit: 1 } });

		expect((error as NodeApiError).httpCode).toBe(String(status));
		expect(sandbox.current.requests).toHaveLength(1);
	});

	test.each([400, 401, 403, 404, 422])('%s on a send fails after one request', async (status) => {
		sandbox.current.addFault({ api: 'osvi', kind: 'status', status });

		const { error } = await runOsvi(sandbox.current, { parameters: sendEach(), items: customers(1) });

		expect((error as NodeApiError).httpCode).toBe(String(status));
		expect(sandbox.current.requests).toHaveLength(1);
	});
});
