import type { INodeParameters } from 'n8n-workflow';

import { OsviTrigger } from '../../nodes/OsviTrigger/OsviTrigger.node';
import { deliver, jsonOf, type Delivery } from '../harness/webhook';
import { analysedCall, finishedCall } from './payloads';

const SECRET = 'whsec-osvi-4f9c2e7a1b';
const node = new OsviTrigger();
const withSecret = { osviApi: { apiToken: 'demoToken0000001', webhookSecret: SECRET } };
const send = (delivery: Omit<Delivery, 'node'>) => deliver({ node, ...delivery });

describe('OSVI Trigger: the two payload shapes', () => {
	test('a dashboard integration body (Auto) starts the workflow with the body as received', async () => {
		const received = await send({ body: analysedCall });
		expect(received.status).toBe(200);
		expect(received.body).toEqual({ message: 'Workflow was started' });
		expect(jsonOf(received)).toEqual([analysedCall]);
	});

	test('a per-call Webhook URL body (transcript as chat) starts the workflow with the body as received', async () => {
		const received = await send({ body: finishedCall });
		expect(received.status).toBe(200);
		expect(jsonOf(received)).toEqual([finishedCall]);
	});

	test('a section OSVI leaves out for a call is simply absent from the item', async () => {
		const { call_summary: _summary, structured_output: _output, ...withoutAnalysis } = analysedCall;
		expect(jsonOf(await send({ body: withoutAnalysis }))).toEqual([withoutAnalysis]);
	});

	test('a body that is not a JSON object answers 400 and starts nothing', async () => {
		const received = await send({ body: [analysedCall] });
		expect(received.status).toBe(400);
		expect(received.body).toEqual({ message: 'Expected a JSON object as the body' });
		expect(received.items).toBeUndefined();
	});
});

describe('OSVI Trigger: the Webhook Secret', () => {
	test('the right secret in the X-OSVI-Secret header starts the workflow', async () => {
		const received = await send({ credentials: withSecret, body: analysedCall, headers: { 'X-OSVI-Secret': SECRET } });
		expect(received.status).toBe(200);
		expect(jsonOf(received)).toEqual([analysedCall]);
	});

	test('the right secret as ?secret= (a call\'s Webhook URL cannot carry headers) starts the workflow', async () => {
		const received = await send({ credentials: withSecret, body: finishedCall, query: `?secret=${SECRET}` });
		expect(received.status).toBe(200);
		expect(jsonOf(received)).toEqual([finishedCall]);
	});

	test('a wrong secret answers 401 and starts nothing', async () => {
		const received = await send({ credentials: withSecret, body: analysedCall, headers: { 'X-OSVI-Secret': `${SECRET}x` } });
		expect(received.status).toBe(401);
		expect(received.body).toEqual({ message: 'Wrong secret' });
		expect(received.items).toBeUndefined();
	});

	test('a wrong secret in the query answers 401', async () => {
		const received = await send({ credentials: withSecret, body: finishedCall, query: '?secret=guess' });
		expect(received.status).toBe(401);
		expect(received.items).toBeUndefined();
	});

	test('a missing secret answers 401 naming where to send it', async () => {
		const received = await send({ credentials: withSecret, body: analysedCall });
		expect(received.status).toBe(401);
		expect(received.body).toEqual({ message: 'Missing secret: send it in the X-OSVI-Secret header or as ?secret=' });
		expect(received.items).toBeUndefined();
	});

	test('the header name is configurable and matched in any case', async () => {
		const parameters = { options: { headerName: 'Authorization-Token' } };
		const right = await send({ credentials: withSecret, parameters, body: analysedCall, headers: { 'authorization-token': SECRET } });
		expect(right.status).toBe(200);
		const oldHeader = await send({ credentials: withSecret, parameters, body: analysedCall, headers: { 'X-OSVI-Secret': SECRET } });
		expect(oldHeader.status).toBe(401);
	});

	test('a credential without a Webhook Secret leaves the URL open, as the notice says', async () => {
		const received = await send({ credentials: { osviApi: { apiToken: 'demoToken0000001' } }, body: analysedCall });
		expect(received.status).toBe(200);
		expect(jsonOf(received)).toEqual([analysedCall]);
	});

	test('the secret is checked before the filters: a filtered-out call with a wrong secret still gets 401', async () => {
		const received = await send({
			credentials: withSecret,
			parameters: { filters: { callStatus: ['busy'] } },
			body: analysedCall,
			headers: { 'X-OSVI-Secret': 'nope' },
		});
		expect(received.status).toBe(401);
	});

	test('Include Headers and Query adds both, without the secret header or the secret parameter', async () => {
		const received = await send({
			credentials: withSecret,
			parameters: { options: { includeHeaders: true } },
			body: analysedCall,
			headers: { 'X-OSVI-Secret': SECRET, 'X-Request-Id': 'req-1' },
			query: `?secret=${SECRET}&source=dashboard`,
		});
		const [item] = jsonOf(received)!;
		expect(item).toMatchObject(analysedCall);
		expect(item.query).toEqual({ source: 'dashboard' });
		expect(item.headers).toMatchObject({ 'x-request-id': 'req-1', 'content-type': 'application/json' });
		expect(JSON.stringify(item)).not.toContain(SECRET);
	});
});

describe('OSVI Trigger: filters', () => {
	const filtered = async (filters: INodeParameters, body: object) => await send({ parameters: { filters }, body });

	test('a call status that is not selected answers 200, says why, and starts nothing', async () => {
		const received = await filtered({ callStatus: ['picked'] }, finishedCall);
		expect(received.status).toBe(200);
		expect(received.body).toEqual({ message: 'Not started: call_status not_picked is not selected' });
		expect(received.items).toBeUndefined();
	});

	test('a selected call status starts the workflow', async () => {
		expect(jsonOf(await filtered({ callStatus: ['busy', 'not_picked'] }, finishedCall))).toEqual([finishedCall]);
	});

	test('call type matches the dashboard shape; the per-call shape has none and never matches', async () => {
		expect(jsonOf(await filtered({ callType: ['outbound'] }, analysedCall))).toEqual([analysedCall]);
		expect((await filtered({ callType: ['inbound'] }, analysedCall)).items).toBeUndefined();
		const perCall = await filtered({ callType: ['outbound'] }, finishedCall);
		expect(perCall.status).toBe(200);
		expect(perCall.items).toBeUndefined();
	});

	test('agents match agent_uuid (per-call shape) or agent_name (dashboard shape), comma-separated', async () => {
		const agents = 'agent_Other_02, agent_DemoSupport_01';
		expect(jsonOf(await filtered({ agents }, finishedCall))).toEqual([finishedCall]);
		expect(jsonOf(await filtered({ agents }, analysedCall))).toEqual([analysedCall]);
		expect(jsonOf(await filtered({ agents: 'Delivery Desk' }, finishedCall))).toEqual([finishedCall]);
		const other = await filtered({ agents: 'agent_Other_02' }, analysedCall);
		expect(other.body).toEqual({ message: 'Not started: the agent is not selected' });
		expect(other.items).toBeUndefined();
	});

	test('all filters must match', async () => {
		const both = { callStatus: ['picked'], agents: 'agent_DemoSupport_01' };
		expect(jsonOf(await filtered(both, analysedCall))).toEqual([analysedCall]);
		expect((await filtered(both, finishedCall)).items).toBeUndefined();
	});
});

describe('OSVI Trigger: description', () => {
	test('follows n8n trigger conventions: no inputs, POST webhook answered on receipt, not an AI tool, optional credential', () => {
		const { description } = node;
		expect(description.name).toBe('osviTrigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }]);
		expect(description.credentials).toEqual([{ name: 'osviApi', required: false }]);
	});

	test('the lifecycle methods register nothing, since OSVI has no webhook API', async () => {
		const methods = node.webhookMethods.default;
		const hook = {} as never;
		expect(await methods.checkExists.call(hook)).toBe(true);
		expect(await methods.create.call(hook)).toBe(true);
		expect(await methods.delete.call(hook)).toBe(true);
	});
});
