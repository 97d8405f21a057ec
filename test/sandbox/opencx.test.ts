import type { AxiosInstance } from 'axios';
import { openCxClient } from './clients';
import { DEMO, Sandbox, startSandbox } from './index';
import { sleep } from './random';

let sandbox: Sandbox;
let api: AxiosInstance;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeAll(async () => {
	sandbox = await startSandbox({ opencxPageSize: 5, aiReplyDelayMs: 20 });
	api = openCxClient(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const newSession = async (body: Record<string, unknown> = {}): Promise<string> => {
	const res = await api.post('/chat/sessions', { channel: { type: 'api' }, ...body });
	expect(res.status).toBe(201);
	return res.data.id;
};
const sendAsContact = (id: string, text: string, extra: Record<string, unknown> = {}) =>
	api.post(`/chat/sessions/${id}/send`, { sender: 'contact', message: { type: 'text', text }, ...extra });
const history = async (id: string) => (await api.get(`/chat/sessions/${id}/history`)).data.items as Array<Record<string, any>>;

/** Polls history until `pred` holds, like a client waiting for the asynchronous AI reply. */
async function waitForEvent(id: string, pred: (e: Record<string, any>) => boolean, ms = 1000) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		const found = (await history(id)).find(pred);
		if (found) return found;
		await sleep(10);
	}
	return undefined;
}

async function collectAll(path: string, params: Record<string, string> = {}): Promise<Array<Record<string, any>>> {
	const all = [];
	let cursor: string | null = null;
	do {
		const res: { status: number; data: { items: unknown[]; next: string | null } } = await api.get(path, {
			params: cursor ? { ...params, cursor } : params,
		});
		expect(res.status).toBe(200);
		all.push(...(res.data.items as Array<Record<string, any>>));
		cursor = res.data.next;
	} while (cursor);
	return all;
}

describe('authentication and scopes', () => {
	test('a missing bearer key is 401 with the NestJS envelope', async () => {
		const res = await openCxClient(sandbox, null).get('/chat/sessions');
		expect(res.status).toBe(401);
		expect(res.data).toEqual({ statusCode: 401, message: 'Unauthorized', error: 'Unauthorized' });
	});

	test('an unknown key is 401', async () => {
		const res = await openCxClient(sandbox, 'ocx_live_nope').get('/contacts');
		expect(res.status).toBe(401);
	});

	test('a sessions-only key is 403 on contacts', async () => {
		const scoped = openCxClient(sandbox, DEMO.opencxSessionsOnlyKey);
		expect((await scoped.get('/chat/sessions')).status).toBe(200);
		const res = await scoped.post('/contacts', { contact: { name: 'x' } });
		expect(res.status).toBe(403);
		expect(res.data).toEqual({ statusCode: 403, message: 'Missing scope: contacts:write', error: 'Forbidden' });
	});

	test('a read-only key can read but is 403 on writes', async () => {
		const ro = openCxClient(sandbox, DEMO.opencxReadOnlyKey);
		expect((await ro.get('/contacts')).status).toBe(200);
		const res = await ro.post('/chat/sessions', {});
		expect(res.status).toBe(403);
		expect(res.data.message).toBe('Missing scope: chat-sessions:write');
	});

	test('unknown routes are 404 "Cannot METHOD path"', async () => {
		const res = await api.get('/x');
		expect(res.data).toEqual({ statusCode: 404, message: 'Cannot GET /x', error: 'Not Found' });
	});
});

describe('POST /chat/sessions', () => {
	test('creates a session and answers 201 {id} with a v4 UUID', async () => {
		const res = await api.post('/chat/sessions', { channel: { type: 'api' }, custom_data: { order_id: 'ord_1', cart: 9.5, vip: true } });
		expect(res.status).toBe(201);
		expect(Object.keys(res.data)).toEqual(['id']);
		expect(res.data.id).toMatch(UUID_V4);
		const got = await api.get(`/chat/sessions/${res.data.id}`);
		expect(got.data).toMatchObject({ status: 'open', channel: { type: 'api' }, assist_mode: false, custom_data: { order_id: 'ord_1', cart: 9.5, vip: true } });
	});

	test('an empty body is accepted', async () => {
		expect((await api.post('/chat/sessions', {})).status).toBe(201);
	});

	test('nested custom_data is a 400 naming the key', async () => {
		const res = await api.post('/chat/sessions', { custom_data: { order: { id: 1 } } });
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ statusCode: 400, message: ['custom_data.order must be a string, number or boolean'], error: 'Bad Request' });
	});

	test('an array in contact.custom_data is a 400', async () => {
		const res = await api.post('/chat/sessions', { contact: { name: 'A', custom_data: { tags: ['a'] } } });
		expect(res.status).toBe(400);
		expect(res.data.message).toEqual(['contact.custom_data.tags must be a string, number or boolean']);
	});

	test('a contact_id that is not a UUID is a 400', async () => {
		const res = await api.post('/chat/sessions', { contact_id: '42' });
		expect(res.status).toBe(400);
		expect(res.data.message).toEqual(['contact_id must be a UUID']);
	});

	test('an unknown contact_id is a 404', async () => {
		const res = await api.post('/chat/sessions', { contact_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a' });
		expect(res.status).toBe(404);
		expect(res.data.error).toBe('Not Found');
	});

	test('an inline contact is created and embedded in the session', async () => {
		const id = await newSession({ verified: true, contact: { name: 'Zed', email: 'zed@example.com', custom_data: { plan: 'free' } } });
		const s = (await api.get(`/chat/sessions/${id}`)).data;
		expect(s.contact).toMatchObject({ id: expect.stringMatching(UUID_V4), name: 'Zed', email: 'zed@example.com', custom_data: { plan: 'free' } });
		expect(sandbox.opencx.contacts.has(s.contact.id)).toBe(true);
	});

	test('ticket numbers increase with each session', async () => {
		const a = (await api.get(`/chat/sessions/${await newSession()}`)).data.ticket_number;
		const b = (await api.get(`/chat/sessions/${await newSession()}`)).data.ticket_number;
		expect(b).toBe(a + 1);
	});
});

describe('GET /chat/sessions/{id}', () => {
	test('an unknown session is a NestJS 404', async () => {
		const res = await api.get('/chat/sessions/3c90c3cc-0d44-4b50-8888-8dd25736052a');
		expect(res.status).toBe(404);
		expect(res.data).toEqual({ statusCode: 404, message: 'Chat session not found', error: 'Not Found' });
	});
});

describe('GET /chat/sessions (cursor)', () => {
	test('pages to the end without duplicates and ends with next null', async () => {
		const all = await collectAll('/chat/sessions');
		expect(all).toHaveLength(sandbox.opencx.sessions.size);
		expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
	});

	test('filters by status, handed_off and channel_type', async () => {
		const open = await collectAll('/chat/sessions', { status: 'open' });
		expect(open.length).toBeGreaterThan(0);
		expect(open.every((s) => s.status === 'open')).toBe(true);
		const handed = await collectAll('/chat/sessions', { handed_off: 'true' });
		expect(handed.length).toBeGreaterThan(0);
		expect(handed.every((s) => s.handoff)).toBe(true);
		const web = await collectAll('/chat/sessions', { channel_type: 'web' });
		expect(web.every((s) => s.channel.type === 'web')).toBe(true);
	});

	test('filters by created and updated date ranges', async () => {
		const after = '2026-01-05T10:00:00.000Z';
		const before = '2026-01-06T00:00:00.000Z';
		const got = await collectAll('/chat/sessions', { created_after: after, created_before: before });
		expect(got.length).toBeGreaterThan(0);
		expect(got.every((s) => s.created_at > after && s.created_at < before)).toBe(true);
		const updated = await collectAll('/chat/sessions', { updated_after: '2100-01-01T00:00:00Z' });
		expect(updated).toEqual([]);
	});

	test('an invalid cursor is a 400', async () => {
		const res = await api.get('/chat/sessions', { params: { cursor: 'garbage!' } });
		expect(res.status).toBe(400);
		expect(res.data.statusCode).toBe(400);
	});

	test('seeded data is the same on every run with the same seed', async () => {
		const other = await startSandbox({ opencxPageSize: 5 });
		try {
			expect([...other.opencx.sessions.keys()]).toEqual([...sandbox.opencx.sessions.keys()]);
		} finally {
			await other.close();
		}
	});
});

describe('POST /chat/sessions/filter', () => {
	test('pages with has_next and has_previous', async () => {
		const total = sandbox.opencx.sessions.size;
		const first = await api.post('/chat/sessions/filter', { page: 1, limit: 5, sort_by: 'created_at', sort_order: 'asc' });
		expect(first.status).toBe(200);
		expect(first.data).toMatchObject({ page: 1, limit: 5, has_next: true, has_previous: false });
		expect(first.data.data).toHaveLength(5);
		const lastPage = Math.ceil(total / 5);
		const last = await api.post('/chat/sessions/filter', { page: lastPage, limit: 5, sort_by: 'created_at', sort_order: 'asc' });
		expect(last.data).toMatchObject({ has_next: false, has_previous: true });
		const dates = first.data.data.map((s: { created_at: string }) => s.created_at);
		expect([...dates].sort()).toEqual(dates);
	});

	test('filters by status and channel and ignores unknown keys', async () => {
		const res = await api.post('/chat/sessions/filter', { filters: { status: 'open', channels: ['web', 'sms'], whatever: 1 }, limit: 100 });
		expect(res.data.data.length).toBeGreaterThan(0);
		expect(res.data.data.every((s: any) => s.status === 'open' && ['web', 'sms'].includes(s.channel.type))).toBe(true);
	});

	test('filters by contact_id and handed_off', async () => {
		const contactId = [...sandbox.opencx.contacts.keys()][0];
		const res = await api.post('/chat/sessions/filter', { filters: { contact_id: contactId, handed_off: false }, limit: 100 });
		expect(res.data.data.length).toBeGreaterThan(0);
		expect(res.data.data.every((s: any) => s.contact.id === contactId && !s.handoff)).toBe(true);
	});

	test('a limit above 100 is a 400', async () => {
		const res = await api.post('/chat/sessions/filter', { limit: 101 });
		expect(res.status).toBe(400);
		expect(res.data.message).toEqual(['limit must not be greater than 100']);
	});
});

describe('GET /chat/sessions/search', () => {
	test('matches contacts by name, email or phone and messages by text', async () => {
		const res = await api.get('/chat/sessions/search', { params: { q: 'ALICE' } });
		expect(res.data.contacts).toEqual([{ id: expect.any(String), name: 'Alice Martin', email: 'alice@example.com', phone: '+15550000001' }]);
		const msgs = await api.get('/chat/sessions/search', { params: { q: 'password' } });
		expect(msgs.data.messages[0]).toMatchObject({ session_id: expect.any(String), message: 'How do I reset my password?', type: 'contact' });
	});

	test('contact_id narrows both lists to that contact', async () => {
		const bob = [...sandbox.opencx.contacts.values()].find((c) => c.name === 'Bob Chen')!;
		const res = await api.get('/chat/sessions/search', { params: { q: 'e', contact_id: bob.id } });
		expect(res.data.contacts.map((c: any) => c.id)).toEqual([bob.id]);
		const sessionIds = new Set([...sandbox.opencx.sessions.values()].filter((s) => s.contactId === bob.id).map((s) => s.id));
		expect(res.data.messages.every((m: any) => sessionIds.has(m.session_id))).toBe(true);
	});

	test('an empty q is a 400', async () => {
		expect((await api.get('/chat/sessions/search', { params: { q: '' } })).status).toBe(400);
	});
});

describe('PATCH /chat/sessions/{id}', () => {
	test('closing answers 200 with no body and updates the status', async () => {
		const id = await newSession();
		const res = await api.patch(`/chat/sessions/${id}`, { status: 'closed_resolved' });
		expect(res.status).toBe(200);
		expect(res.data).toBe('');
		expect((await api.get(`/chat/sessions/${id}`)).data.status).toBe('closed_resolved');
	});

	test('closing with generate_summary_and_sentiment_on_resolve fills summary and sentiment', async () => {
		const id = await newSession();
		await api.patch(`/chat/sessions/${id}`, { status: 'closed_resolved', generate_summary_and_sentiment_on_resolve: true });
		const s = (await api.get(`/chat/sessions/${id}`)).data;
		expect(s.sentiment).toBe('happy');
		expect(s.handoff).toEqual({ summary: expect.any(String), sentiment: 'happy' });
	});

	test('a bad status is a 400 and an unknown session a 404', async () => {
		const id = await newSession();
		expect((await api.patch(`/chat/sessions/${id}`, { status: 'done' })).status).toBe(400);
		expect((await api.patch('/chat/sessions/3c90c3cc-0d44-4b50-8888-8dd25736052a', { status: 'open' })).status).toBe(404);
	});
});

describe('POST /chat/sessions/{id}/send', () => {
	test('answers 201 with the message id and the AI reply lands in history later', async () => {
		const id = await newSession();
		const res = await sendAsContact(id, 'Where is my parcel?');
		expect(res.status).toBe(201);
		expect(res.data).toEqual({ success: true, data: { message: { id: expect.any(String) } } });
		const reply = await waitForEvent(id, (e) => e.event.sender.type === 'ai');
		expect(reply).toMatchObject({
			id: expect.any(String),
			created_at: expect.any(String),
			event: {
				type: 'message',
				sender: { type: 'ai', name: 'AI' },
				content: { type: 'text', text: 'AI: Where is my parcel?' },
				attachments: [],
				context: {},
			},
		});
		// Nothing links the reply to the message: the docs document no such field.
		expect(JSON.stringify(reply)).not.toContain(res.data.data.message.id);
	});

	test('merges session custom_data and contact custom_data', async () => {
		const id = await newSession({ custom_data: { a: '1' } });
		await sendAsContact(id, 'hi', { custom_data: { b: 2 }, contact: { name: 'Kim', custom_data: { plan: 'pro' } } });
		await sendAsContact(id, 'again', { contact: { custom_data: { seats: '3' } } });
		const s = (await api.get(`/chat/sessions/${id}`)).data;
		expect(s.custom_data).toEqual({ a: '1', b: 2 });
		expect(s.contact).toMatchObject({ name: 'Kim', custom_data: { plan: 'pro', seats: '3' } });
	});

	test('rejects nested custom_data, non-string contact custom_data, a missing text and a bad sender', async () => {
		const id = await newSession();
		const nested = await sendAsContact(id, 'x', { custom_data: { o: { a: 1 } } });
		expect(nested.data.message).toEqual(['custom_data.o must be a string, number or boolean']);
		const contactNum = await sendAsContact(id, 'x', { contact: { custom_data: { n: 1 } } });
		expect(contactNum.data.message).toEqual(['contact.custom_data.n must be a string']);
		const noText = await api.post(`/chat/sessions/${id}/send`, { sender: 'contact', message: { type: 'text' } });
		expect(noText.status).toBe(400);
		const badSender = await api.post(`/chat/sessions/${id}/send`, { sender: 'bot', message: { type: 'text', text: 'x' } });
		expect(badSender.data.message).toEqual(['sender must be one of the following values: contact, agent']);
	});

	test('accepts attachments without text', async () => {
		const id = await newSession();
		const res = await api.post(`/chat/sessions/${id}/send`, {
			sender: 'contact',
			message: { type: 'text', attachments: [{ name: 'a.txt', base64: Buffer.from('hello').toString('base64'), mime_type: 'text/plain' }] },
		});
		expect(res.status).toBe(201);
		const ev = (await history(id)).find((e) => e.event.sender.type === 'contact')!;
		expect(ev.event.attachments[0]).toMatchObject({ name: 'a.txt', size: 5, type: 'text/plain', url: expect.any(String) });
	});

	test('an unknown session is a 404', async () => {
		const res = await sendAsContact('3c90c3cc-0d44-4b50-8888-8dd25736052a', 'x');
		expect(res.status).toBe(404);
	});

	test('an agent taking over puts the session in assist mode and the AI stays silent', async () => {
		const id = await newSession();
		const res = await api.post(`/chat/sessions/${id}/send`, {
			sender: 'agent',
			message: { type: 'text', text: 'Hi, Sam here' },
			agent: { id: 7, name: 'Sam', avatar_url: 'https://example.com/sam.png' },
			should_take_over_session_from_ai: true,
		});
		expect(res.status).toBe(201);
		const s = (await api.get(`/chat/sessions/${id}`)).data;
		expect(s.assist_mode).toBe(true);
		expect(s.handoff).toBeDefined();
		const types = (await history(id)).map((e) => `${e.event.type}:${e.event.sender.type}`);
		expect(types).toEqual(['human_agent_takeover:human_agent', 'message:human_agent']);
		await sendAsContact(id, 'thanks');
		await sleep(60);
		expect((await history(id)).some((e) => e.event.sender.type === 'ai')).toBe(false);
	});

	test('asking for a human makes the AI hand off instead of replying', async () => {
		const id = await newSession();
		await sendAsContact(id, 'I want a human');
		const ev = await waitForEvent(id, (e) => e.event.type === 'handoff');
		expect(ev?.event.sender).toEqual({ type: 'ai', name: 'AI' });
		const listed = await collectAll('/chat/sessions', { handed_off: 'true' });
		expect(listed.map((s) => s.id)).toContain(id);
	});

	test('with aiReplies off the AI never answers', async () => {
		sandbox.opencx.aiReplies = false;
		const id = await newSession();
		await sendAsContact(id, 'hello?');
		await sleep(60);
		expect((await history(id)).map((e) => e.event.sender.type)).toEqual(['contact']);
	});

	test('the autopilot response style returns the AI reply synchronously', async () => {
		sandbox.opencx.sendResponseStyle = 'autopilot';
		const id = await newSession();
		const res = await sendAsContact(id, 'ping');
		expect(res.status).toBe(201);
		expect(res.data).toMatchObject({
			success: true,
			data: {
				success: true,
				code: 'ok',
				autopilotResponse: { type: 'text', value: { error: false, content: 'AI: ping' }, id: expect.any(String) },
				sessionIsHandedOff: false,
			},
		});
	});
});

describe('the older /send answer styles (assumed values, documented fields)', () => {
	test('autopilot-flat has the autopilot fields at the top level', async () => {
		sandbox.opencx.sendResponseStyle = 'autopilot-flat';
		const id = await newSession();
		const res = await sendAsContact(id, 'ping');
		expect(res.data).toMatchObject({ success: true, autopilotResponse: { value: { content: 'AI: ping' } }, sessionIsHandedOff: false });
		expect(res.data.data).toBeUndefined();
	});

	test('ai-response is the old spec { ai_response: { text } }', async () => {
		sandbox.opencx.sendResponseStyle = 'ai-response';
		const id = await newSession();
		expect((await sendAsContact(id, 'ping')).data).toEqual({ ai_response: { text: 'AI: ping' } });
	});
});

describe('GET /chat/sessions/{id}/history', () => {
	test('pages oldest first to the end', async () => {
		sandbox.opencx.aiReplies = false;
		const id = await newSession();
		for (let i = 0; i < 7; i++) await sendAsContact(id, `m${i}`);
		const all = await collectAll(`/chat/sessions/${id}/history`);
		expect(all.map((e) => e.event.content.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
	});

	test('newest first pages backwards to the end, without ids when switched off', async () => {
		sandbox.opencx.aiReplies = false;
		sandbox.opencx.historyOrder = 'newest-first';
		sandbox.opencx.historyItemIds = false;
		const id = await newSession();
		for (let i = 0; i < 7; i++) await sendAsContact(id, `m${i}`);
		const all = await collectAll(`/chat/sessions/${id}/history`);
		expect(all.map((e) => e.event.content.text)).toEqual(['m6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0']);
		expect(all.every((e) => !('id' in e))).toBe(true);
	});
});

describe('admin: open shapes', () => {
	const admin = () => openCxClient(sandbox, null);

	test('GET and POST /__sandbox/opencx/shapes read and switch the shapes; reset restores them', async () => {
		expect((await admin().get('/__sandbox/opencx/shapes')).data).toEqual({
			historyOrder: 'oldest-first',
			historyItemIds: true,
			sendResponse: 'ack',
			aiReplies: true,
		});
		const res = await admin().post('/__sandbox/opencx/shapes', { historyOrder: 'newest-first', historyItemIds: false, sendResponse: 'autopilot-flat' });
		expect(res.data).toEqual({ historyOrder: 'newest-first', historyItemIds: false, sendResponse: 'autopilot-flat', aiReplies: true });
		sandbox.reset();
		expect((await admin().get('/__sandbox/opencx/shapes')).data.historyOrder).toBe('oldest-first');
	});

	test('a wrong value or key is a 400 that changes nothing', async () => {
		const bad = await admin().post('/__sandbox/opencx/shapes', { historyOrder: 'random', historyItemIds: false });
		expect([bad.status, bad.data.error]).toEqual([400, 'historyOrder must be one of oldest-first, newest-first']);
		expect((await admin().post('/__sandbox/opencx/shapes', { order: 'x' })).data.error).toMatch(/^unknown keys: order/);
		expect(sandbox.opencx.historyItemIds).toBe(true);
	});
});

describe('contacts', () => {
	test('create answers 201 {id}; list shows it with phone_number', async () => {
		const res = await api.post('/contacts', { contact: { name: 'Neo', email: 'neo@example.com', phone: '+1555', custom_data: { x: 'y' } } });
		expect(res.status).toBe(201);
		expect(res.data.id).toMatch(UUID_V4);
		const all = await collectAll('/contacts');
		expect(all.find((c) => c.id === res.data.id)).toEqual({
			id: res.data.id,
			email: 'neo@example.com',
			phone_number: '+1555',
			name: 'Neo',
			custom_data: { x: 'y' },
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		expect(all).toHaveLength(sandbox.opencx.contacts.size);
	});

	test('create without the contact wrapper or with non-string custom_data is a 400', async () => {
		expect((await api.post('/contacts', { name: 'x' })).data.message).toEqual(['contact must be an object']);
		expect((await api.post('/contacts', { contact: { custom_data: { n: 1 } } })).data.message).toEqual([
			'contact.custom_data.n must be a string',
		]);
	});

	test('list filters by created_after', async () => {
		const res = await api.get('/contacts', { params: { created_after: '2100-01-01T00:00:00Z' } });
		expect(res.data).toEqual({ items: [], next: null });
	});

	test('update merges custom_data and answers 200 with no body', async () => {
		const id = (await api.post('/contacts', { contact: { name: 'A', custom_data: { a: '1' } } })).data.id;
		const res = await api.patch(`/contacts/${id}`, { contact: { phone: '+44', custom_data: { b: '2' } } });
		expect([res.status, res.data]).toEqual([200, '']);
		expect(sandbox.opencx.contacts.get(id)).toMatchObject({ phone_number: '+44', custom_data: { a: '1', b: '2' } });
	});

	test('delete answers 200 with no body, then 404', async () => {
		const id = (await api.post('/contacts', { contact: { name: 'A' } })).data.id;
		expect((await api.delete(`/contacts/${id}`)).status).toBe(200);
		const again = await api.delete(`/contacts/${id}`);
		expect(again.status).toBe(404);
		expect(again.data).toEqual({ statusCode: 404, message: 'Contact not found', error: 'Not Found' });
	});
});
