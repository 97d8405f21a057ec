import { createHmac } from 'crypto';

import { OpenCxTrigger } from '../../nodes/OpenCxTrigger/OpenCxTrigger.node';
import { deliver, jsonOf, type Delivery } from '../harness/webhook';
import { closedBatch, conversationClosed, conversationStarted, handoffToHuman, ORGANIZATION_ID } from './payloads';

const SECRET = 'whsec-opencx-8d41b0c9';
const node = new OpenCxTrigger();
const credentials = { openCxApi: { apiKey: 'ocx_live_demo', webhookSecret: SECRET } };
const send = (delivery: Omit<Delivery, 'node'>) => deliver({ node, ...delivery });
const sign = (content: string, encoding: 'hex' | 'base64' = 'hex') =>
	createHmac('sha256', SECRET).update(content).digest(encoding);

describe('open.cx Trigger: output', () => {
	test('an event becomes one item: event and organization_id next to the data fields', async () => {
		const received = await send({ body: handoffToHuman });
		expect(received.status).toBe(200);
		expect(received.body).toEqual({ message: 'Workflow was started' });
		expect(jsonOf(received)).toEqual([{ event: 'conversation.handoff_to_human', organization_id: ORGANIZATION_ID, ...handoffToHuman.data }]);
	});

	test('Keep Envelope outputs the envelope as open.cx sent it', async () => {
		const received = await send({ parameters: { options: { keepEnvelope: true } }, body: conversationClosed });
		expect(jsonOf(received)).toEqual([conversationClosed]);
	});

	test('an array data becomes one item per element', async () => {
		const received = await send({ body: closedBatch });
		expect(jsonOf(received)).toEqual(
			closedBatch.data.map((data) => ({ event: 'conversation.closed', organization_id: ORGANIZATION_ID, ...data })),
		);
	});

	test('an array data with Keep Envelope gives each element its own envelope', async () => {
		const received = await send({ parameters: { options: { keepEnvelope: true } }, body: closedBatch });
		expect(jsonOf(received)).toEqual(closedBatch.data.map((data) => ({ ...closedBatch, data })));
	});

	test('an empty data array answers 200 and starts nothing', async () => {
		const received = await send({ body: { ...closedBatch, data: [] } });
		expect(received.status).toBe(200);
		expect(received.body).toEqual({ message: 'Not started: the event carries no data' });
		expect(received.items).toBeUndefined();
	});

	test('Include Headers adds the request headers to each item', async () => {
		const received = await send({
			parameters: { options: { includeHeaders: true } },
			body: conversationStarted,
			headers: { 'X-Delivery': 'd-1' },
		});
		const [item] = jsonOf(received)!;
		expect(item).toMatchObject({ event: 'conversation.started', ...conversationStarted.data });
		expect(item.headers).toMatchObject({ 'x-delivery': 'd-1' });
	});

	test('a body that is not a JSON object answers 400 and starts nothing', async () => {
		const received = await send({ body: 'event=conversation.closed', headers: { 'content-type': 'text/plain' } });
		expect(received.status).toBe(400);
		expect(received.items).toBeUndefined();
	});
});

describe('open.cx Trigger: events', () => {
	test('All (the default) lets through an event type the reference does not list yet', async () => {
		const newEvent = { event: 'phone_call.ended', organization_id: ORGANIZATION_ID, data: { call_id: 'pc_1' } };
		expect(jsonOf(await send({ body: newEvent }))).toEqual([{ event: 'phone_call.ended', organization_id: ORGANIZATION_ID, call_id: 'pc_1' }]);
	});

	test('an event that is not selected answers 200, says which, and starts nothing', async () => {
		const received = await send({ parameters: { events: ['conversation.handoff_to_human'] }, body: conversationClosed });
		expect(received.status).toBe(200);
		expect(received.body).toEqual({ message: 'Not started: event "conversation.closed" is not selected' });
		expect(received.items).toBeUndefined();
	});

	test('a selected event starts the workflow', async () => {
		const parameters = { events: ['conversation.handoff_to_human', 'conversation.closed'] };
		expect(jsonOf(await send({ parameters, body: conversationClosed }))).toHaveLength(1);
	});
});

describe('open.cx Trigger: shared secret header', () => {
	const parameters = { verification: 'header', headerName: 'X-Webhook-Secret' };

	test('the right secret starts the workflow', async () => {
		const received = await send({ credentials, parameters, body: handoffToHuman, headers: { 'X-Webhook-Secret': SECRET } });
		expect(received.status).toBe(200);
		expect(jsonOf(received)).toHaveLength(1);
	});

	test('a wrong secret answers 401 and starts nothing', async () => {
		const received = await send({ credentials, parameters, body: handoffToHuman, headers: { 'X-Webhook-Secret': 'whsec-guess' } });
		expect(received.status).toBe(401);
		expect(received.body).toEqual({ message: 'Wrong secret' });
		expect(received.items).toBeUndefined();
	});

	test('a missing header answers 401 naming it', async () => {
		const received = await send({ credentials, parameters, body: handoffToHuman });
		expect(received.status).toBe(401);
		expect(received.body).toEqual({ message: 'Missing the X-Webhook-Secret header' });
		expect(received.items).toBeUndefined();
	});

	test('Include Headers leaves out the secret header', async () => {
		const received = await send({
			credentials,
			parameters: { ...parameters, options: { includeHeaders: true } },
			body: handoffToHuman,
			headers: { 'X-Webhook-Secret': SECRET, 'X-Delivery': 'd-2' },
		});
		const [item] = jsonOf(received)!;
		expect(item.headers).toMatchObject({ 'x-delivery': 'd-2' });
		expect(JSON.stringify(item)).not.toContain(SECRET);
	});

	test('a credential without a Webhook Secret answers 500 and starts nothing, rather than run unverified', async () => {
		const received = await send({
			credentials: { openCxApi: { apiKey: 'ocx_live_demo' } },
			parameters,
			body: handoffToHuman,
			headers: { 'X-Webhook-Secret': '' },
		});
		expect(received.status).toBe(500);
		expect(received.body).toEqual({ message: 'The trigger has no Webhook Secret: set one on its open.cx API credential' });
		expect(received.items).toBeUndefined();
	});
});

describe('open.cx Trigger: HMAC-SHA256 signature (experimental)', () => {
	const hmac = { verification: 'hmac', signatureHeader: 'X-Signature' };
	// Whitespace and key order as the sender wrote them: the signature covers these bytes, not a re-serialisation.
	const raw = `{ "event": "conversation.closed",  "data": ${JSON.stringify(conversationClosed.data, null, 1)}, "organization_id": "${ORGANIZATION_ID}" }`;

	test('a hex signature over the raw body starts the workflow', async () => {
		const received = await send({ credentials, parameters: hmac, body: raw, headers: { 'X-Signature': sign(raw) } });
		expect(received.status).toBe(200);
		expect(jsonOf(received)).toEqual([{ event: 'conversation.closed', organization_id: ORGANIZATION_ID, ...conversationClosed.data }]);
	});

	test('a base64 signature with a "sha256=" prefix starts the workflow', async () => {
		const received = await send({
			credentials,
			parameters: { ...hmac, signatureEncoding: 'base64' },
			body: raw,
			headers: { 'X-Signature': `sha256=${sign(raw, 'base64')}` },
		});
		expect(received.status).toBe(200);
		expect(jsonOf(received)).toHaveLength(1);
	});

	test('a signature over a re-serialised body does not match the bytes sent: 401', async () => {
		const received = await send({
			credentials,
			parameters: hmac,
			body: raw,
			headers: { 'X-Signature': sign(JSON.stringify(JSON.parse(raw))) },
		});
		expect(received.status).toBe(401);
		expect(received.body).toEqual({ message: 'Wrong signature' });
		expect(received.items).toBeUndefined();
	});

	test('a signature made with another secret answers 401', async () => {
		const forged = createHmac('sha256', 'another-secret').update(raw).digest('hex');
		const received = await send({ credentials, parameters: hmac, body: raw, headers: { 'X-Signature': forged } });
		expect(received.status).toBe(401);
		expect(received.items).toBeUndefined();
	});

	test('a missing signature header answers 401 naming it', async () => {
		const received = await send({ credentials, parameters: hmac, body: raw });
		expect(received.status).toBe(401);
		expect(received.body).toEqual({ message: 'Missing the X-Signature header' });
	});

	test('without the raw body the signature cannot be checked: 401, nothing starts', async () => {
		const received = await send({ credentials, parameters: hmac, body: raw, headers: { 'X-Signature': sign(raw) }, withoutRawBody: true });
		expect(received.status).toBe(401);
		expect(received.body).toEqual({ message: 'Cannot check the signature: the raw request body is not available' });
		expect(received.items).toBeUndefined();
	});

	describe('with a timestamp header', () => {
		const timed = { ...hmac, timestampHeader: 'X-Timestamp' };
		const now = () => Math.floor(Date.now() / 1000);
		const sendAt = (timestamp: string | number, signed = `${timestamp}.${raw}`) =>
			send({
				credentials,
				parameters: timed,
				body: raw,
				headers: { 'X-Signature': sign(signed), 'X-Timestamp': String(timestamp) },
			});

		test('a signature over "<timestamp>.<raw body>" from a minute ago starts the workflow', async () => {
			const received = await sendAt(now() - 60);
			expect(received.status).toBe(200);
			expect(jsonOf(received)).toHaveLength(1);
		});

		test('a timestamp in milliseconds is accepted too', async () => {
			expect((await sendAt(Date.now() - 30_000)).status).toBe(200);
		});

		test('a timestamp more than 5 minutes old answers 401 even with a valid signature', async () => {
			const received = await sendAt(now() - 6 * 60);
			expect(received.status).toBe(401);
			expect(received.body).toEqual({ message: 'Timestamp is more than 5 minutes from now' });
			expect(received.items).toBeUndefined();
		});

		test('a timestamp more than 5 minutes ahead answers 401', async () => {
			expect((await sendAt(now() + 6 * 60)).status).toBe(401);
		});

		test('a signature over the body alone does not cover the timestamp: 401', async () => {
			expect((await sendAt(now(), raw)).status).toBe(401);
		});

		test('a missing timestamp header answers 401 naming it', async () => {
			const received = await send({ credentials, parameters: timed, body: raw, headers: { 'X-Signature': sign(raw) } });
			expect(received.status).toBe(401);
			expect(received.body).toEqual({ message: 'Missing the X-Timestamp header' });
		});

		test('a timestamp that is not a number answers 401', async () => {
			const stamp = '2026-11-29T18:00:00Z';
			expect((await sendAt(stamp)).status).toBe(401);
		});
	});
});

describe('open.cx Trigger: description', () => {
	test('follows n8n trigger conventions; the credential is asked for only when a verification needs it', () => {
		const { description } = node;
		expect(description.name).toBe('openCxTrigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }]);
		expect(description.credentials).toEqual([
			{ name: 'openCxApi', required: true, displayOptions: { show: { verification: ['header', 'hmac'] } } },
		]);
	});

	test('Events offers All (the default) and every event type the reference documents', () => {
		const events = node.description.properties.find((p) => p.name === 'events')!;
		expect(events.default).toEqual(['*']);
		expect((events.options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual(
			[
				'*',
				'conversation.started',
				'conversation.closed',
				'conversation.handoff_to_human',
				'conversation.contact_response',
				'conversation.ai_response',
				'conversation.agent_response',
				'conversation.third_party_agent_response',
				'conversation.handoff_to_third_party_failed',
				'workflow.run.succeeded',
				'workflow.run.failed',
				'csat.requested',
				'csat.score_submitted',
				'phone_call.started',
			].sort(),
		);
	});
});
