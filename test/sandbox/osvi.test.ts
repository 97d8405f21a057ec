import type { AxiosInstance } from 'axios';
import { osviClient } from './clients';
import { DEMO, Sandbox, startSandbox } from './index';

let sandbox: Sandbox;
let api: AxiosInstance;
const { support, sales, archived, inactive, unlisted } = DEMO.agents;

beforeAll(async () => {
	sandbox = await startSandbox();
	api = osviClient(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const createSession = (body: Record<string, unknown>) => api.post('/v1/chat/session', { agent_uuid: support, customer_id: 'cust-1', ...body });
const inbound = (body: Record<string, unknown>) => api.post('/v1/chat/inbound', { agent_uuid: support, customer_id: 'cust-1', ...body });

describe('authentication', () => {
	test('a missing API-Token is rejected with 401 and the v1 envelope', async () => {
		const res = await osviClient(sandbox, null).get('/v1/active_agents');
		expect(res.status).toBe(401);
		expect(res.data).toEqual({ success: false, error: 'Invalid API token' });
	});

	test('a wrong API-Token is rejected with 401', async () => {
		const res = await osviClient(sandbox, 'wrongtoken000000').post('/v1/chat/inbound', {});
		expect(res.status).toBe(401);
	});

	test('unknown routes answer 404 not_found', async () => {
		const res = await api.get('/v1/nothing/here');
		expect(res.status).toBe(404);
		expect(res.data).toEqual({ success: false, error: 'not_found' });
	});

	test('invalid JSON is a 400 in the v1 envelope', async () => {
		const res = await api.post('/v1/chat/session', '{"agent_uuid": ', { headers: { 'Content-Type': 'application/json' }, transformRequest: (d) => d });
		expect(res.status).toBe(400);
		expect(res.data.success).toBe(false);
		expect(res.data.error).toMatch(/JSON/);
	});
});

describe('GET /v1/active_agents', () => {
	test('answers a bare array of listed active agents only', async () => {
		const res = await api.get('/v1/active_agents');
		expect(res.status).toBe(200);
		expect(Array.isArray(res.data)).toBe(true);
		expect(res.data).toEqual([
			{ agent_id: support, name: 'Demo Support Agent', status: 'active' },
			{ agent_id: sales, name: 'Demo Sales Agent', status: 'active' },
		]);
	});
});

describe('POST /v1/chat/session', () => {
	test('creates a session object with metadata buckets', async () => {
		const res = await createSession({ input_fields: { first_name: 'Alex' }, context: ['Initial context'] });
		expect(res.status).toBe(200);
		expect(res.data.success).toBe(true);
		expect(res.data.data).toMatchObject({
			customer_id: 'cust-1',
			mode: 'ai',
			help_requested: false,
			status: 'active',
			current_state: null,
			active_human: null,
			account_id: 7,
			metadata: { input_fields: { first_name: 'Alex' }, state_fields: {}, context: ['Initial context'] },
		});
		expect(typeof res.data.data.chat_agent_id).toBe('number');
		expect(res.data.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
	});

	test('missing customer_id is a 400 naming the field', async () => {
		const res = await api.post('/v1/chat/session', { agent_uuid: support });
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ success: false, error: 'customer_id is required' });
	});

	test('missing agent_uuid is a 400 naming the field', async () => {
		const res = await api.post('/v1/chat/session', { customer_id: 'x' });
		expect(res.data).toEqual({ success: false, error: 'agent_uuid is required' });
	});

	test('a non-string customer_id is a 400 saying it must be a string', async () => {
		const res = await createSession({ customer_id: 15551112222 });
		expect(res.data).toEqual({ success: false, error: 'customer_id must be a string' });
	});

	test('an unknown agent is 404 agent_not_found', async () => {
		const res = await createSession({ agent_uuid: 'agent_nope' });
		expect(res.status).toBe(404);
		expect(res.data).toEqual({ success: false, error: 'agent_not_found' });
	});

	test('archived and inactive agents are 422 with their codes', async () => {
		const a = await createSession({ agent_uuid: archived });
		const i = await createSession({ agent_uuid: inactive });
		expect([a.status, a.data.error]).toEqual([422, 'agent_archived']);
		expect([i.status, i.data.error]).toEqual([422, 'agent_inactive']);
	});

	test('an unlisted chat agent works even though active_agents omits it', async () => {
		const res = await createSession({ agent_uuid: unlisted });
		expect(res.status).toBe(200);
	});

	test('creating a session closes the previous one of the same customer and agent', async () => {
		const first = (await createSession({})).data.data.id;
		const other = (await createSession({ agent_uuid: sales })).data.data.id;
		const second = (await createSession({})).data.data.id;
		expect(sandbox.osvi.sessions.get(first)?.status).toBe('closed');
		expect(sandbox.osvi.sessions.get(other)?.status).toBe('active');
		expect(sandbox.osvi.sessions.get(second)?.status).toBe('active');
	});

	test('context keeps only the last 5 non-empty strings', async () => {
		const res = await createSession({ context: ['a', '', 'b', 'c', '  ', 'd', 'e', 'f'] });
		expect(res.data.data.metadata.context).toEqual(['b', 'c', 'd', 'e', 'f']);
	});
});

describe('POST /v1/chat/inbound', () => {
	test('without session_id creates a session and returns the deterministic reply', async () => {
		const res = await inbound({ content: 'Hello' });
		expect(res.status).toBe(200);
		expect(res.data.data).toMatchObject({ reply: 'Thanks, you said: Hello', state: 'default', mode: 'ai', help_requested: false });
		expect(sandbox.osvi.sessions.get(res.data.data.session_id)).toBeDefined();
	});

	test("without session_id resumes the customer's active session", async () => {
		const created = (await createSession({})).data.data.id;
		const res = await inbound({ content: 'Hi again' });
		expect(res.data.data.session_id).toBe(created);
		expect(sandbox.osvi.messages(created, 'customer').map((m) => m.text)).toEqual(['Hi again']);
	});

	test('with an unknown session_id is 404 session_not_found', async () => {
		const res = await inbound({ content: 'x', session_id: '00000000-0000-4000-8000-000000000000' });
		expect(res.status).toBe(404);
		expect(res.data).toEqual({ success: false, error: 'session_not_found' });
	});

	test('with a closed session_id is 404 session_not_found', async () => {
		const id = (await createSession({})).data.data.id;
		await api.post(`/v1/chat/session/${id}/support`, { command: 'close' });
		const res = await inbound({ content: 'x', session_id: id });
		expect(res.status).toBe(404);
	});

	test('missing content is a 400 naming the field', async () => {
		const res = await inbound({});
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ success: false, error: 'content is required' });
	});

	test('asking for a human sets help_requested', async () => {
		const res = await inbound({ content: 'Can I talk to a human operator?' });
		expect(res.data.data.help_requested).toBe(true);
	});

	test('an archived agent is 422 agent_archived', async () => {
		const res = await inbound({ agent_uuid: archived, content: 'x' });
		expect([res.status, res.data.error]).toEqual([422, 'agent_archived']);
	});

	test('in support mode the reply is null and the message waits for the operator', async () => {
		const id = (await createSession({})).data.data.id;
		await api.post(`/v1/chat/session/${id}/support`, { command: 'takeover' });
		const res = await inbound({ content: 'Are you there?' });
		expect(res.data.data).toMatchObject({ session_id: id, reply: null, mode: 'support' });
		expect(sandbox.osvi.messages(id, 'agent')).toHaveLength(0);
	});

	test('the message log lets tests count duplicate sends', async () => {
		await inbound({ content: 'once' });
		const res = await inbound({ content: 'once' });
		expect(sandbox.osvi.messages(res.data.data.session_id, 'customer')).toHaveLength(2);
	});
});

describe('GET /v1/chat/session/active', () => {
	test('with agent_uuid returns the session object', async () => {
		const id = (await createSession({})).data.data.id;
		const res = await api.get('/v1/chat/session/active', { params: { customer_id: 'cust-1', agent_uuid: support } });
		expect(res.status).toBe(200);
		expect(res.data.data.id).toBe(id);
	});

	test('with agent_uuid and no active session is 404 session_not_found', async () => {
		const res = await api.get('/v1/chat/session/active', { params: { customer_id: 'nobody', agent_uuid: support } });
		expect(res.status).toBe(404);
		expect(res.data).toEqual({ success: false, error: 'session_not_found' });
	});

	test('without agent_uuid returns sessions keyed by agent UUID', async () => {
		await createSession({});
		await createSession({ agent_uuid: sales });
		const res = await api.get('/v1/chat/session/active', { params: { customer_id: 'cust-1' } });
		expect(Object.keys(res.data.data).sort()).toEqual([sales, support].sort());
	});

	test('without agent_uuid and no sessions returns an empty object', async () => {
		const res = await api.get('/v1/chat/session/active', { params: { customer_id: 'nobody' } });
		expect(res.data).toEqual({ success: true, data: {} });
	});

	test('without customer_id is a 400', async () => {
		const res = await api.get('/v1/chat/session/active');
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ success: false, error: 'customer_id is required' });
	});
});

describe('POST /v1/chat/session/{id}/inject_context', () => {
	test('appends one entry and returns the whole FIFO-5 list', async () => {
		const id = (await createSession({ context: ['1', '2', '3', '4', '5'] })).data.data.id;
		const res = await api.post(`/v1/chat/session/${id}/inject_context`, { context: '6' });
		expect(res.data).toEqual({ success: true, data: { session_id: id, context: ['2', '3', '4', '5', '6'] } });
	});

	test('an empty context is a 400', async () => {
		const id = (await createSession({})).data.data.id;
		const res = await api.post(`/v1/chat/session/${id}/inject_context`, { context: '  ' });
		expect(res.status).toBe(400);
	});

	test('an unknown session is 404 session_not_found', async () => {
		const res = await api.post('/v1/chat/session/nope/inject_context', { context: 'x' });
		expect([res.status, res.data.error]).toEqual([404, 'session_not_found']);
	});
});

describe('POST /v1/chat/session/{id}/support', () => {
	let id: string;
	const support_ = (body: Record<string, unknown>) => api.post(`/v1/chat/session/${id}/support`, body);
	beforeEach(async () => {
		id = (await createSession({})).data.data.id;
	});

	test('takeover switches to support mode with an active human and clears help_requested', async () => {
		await inbound({ content: 'I want a human' });
		const res = await support_({ command: 'takeover' });
		expect(res.data).toEqual({
			success: true,
			data: { state: 'ok', session_id: id, command: 'takeover', active_human: 'operator@sandbox.local' },
		});
		expect(sandbox.osvi.sessions.get(id)).toMatchObject({ mode: 'support', helpRequested: false });
	});

	test('tell adds guidance and returns the agent reply', async () => {
		const res = await support_({ command: 'tell', message: 'Offer a discount' });
		expect(res.data.data).toMatchObject({ state: 'ok', command: 'tell' });
		expect(typeof res.data.data.reply).toBe('string');
	});

	test('tell without message is a 400', async () => {
		const res = await support_({ command: 'tell' });
		expect(res.status).toBe(400);
	});

	test('tell during a takeover is a 502 with the engine upstream_body', async () => {
		await support_({ command: 'takeover' });
		const res = await support_({ command: 'tell', message: 'x' });
		expect(res.status).toBe(502);
		expect(res.data).toEqual({
			success: false,
			error: `Python engine returned 422 for POST /v1/chat/session/${id}/support`,
			upstream_body: { state: 'rejected', reason: 'tell_not_allowed_during_takeover' },
		});
	});

	test('whisper is accepted and never shown to the customer', async () => {
		const res = await support_({ command: 'whisper', message: 'be nice' });
		expect(res.data.data).toEqual({ state: 'ok', session_id: id, command: 'whisper' });
		expect(sandbox.osvi.messages(id).find((m) => m.text === 'be nice')?.kind).toBe('whisper');
	});

	test('end hands the session back to the AI', async () => {
		await support_({ command: 'takeover' });
		const res = await support_({ command: 'end' });
		expect(res.data.data.active_human).toBeNull();
		expect(sandbox.osvi.sessions.get(id)).toMatchObject({ mode: 'ai', activeHuman: null });
	});

	test('close closes the session, after which it is 404 session_not_found', async () => {
		await support_({ command: 'close' });
		expect(sandbox.osvi.sessions.get(id)?.status).toBe('closed');
		const res = await support_({ command: 'takeover' });
		expect([res.status, res.data.error]).toEqual([404, 'session_not_found']);
	});

	test('a plain operator message in support mode has command null', async () => {
		await support_({ command: 'takeover' });
		const res = await support_({ message: 'Hello, I am Sam' });
		expect(res.status).toBe(200);
		expect(res.data.data).toMatchObject({ state: 'ok', session_id: id, command: null });
		expect(sandbox.osvi.messages(id, 'operator').map((m) => m.text)).toContain('Hello, I am Sam');
	});

	test('a plain operator message outside support mode is a 502 from the engine', async () => {
		const res = await support_({ message: 'hi' });
		expect(res.status).toBe(502);
		expect(res.data.upstream_body).toEqual({ state: 'rejected', reason: 'operator_message_requires_support_mode' });
	});

	test('an unknown command is a 400', async () => {
		const res = await support_({ command: 'dance' });
		expect(res.status).toBe(400);
		expect(res.data.success).toBe(false);
	});
});

describe('legacy chat', () => {
	test('start, send and close a legacy session', async () => {
		const start = await api.post('/chat_sessions', { agent_uuid: support, metadata: { person_name: 'Jane' } });
		expect(start.status).toBe(200);
		expect(start.data.data).toMatchObject({ agent_name: 'Demo Support Agent', welcome_message: expect.any(String) });
		expect(start.data.data.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/); // naive, no zone
		const sessionId = start.data.data.session_id;

		const send = await api.post('/chat_messages/send_message', { agent_uuid: support, chat_session_id: sessionId, message: 'Hi' });
		expect(send.data).toEqual({
			success: true,
			data: { session_id: sessionId, response: 'Thanks, you said: Hi', tool_calls: [], tool_results: [], current_state: null },
		});

		const close = await api.post(`/chat_sessions/${sessionId}/close_session`, { agent_uuid: support });
		expect(close.data.data).toEqual({ session_id: sessionId, summary: expect.any(String) });
	});

	test('legacy validation errors are 422 with an errors array', async () => {
		const res = await api.post('/chat_messages/send_message', {});
		expect(res.status).toBe(422);
		expect(res.data).toEqual({
			success: false,
			errors: ['agent_uuid is required', 'chat_session_id is required', 'message is required'],
		});
	});

	test('a legacy start with an unknown agent is 422 with an errors array', async () => {
		const res = await api.post('/chat_sessions', { agent_uuid: 'agent_nope' });
		expect(res.status).toBe(422);
		expect(res.data.errors).toHaveLength(1);
	});

	test('legacy routes reject a bad token with the 401 envelope', async () => {
		const res = await osviClient(sandbox, 'x').post('/chat_sessions', { agent_uuid: support });
		expect(res.status).toBe(401);
		expect(res.data).toEqual({ success: false, error: 'Invalid API token' });
	});
});
