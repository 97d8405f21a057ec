import http from 'http';
import type { AddressInfo } from 'net';
import axios, { type AxiosInstance } from 'axios';
import { osviClient } from './clients';
import { DEMO, Sandbox, startSandbox } from './index';

let sandbox: Sandbox;
let api: AxiosInstance;
const { support, sales } = DEMO.agents;
const CAMPAIGN = DEMO.campaigns.outbound;

beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 50 });
	api = osviClient(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const startCall = (body: Record<string, unknown> = {}) =>
	api.post('/v1/call', { agent_uuid: support, phone_number: '9876543210', country_code: 'IN', ...body });

/** A local receiver for post-call webhooks: resolves with the first body it gets. */
async function webhookReceiver(status = 200): Promise<{ url: string; received: Promise<Record<string, unknown>>; close: () => Promise<void> }> {
	let deliver: (body: Record<string, unknown>) => void = () => {};
	const received = new Promise<Record<string, unknown>>((resolve) => (deliver = resolve));
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			res.writeHead(status).end();
			deliver({ method: req.method, contentType: req.headers['content-type'], body: JSON.parse(raw) });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/hook?secret=s3`, received, close: () => new Promise((r) => server.close(() => r())) };
}

const waitUntil = async (check: () => boolean, ms = 3000) => {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 10));
	}
};

describe('POST /v1/call', () => {
	test('queues a call: 200 with a call_id, visible at once as in_progress', async () => {
		sandbox.voice.callDurationMs = 60_000;
		const res = await startCall({ person_name: 'Asha' });
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ success: true, data: { call_id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
		const call = await api.get(`/v1/call/${res.data.data.call_id}`);
		expect(call.data.data).toMatchObject({ status: 'in_progress', phone_number: '+919876543210', caller_name: 'Asha', call_type: 'outbound' });
	});

	test.each([
		['agent_uuid', { agent_uuid: '' }, 'param is missing or the value is empty: agent_uuid'],
		['phone_number', { phone_number: undefined }, 'param is missing or the value is empty: phone_number'],
		['letters in the phone', { phone_number: '98765abc10' }, 'phone_number "98765abc10" is not a valid number for country_code IN'],
		['an implausible phone', { phone_number: '12345' }, 'phone_number "12345" is not a valid number for country_code IN'],
		['an unknown country', { country_code: 'XX' }, 'country_code "XX" is not an ISO 3166-1 alpha-2 country code'],
		['additional data as an array', { additional_data: [1, 2] }, 'additional_data must be a JSON object'],
		['additional data as a string', { additional_data: 'plan=Pro' }, 'additional_data must be a JSON object'],
		['a greeting over 2000 characters', { initial_greeting: 'a'.repeat(2001) }, 'initial_greeting is too long (maximum is 2000 characters)'],
		['a webhook URL without http', { webhook_url: 'ftp://example.com/x' }, 'webhook_url must be a valid http or https URL'],
		[
			'an out-of-range max call duration',
			{ call_config_overrides: { max_call_duration_seconds: 5 } },
			'call_config_overrides.max_call_duration_seconds must be an integer from 30 to 3600',
		],
		['data extraction without keys', { data_extraction: [{ description: 'x' }] }, 'data_extraction must be an array of objects with a key'],
	])('400 for %s', async (_what, body, error) => {
		const res = await startCall(body);
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ success: false, error, details: null });
		expect(sandbox.voice.calls.size).toBe(6); // the seeded history only
	});

	test('a greeting of exactly 2000 characters is fine', async () => {
		expect((await startCall({ initial_greeting: 'a'.repeat(2000) })).status).toBe(200);
	});

	test('403 when the agent is not on the account', async () => {
		const res = await startCall({ agent_uuid: 'agent_SomeoneElse_99' });
		expect(res.status).toBe(403);
		expect(res.data.success).toBe(false);
	});

	test('401 without the API token', async () => {
		const res = await osviClient(sandbox, null).post('/v1/call', {});
		expect(res.status).toBe(401);
	});

	test('the call ends picked after the configured delay and POSTs the per-call webhook body', async () => {
		const hook = await webhookReceiver();
		try {
			const res = await startCall({
				webhook_url: hook.url,
				person_name: 'Asha',
				data_extraction: [{ key: 'email', description: 'Email', required: true, output_format: 'email' }],
			});
			const callId = res.data.data.call_id;
			const got = await hook.received;
			expect(got.method).toBe('POST');
			expect(got.contentType).toBe('application/json');
			expect(got.body).toEqual({
				agent_name: 'Demo Support Agent',
				agent_uuid: support,
				phone_number: '+919876543210',
				call_log_id: callId,
				chat: expect.stringMatching(/^Agent: Hello Asha.*\nUser: Yes, go ahead\.\nAgent: /s),
				call_status: 'picked',
				executionMode: 'prod',
			});
			const call = (await api.get(`/v1/call/${callId}`)).data.data;
			expect(call).toMatchObject({ status: 'picked', data_captured: { email: 'captured email' }, summary: expect.any(String) });
			expect(call.call_picked_at).toMatch(/\+05:30$/);
			await sandbox.voice.settled();
			expect(sandbox.voice.deliveries).toEqual([expect.objectContaining({ callId, status: 200 })]);
		} finally {
			await hook.close();
		}
	});

	test('the dashboard-integration webhook shape, when chosen, carries summary, data and trigger data', async () => {
		sandbox.voice.webhookShape = 'integration';
		const hook = await webhookReceiver();
		try {
			const res = await startCall({ webhook_url: hook.url, additional_data: { crm_id: 'L-7' }, data_extraction: [{ key: 'email' }] });
			const { body } = await hook.received;
			expect(body).toEqual({
				call_log_id: res.data.data.call_id,
				phone_number: '+919876543210',
				agent_name: support,
				call_status: 'picked',
				call_type: 'outbound',
				call_summary: expect.any(String),
				data_capture: { email: 'captured email' },
				structured_output: { sentiment: 'positive', callback_required: false },
				call_trigger_data: { phone_number: '+919876543210', crm_id: 'L-7' },
			});
		} finally {
			await hook.close();
		}
	});

	test('numbers ending 0001 are not picked; the per-call webhook still fires with that status', async () => {
		const hook = await webhookReceiver();
		try {
			const res = await startCall({ phone_number: '9876540001', webhook_url: hook.url });
			expect(((await hook.received).body as Record<string, unknown>).call_status).toBe('not_picked');
			const transcript = await api.get(`/v1/call/${res.data.data.call_id}/transcript`);
			expect(transcript.data.data).toEqual({ call_id: res.data.data.call_id, transcript: [] });
		} finally {
			await hook.close();
		}
	});

	test('a number on the agent’s DND list is never dialled: the call fails', async () => {
		await api.post('/v1/dnd_numbers', { agent_uuid: support, phone: '9876543210' });
		const res = await startCall();
		await waitUntil(() => sandbox.voice.calls.get(res.data.data.call_id)?.status !== 'in_progress');
		expect((await api.get(`/v1/call/${res.data.data.call_id}`)).data.data).toMatchObject({
			status: 'failed',
			call_ended_reason: 'number-on-dnd-list',
		});
	});
});

describe('GET /v1/call/{id}, transcript and recording', () => {
	test('404 for an unknown or malformed call id', async () => {
		for (const id of ['7e0c1f7a-1111-4111-8111-111111111111', 'not a call']) {
			for (const suffix of ['', '/transcript', '/recording']) {
				const res = await api.get(`/v1/call/${encodeURIComponent(id)}${suffix}`);
				expect(res.status).toBe(404);
				expect(res.data).toEqual({ success: false, error: 'Call not found', details: null });
			}
		}
	});

	test('transcript turns in either plausible shape', async () => {
		const res = await startCall({ person_name: 'Asha' });
		const id = res.data.data.call_id;
		await waitUntil(() => sandbox.voice.calls.get(id)?.status === 'picked');
		const roleContent = (await api.get(`/v1/call/${id}/transcript`)).data.data.transcript;
		expect(roleContent[1]).toEqual({ role: 'user', content: 'Yes, go ahead.', timestamp: expect.stringMatching(/\+05:30$/) });
		sandbox.voice.transcriptShape = 'speakerText';
		const speakerText = (await api.get(`/v1/call/${id}/transcript`)).data.data.transcript;
		expect(speakerText[1]).toEqual({ speaker: 'User', text: 'Yes, go ahead.', start_time: 3 });
	});

	test('the recording link needs no API token, serves audio bytes, and rejects forged or expired links', async () => {
		sandbox.voice.callDurationMs = 60_000;
		const res = await startCall();
		const id = res.data.data.call_id;
		expect((await api.get(`/v1/call/${id}/recording`)).status).toBe(404); // still ringing
		sandbox.voice.endCall(sandbox.voice.calls.get(id)!);
		const meta = await api.get(`/v1/call/${id}/recording`);
		expect(meta.data.data).toEqual({ call_id: id, recording_url: expect.stringContaining('/recordings/'), expires_in_seconds: 900 });
		const url: string = meta.data.data.recording_url;

		const audio = await axios.get(url, { responseType: 'arraybuffer', validateStatus: () => true });
		expect(audio.status).toBe(200);
		expect(audio.headers['content-type']).toBe('audio/mp4');
		expect(Buffer.from(audio.data).subarray(4, 8).toString()).toBe('ftyp');
		const download = sandbox.requests.find((r) => r.path.startsWith('/recordings/'));
		expect(download?.headers['api-token']).toBeUndefined();

		// Change the signature's first character (to one it is not).
		const forgedUrl = url.replace(/Signature=(\w)/, (_, first: string) => `Signature=${first === '0' ? '1' : '0'}`);
		const forged = await axios.get(forgedUrl, { validateStatus: () => true });
		expect(forged.status).toBe(403);
		expect(forged.data).toContain('<Code>AccessDenied</Code>');
		const expired = sandbox.voice.recordingUrl(sandbox.osviUrl, sandbox.voice.calls.get(id)!, Date.now() - 901_000);
		const late = await axios.get(expired, { validateStatus: () => true });
		expect(late.status).toBe(403);
		expect(late.data).toContain('Request has expired');
	});
});

describe('GET /v1/calls', () => {
	test('most recent first, with the docs’ meta, per_page capped at 100', async () => {
		sandbox.voice.seedCalls(150);
		const first = await api.get('/v1/calls', { params: { per_page: 500 } });
		expect(first.data.meta).toEqual({ current_page: 1, total_pages: 2, total_count: 156, per_page: 100 });
		expect(first.data.data).toHaveLength(100);
		const times = first.data.data.map((c: { created_at: string }) => Date.parse(c.created_at));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		const second = await api.get('/v1/calls', { params: { page: 2, per_page: 100 } });
		expect(second.data.data).toHaveLength(56);
		expect(second.data.meta.current_page).toBe(2);
		const defaults = await api.get('/v1/calls');
		expect(defaults.data.meta).toMatchObject({ per_page: 25, total_pages: 7 });
	});

	test('filters: status list, agent, campaign, phone contains, call type', async () => {
		const statuses = (await api.get('/v1/calls', { params: { status: 'busy,voicemail' } })).data.data.map((c: { status: string }) => c.status);
		expect(statuses.sort()).toEqual(['busy', 'voicemail']);
		const sales_ = (await api.get('/v1/calls', { params: { agent_uuid: sales } })).data.data;
		expect(sales_.every((c: { agent_uuid: string }) => c.agent_uuid === sales)).toBe(true);
		expect(sales_).toHaveLength(3);
		expect((await api.get('/v1/calls', { params: { campaign_id: CAMPAIGN } })).data.data).toHaveLength(2);
		expect((await api.get('/v1/calls', { params: { phone_number: '00013' } })).data.data).toHaveLength(1);
		const inbound = (await api.get('/v1/calls', { params: { call_type: 'inbound' } })).data.data;
		expect(inbound.map((c: { call_type: string }) => c.call_type)).toEqual(['inbound']);
	});

	test('date bounds are inclusive on call_picked_at; a bare date is an IST day', async () => {
		const picked = [...sandbox.voice.calls.values()].filter((c) => c.pickedAt);
		const istDay = (d: Date) => new Date(d.getTime() + 330 * 60_000).toISOString().slice(0, 10);
		const day = istDay(picked[0].pickedAt!);
		const res = await api.get('/v1/calls', { params: { start_date: day, end_date: day } });
		expect(res.data.data.map((c: { call_id: string }) => c.call_id)).toEqual([picked[0].id]);
		// Calls never picked up have no call_picked_at and drop out.
		const all = await api.get('/v1/calls', { params: { start_date: '2000-01-01' } });
		expect(all.data.data.every((c: { call_picked_at: string | null }) => c.call_picked_at !== null)).toBe(true);
	});

	test('errors: unknown agent 404, bad status / date / type 400', async () => {
		expect((await api.get('/v1/calls', { params: { agent_uuid: 'agent_Nope' } })).status).toBe(404);
		expect((await api.get('/v1/calls', { params: { status: 'picked,ringing' } })).data.error).toMatch(/ringing/);
		expect((await api.get('/v1/calls', { params: { start_date: 'yesterday' } })).status).toBe(400);
		expect((await api.get('/v1/calls', { params: { call_type: 'both' } })).status).toBe(400);
	});
});

describe('campaigns', () => {
	const add = (body: Record<string, unknown>, id: number | string = CAMPAIGN) =>
		api.post(`/v1/campaigns/${id}/contacts`, { agent_uuid: support, ...body });

	test('normalises numbers, removes duplicates (longer name wins), skips DND numbers, keeps extra fields', async () => {
		await api.post('/v1/dnd_numbers', { agent_uuid: support, phone: '9000000003' });
		const res = await add({
			contacts: [
				{ phone: '9876543210', person_name: 'A' },
				{ phone: '+919876543210', person_name: 'Asha Rao', plan: 'Pro' },
				{ phone: '9000000003', person_name: 'Opted Out' },
				{ phone: '9123456789', person_name: 'Ravi' },
			],
			enqueue: true,
		});
		expect(res.status).toBe(200);
		expect(res.data.data).toEqual({
			campaign_upload_id: expect.any(Number),
			contacts_received: 4,
			contacts_accepted: 2,
			duplicates_removed: 1,
			enqueued: true,
			queued_calls: 2,
			dnd_skipped: [{ phone: '+919000000003' }],
		});
		const upload = sandbox.voice.campaigns.get(CAMPAIGN)!.uploads[0];
		expect(upload.contacts).toContainEqual({ phone: '+919876543210', person_name: 'Asha Rao', plan: 'Pro' });

		const status = (await api.get(`/v1/campaigns/${CAMPAIGN}/status`)).data.data;
		expect(status.campaign).toMatchObject({ id: CAMPAIGN, status: 'active', is_retry_enabled: true, retry_threshold: 2, retry_delay: 1800 });
		expect(status.calls).toEqual({ total: 2, by_status: { picked: 1, not_picked: 1 } });
		expect(status.uploads).toEqual([
			{
				campaign_upload_id: res.data.data.campaign_upload_id,
				file_name: expect.stringMatching(/^\d{10}-api_contacts_[0-9a-f]{16}\.csv$/),
				agent_uuid: support,
				created_at: expect.stringMatching(/\+05:30$/),
				queues: [{ agent_uuid: support, total_queued: 2, completed: false }],
			},
		]);
	});

	test('enqueue defaults to false', async () => {
		const res = await add({ contacts: [{ phone: '9876543210' }] });
		expect(res.data.data).toMatchObject({ enqueued: false, queued_calls: 0, contacts_accepted: 1 });
	});

	test('10,000 contacts per request; more is a 400', async () => {
		const contacts = (n: number) => Array.from({ length: n }, (_, i) => ({ phone: `9${String(i).padStart(9, '0')}` }));
		expect((await add({ contacts: contacts(10_000) })).data.data.contacts_accepted).toBe(10_000);
		const over = await add({ contacts: contacts(10_001) });
		expect(over.status).toBe(400);
		expect(over.data.error).toMatch(/at most 10000/);
	});

	test('errors: unknown campaign 404, missing fields 400, foreign agent 403', async () => {
		expect((await add({ contacts: [{ phone: '9876543210' }] }, 999)).status).toBe(404);
		expect((await api.get('/v1/campaigns/999/status')).status).toBe(404);
		expect((await add({ contacts: [] })).data.error).toBe('param is missing or the value is empty: contacts');
		expect((await add({ agent_uuid: '', contacts: [{ phone: '1' }] })).data.error).toBe('param is missing or the value is empty: agent_uuid');
		expect((await add({ agent_uuid: 'agent_Other_1', contacts: [{ phone: '9876543210' }] })).status).toBe(403);
	});
});

describe('Do Not Disturb', () => {
	test('add → 201 with the E.164 number; list with search and meta; remove by query', async () => {
		const added = await api.post('/v1/dnd_numbers', { agent_uuid: support, phone: '9876543210', reason: 'asked by phone' });
		expect(added.status).toBe(201);
		expect(added.data.data).toEqual({
			id: expect.any(Number),
			agent_uuid: support,
			phone: '+919876543210',
			reason: 'asked by phone',
			created_at: expect.stringMatching(/\+05:30$/),
		});
		await api.post('/v1/dnd_numbers', { agent_uuid: support, phone: '9123456789' });
		await api.post('/v1/dnd_numbers', { agent_uuid: sales, phone: '9123456789' });

		const list = await api.get('/v1/dnd_numbers', { params: { agent_uuid: support } });
		expect(list.data.meta).toEqual({ current_page: 1, total_pages: 1, total_count: 2, per_page: 25 });
		const found = await api.get('/v1/dnd_numbers', { params: { agent_uuid: support, search: '65432' } });
		expect(found.data.data.map((d: { phone: string }) => d.phone)).toEqual(['+919876543210']);

		const removed = await api.delete('/v1/dnd_numbers', { params: { agent_uuid: support, phone: '9876543210' } });
		expect(removed.status).toBe(200);
		expect(removed.data).toEqual({ success: true, message: 'Phone removed from DND list' });
		expect((await api.get('/v1/dnd_numbers', { params: { agent_uuid: support } })).data.meta.total_count).toBe(1);
	});

	test('remove reads query parameters only: a body gets the documented 400', async () => {
		const res = await api.delete('/v1/dnd_numbers', { data: { agent_uuid: support, phone: '9876543210' } });
		expect(res.status).toBe(400);
		const withAgent = await api.delete('/v1/dnd_numbers', { params: { agent_uuid: support } });
		expect(withAgent.data).toEqual({ success: false, error: 'param is missing or the value is empty: phone', details: null });
	});

	test('errors: missing phone 400, unknown agent 404, removing an unlisted number 404', async () => {
		expect((await api.post('/v1/dnd_numbers', { agent_uuid: support })).data.error).toBe('param is missing or the value is empty: phone');
		expect((await api.get('/v1/dnd_numbers')).status).toBe(400);
		expect((await api.get('/v1/dnd_numbers', { params: { agent_uuid: 'agent_Nope' } })).status).toBe(404);
		expect((await api.delete('/v1/dnd_numbers', { params: { agent_uuid: support, phone: '9000000000' } })).status).toBe(404);
	});
});

describe('admin', () => {
	test('POST /__sandbox/voice changes the call length and webhook shape until reset', async () => {
		const res = await axios.post(`${sandbox.osviUrl}/__sandbox/voice`, { callDurationMs: 2500, webhookShape: 'integration' });
		expect(res.data).toMatchObject({ callDurationMs: 2500, webhookShape: 'integration', deliveries: [] });
		sandbox.reset();
		expect((await axios.get(`${sandbox.osviUrl}/__sandbox/voice`)).data).toMatchObject({ callDurationMs: 50, webhookShape: 'perCall' });
	});
});
