import axios, { AxiosInstance } from 'axios';
import { openCxClient, osviClient } from './clients';
import { DEMO, Sandbox, startSandbox } from './index';
import { sleep } from './random';

let sandbox: Sandbox;
let osvi: AxiosInstance;
let opencx: AxiosInstance;

beforeAll(async () => {
	sandbox = await startSandbox();
	osvi = osviClient(sandbox);
	opencx = openCxClient(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const agents = () => osvi.get('/v1/active_agents');
const errorCode = async (p: Promise<unknown>) => p.then(() => 'resolved', (err) => err.code as string);

describe('recording', () => {
	test('records every request with method, decoded and raw path, query, headers, body and status', async () => {
		await osvi.post('/v1/chat/session/a%2Fb/inject_context?x=1&x=2', { context: 'hello' });
		const [r] = sandbox.requests;
		expect(r).toMatchObject({
			api: 'osvi',
			method: 'POST',
			path: '/v1/chat/session/a/b/inject_context',
			rawPath: '/v1/chat/session/a%2Fb/inject_context',
			query: { x: ['1', '2'] },
			body: { context: 'hello' },
			rawBody: '{"context":"hello"}',
			status: 404,
		});
		expect(r.headers['api-token']).toBe(DEMO.osviToken);
		expect(r.at).toBeGreaterThan(0);
	});

	test('a percent-encoded slash stays inside one path segment when routing', async () => {
		const res = await osvi.post('/v1/chat/session/a%2Fb/inject_context', { context: 'x' });
		expect(res.data.error).toBe('session_not_found'); // routed, not "not_found"
	});

	test('requestsTo filters by api, method and path prefix', async () => {
		await agents();
		await opencx.get('/chat/sessions');
		await opencx.post('/chat/sessions', {});
		expect(sandbox.requestsTo('opencx')).toHaveLength(2);
		expect(sandbox.requestsTo('opencx', 'post', '/chat/sessions')).toHaveLength(1);
		expect(sandbox.requestsTo('osvi', 'GET', '/v1/active')).toHaveLength(1);
	});

	test('reset clears requests, stats, faults and state', async () => {
		sandbox.addFault({ kind: 'status', status: 500 });
		await agents();
		await osvi.post('/v1/chat/inbound', { agent_uuid: DEMO.agents.support, customer_id: 'c', content: 'x' });
		sandbox.opencx.sessions.clear();
		sandbox.reset();
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.stats.total).toBe(0);
		expect((await agents()).status).toBe(200);
		expect(sandbox.opencx.sessions.size).toBeGreaterThan(0);
	});
});

describe('latency and concurrency', () => {
	test('setLatency delays every answer', async () => {
		sandbox.setLatency(120);
		const t0 = Date.now();
		await agents();
		expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
	});

	test('stats track total, in-flight and the highest concurrency seen', async () => {
		sandbox.setLatency(80);
		await Promise.all(Array.from({ length: 5 }, () => agents()));
		expect(sandbox.stats).toEqual({ maxConcurrent: 5, inFlight: 0, total: 5 });
	});
});

describe('faults', () => {
	test('a status fault answers 429 with Retry-After and the API envelope', async () => {
		sandbox.addFault({ api: 'osvi', kind: 'status', status: 429, headers: { 'Retry-After': '1' }, times: 1 });
		const first = await agents();
		expect(first.status).toBe(429);
		expect(first.headers['retry-after']).toBe('1');
		expect(first.data).toEqual({ success: false, error: 'rate_limited' });
		expect((await agents()).status).toBe(200); // times: 1
		expect(sandbox.requests.map((r) => r.status)).toEqual([429, 200]);
	});

	test('open.cx faults default to the NestJS envelope', async () => {
		sandbox.addFault({ api: 'opencx', kind: 'status', status: 503 });
		const res = await opencx.get('/chat/sessions');
		expect(res.status).toBe(503);
		expect(res.data).toEqual({ statusCode: 503, message: 'Service Unavailable', error: 'Service Unavailable' });
	});

	test('a 5xx fault with a custom body, matched by method and regex path', async () => {
		sandbox.addFault({ method: 'POST', path: /^\/v1\/chat\/session\/[^/]+\/support$/, kind: 'status', status: 500, body: { boom: true } });
		const hit = await osvi.post('/v1/chat/session/abc/support', { command: 'close' });
		expect([hit.status, hit.data]).toEqual([500, { boom: true }]);
		const miss = await osvi.post('/v1/chat/session/abc/inject_context', { context: 'x' });
		expect(miss.status).toBe(404);
	});

	test('a drop fault destroys the socket without answering', async () => {
		sandbox.addFault({ path: '/v1/active_agents', kind: 'drop', times: 1 });
		expect(await errorCode(agents())).toBe('ECONNRESET');
		expect(sandbox.requests[0].status).toBe(0);
		expect((await agents()).status).toBe(200);
	});

	test('a hang fault never answers until the client gives up', async () => {
		sandbox.addFault({ kind: 'hang', times: 1 });
		expect(await errorCode(osvi.get('/v1/active_agents', { timeout: 150 }))).toBe('ECONNABORTED');
		await sleep(20);
		expect(sandbox.stats.inFlight).toBe(0);
		expect((await agents()).status).toBe(200);
	});

	test('close() does not wait for hanging requests', async () => {
		const other = await startSandbox();
		other.addFault({ kind: 'hang' });
		const pending = errorCode(osviClient(other).get('/v1/active_agents'));
		await sleep(30);
		await other.close();
		expect(await pending).toBe('ECONNRESET');
	});

	test('probabilistic faults are reproducible for the same seed', async () => {
		const pattern = async () => {
			sandbox.reset();
			sandbox.addFault({ kind: 'status', status: 503, probability: 0.5 });
			const statuses: number[] = [];
			for (let i = 0; i < 12; i++) statuses.push((await agents()).status);
			return statuses;
		};
		const a = await pattern();
		expect(a).toContain(503);
		expect(a).toContain(200);
		expect(await pattern()).toEqual(a);
	});

	test('clearFaults removes every rule', async () => {
		sandbox.addFault({ kind: 'status', status: 500 });
		sandbox.clearFaults();
		expect((await agents()).status).toBe(200);
	});
});

describe('admin API', () => {
	const admin = (base: () => string) =>
		axios.create({ baseURL: `${base()}/__sandbox`, validateStatus: () => true });

	test('requests and stats are readable and admin calls are not recorded', async () => {
		await agents();
		const a = admin(() => sandbox.opencxUrl);
		const requests = await a.get('/requests');
		expect(requests.data).toHaveLength(1);
		expect(requests.data[0]).toMatchObject({ api: 'osvi', path: '/v1/active_agents', status: 200 });
		expect((await a.get('/requests', { params: { api: 'opencx' } })).data).toEqual([]);
		expect((await a.get('/stats')).data).toMatchObject({ total: 1, inFlight: 0, maxConcurrent: 1 });
		expect(sandbox.requests).toHaveLength(1);
	});

	test('faults can be added with a regex path, listed and deleted', async () => {
		const a = admin(() => sandbox.osviUrl);
		const add = await a.post('/faults', [{ api: 'osvi', path: { regex: '^/v1/active' }, kind: 'status', status: 502 }]);
		expect(add.data).toEqual({ ok: true, added: 1 });
		const [listed] = (await a.get('/faults')).data;
		expect(new RegExp(listed.path.regex, listed.path.flags).test('/v1/active_agents')).toBe(true);
		expect((await agents()).status).toBe(502);
		await a.delete('/faults');
		expect((await agents()).status).toBe(200);
		expect((await a.post('/faults', [{ kind: 'explode' }])).status).toBe(400);
	});

	test('latency and reset are settable over HTTP', async () => {
		const a = admin(() => sandbox.osviUrl);
		await a.post('/latency', { ms: 100 });
		const t0 = Date.now();
		await agents();
		expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
		await a.post('/reset');
		expect(sandbox.requests).toHaveLength(0);
		const t1 = Date.now();
		await agents();
		expect(Date.now() - t1).toBeLessThan(90);
	});

	test('seed adds open.cx sessions and contacts', async () => {
		const before = { s: sandbox.opencx.sessions.size, c: sandbox.opencx.contacts.size };
		const res = await admin(() => sandbox.opencxUrl).post('/seed', { opencxSessions: 30, opencxContacts: 4 });
		expect(res.data).toEqual({ ok: true, opencxSessions: before.s + 30, opencxContacts: before.c + 4 });
	});

	test('unknown admin routes are 404', async () => {
		expect((await admin(() => sandbox.osviUrl).get('/nope')).status).toBe(404);
	});
});
