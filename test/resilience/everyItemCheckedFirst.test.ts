// Every item is checked before any is sent: one invalid item with Continue On Fail off sends
// nothing; with it on, only the invalid item becomes an error item.
import type { INodeParameters } from 'n8n-workflow';

import { agentById, DEMO, errorsOf, routes, runOpenCx, runOsvi, useSandbox } from './helpers';

const sandbox = useSandbox();

const send: INodeParameters = {
	resource: 'message',
	operation: 'send',
	agent: agentById(DEMO.agents.support),
	customerId: '+15551112222',
	content: '={{ $json.text }}',
};
const texts = (...list: string[]) => list.map((text) => ({ json: { text } }));
const EMPTY_CONTENT = 'Content is empty. Enter the customer’s message.';

describe('OSVI Chat: 3 messages, the middle one empty', () => {
	test('with Continue On Fail off, no message is sent and the node fails naming the field and the item', async () => {
		const { error, items } = await runOsvi(sandbox.current, { parameters: send, items: texts('first', '', 'third') });

		expect(sandbox.current.requests).toEqual([]);
		expect(items).toEqual([]);
		expect(error?.message).toBe(`${EMPTY_CONTENT} [item 1]`);
		expect((error as { description?: string }).description).toBe(
			'None of the 3 items was sent: every item is checked before any is sent.',
		);
	});

	test('with Continue On Fail on, the other two are sent and the outputs keep the input order', async () => {
		const { error, items } = await runOsvi(sandbox.current, {
			parameters: send,
			items: texts('first', '', 'third'),
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(routes(sandbox.current.requests)).toEqual(['POST /v1/chat/inbound', 'POST /v1/chat/inbound']);
		expect(errorsOf(items)).toEqual([undefined, EMPTY_CONTENT, undefined]);
		expect(items.map((item) => item.json.reply)).toEqual([
			'Thanks, you said: first',
			undefined,
			'Thanks, you said: third',
		]);
	});

	test('a single invalid item fails with the message alone', async () => {
		const { error } = await runOsvi(sandbox.current, { parameters: send, items: texts('') });

		expect(error?.message).toBe(EMPTY_CONTENT);
		expect(sandbox.current.requests).toEqual([]);
	});

	test('an operation with nothing to check sends every item', async () => {
		const { error, items } = await runOsvi(sandbox.current, {
			parameters: { resource: 'agent', operation: 'getAll', returnAll: true },
			items: texts('a', 'b', 'c'),
		});

		expect(error).toBeUndefined();
		expect(routes(sandbox.current.requests)).toEqual(Array(3).fill('GET /v1/active_agents'));
		const listed = sandbox.current.osvi.agents.filter((a) => a.status === 'active' && a.listed).length;
		expect(items).toHaveLength(3 * listed);
	});

	test('all valid items are all sent', async () => {
		const { error, items } = await runOsvi(sandbox.current, { parameters: send, items: texts('a', 'b', 'c') });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(sandbox.current.requests).toHaveLength(3);
	});
});

describe('open.cx Session', () => {
	test('3 session reads with a malformed ID in the middle send nothing', async () => {
		const [first, third] = [sandbox.current.opencx.createSession({}), sandbox.current.opencx.createSession({})];

		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'get', sessionId: '={{ $json.id }}' },
			items: [{ json: { id: first.id } }, { json: { id: '../contacts' } }, { json: { id: third.id } }],
		});

		expect(error?.message).toBe('Session ID must be a UUID, got "../contacts" [item 1]');
		expect(sandbox.current.requests).toEqual([]);
	});

	test('a check that reads binary data (an attachment missing on the last item) still holds back every item', async () => {
		const session = sandbox.current.opencx.createSession({});
		const file = { data: Buffer.from('%PDF-1.4').toString('base64'), mimeType: 'application/pdf', fileName: 'a.pdf' };

		const { error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'message',
				operation: 'send',
				sessionId: session.id,
				text: 'see attached',
				attachments: { attachment: [{ source: 'binary', binaryPropertyName: 'data' }] },
				options: { waitForAiReply: false },
			},
			items: [{ json: {}, binary: { data: file } }, { json: {}, binary: { data: file } }, { json: {} }],
		});

		expect(error?.message).toMatch(/\[item 2\]$/);
		expect(sandbox.current.requests).toEqual([]);
	});

	test('an expression that fails on one item keeps the other items from being sent', async () => {
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'contact', operation: 'create', contact: { name: '={{ $json.person.name }}' } },
			items: [{ json: { person: { name: 'Ada' } } }, { json: {} }, { json: { person: { name: 'Grace' } } }],
		});

		expect(error).toBeDefined();
		expect(sandbox.current.requests).toEqual([]);
	});
});

describe('Batching with an interval checks one batch at a time', () => {
	const batching = (batchSize: number) => ({ batching: { batch: { batchSize, batchInterval: 20 } } });

	test('an invalid item stops its own batch and every later one; earlier batches were already sent', async () => {
		const { error } = await runOsvi(sandbox.current, {
			parameters: { ...send, requestOptions: batching(1) },
			items: texts('first', '', 'third'),
		});

		expect(error?.message).toBe(`${EMPTY_CONTENT} [item 1]`);
		expect((error as { description?: string }).description).toMatch(/items of earlier batches .* already were/);
		expect(sandbox.current.requests.map((r) => (r.body as { content: string }).content)).toEqual(['first']);
	});

	test('within one batch, nothing is sent', async () => {
		const { error } = await runOsvi(sandbox.current, {
			parameters: { ...send, requestOptions: batching(3) },
			items: texts('first', '', 'third'),
		});

		expect(error?.message).toBe(`${EMPTY_CONTENT} [item 1]`);
		expect(sandbox.current.requests).toEqual([]);
	});

	test('with Continue On Fail on, every valid item of every batch is sent', async () => {
		const { items } = await runOsvi(sandbox.current, {
			parameters: { ...send, requestOptions: batching(1) },
			items: texts('first', '', 'third'),
			continueOnFail: true,
		});

		expect(errorsOf(items)).toEqual([undefined, EMPTY_CONTENT, undefined]);
		expect(sandbox.current.requests).toHaveLength(2);
	});
});
