// n8n's node setting Retry On Fail runs the whole node again in the same execution: sends the API
// answered are not sent again (their earlier result comes back), nor sends it may have acted on.
import type { INodeParameters, NodeApiError } from 'n8n-workflow';

import {
	agentById,
	DEMO,
	errorsOf,
	FAST_RETRIES,
	itemsOf,
	runOpenCx,
	runOsvi,
	useSandbox,
	type Sandbox,
} from './helpers';

const sandbox = useSandbox();

const RETRY_ON_FAIL = { maxTries: 3, waitBetweenTries: 10 };

const send: INodeParameters = {
	resource: 'message',
	operation: 'send',
	agent: agentById(DEMO.agents.support),
	customerId: '={{ $json.customer }}',
	content: '={{ $json.content }}',
	retryAndRateLimit: FAST_RETRIES,
};

const customers = (n: number) =>
	itemsOf(n, (i) => ({ customer: `+1555000100${i}`, content: `Hello once ${i}` }));

/** Customer messages OSVI received, per customer, in item order. */
const receivedBy = (sb: Sandbox, n: number) =>
	customers(n).map(({ json }) =>
		[...sb.osvi.sessions.values()]
			.filter((session) => session.customerId === json.customer)
			.flatMap((session) => sb.osvi.messages(session.id, 'customer').map((m) => m.text)),
	);

/** The first customer's message: the faults below hit only its request. */
const FIRST = 'Hello once 0';

const inbound = (sb: Sandbox) => sb.requestsTo('osvi', 'POST', '/v1/chat/inbound');
const description = (error: Error | undefined) => String((error as NodeApiError | undefined)?.description);

/** OSVI's 502 when its chat engine turned the request down: nothing was done, so sending again is safe. */
const engineRejected = {
	success: false,
	error: 'Python engine returned 503 for POST /v1/chat/inbound',
	upstream_body: { state: 'rejected', reason: 'engine_busy' },
};

describe('Retry On Fail (the node setting) never sends a customer message twice', () => {
	test('3 messages, the first turned down with 502 once: the re-run sends only it, and each customer gets one message', async () => {
		sandbox.current.addFault({ api: 'osvi', path: '/v1/chat/inbound', kind: 'status', status: 502, body: engineRejected, times: 1, bodyIncludes: FIRST });
		const { items, error } = await runOsvi(sandbox.current, {
			parameters: send,
			items: customers(3),
			retryOnFail: RETRY_ON_FAIL,
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.reply)).toEqual([0, 1, 2].map((i) => `Thanks, you said: Hello once ${i}`));
		expect(receivedBy(sandbox.current, 3)).toEqual([['Hello once 0'], ['Hello once 1'], ['Hello once 2']]);
		// Try 1: three requests, one answered 502; try 2: only the one turned down.
		const answered = inbound(sandbox.current).map((r) => `${(r.body as { content: string }).content}: ${r.status}`);
		expect(answered.slice(0, 3).sort()).toEqual(['Hello once 0: 502', 'Hello once 1: 200', 'Hello once 2: 200']);
		expect(answered.slice(3)).toEqual(['Hello once 0: 200']);
	});

	test('a send that may have been delivered (a plain 502) is not sent again; every try fails with the same error, naming the delivered items', async () => {
		sandbox.current.addFault({ api: 'osvi', path: '/v1/chat/inbound', kind: 'status', status: 502, times: 1, bodyIncludes: FIRST });

		const { error } = await runOsvi(sandbox.current, { parameters: send, items: customers(3), retryOnFail: RETRY_ON_FAIL });

		// One request per item over all three tries: the re-runs sent nothing.
		expect(inbound(sandbox.current).map((r) => r.status).sort()).toEqual([200, 200, 502]);
		expect(error?.message).toBe('The OSVI chat engine failed (502: Python engine unavailable)');
		expect(description(error)).toBe(
			'Python engine unavailable Not retried, and it may have been delivered: OSVI may have acted on it before the failure reached n8n, and repeating it could do it twice (a customer’s message sent twice, a call started twice). Check in OSVI before sending it again; n8n’s Retry On Fail does not send it again in this execution. ' +
				'Of the 3 items, delivered: items 1 and 2; may have been delivered: item 0. n8n’s Retry On Fail sends again only the items not delivered.',
		);
	});

	test('the error that stops a run without Retry On Fail says which items were delivered', async () => {
		sandbox.current.addFault({ api: 'osvi', path: '/v1/chat/inbound', kind: 'status', status: 502, body: engineRejected, times: 1, bodyIncludes: FIRST });

		const { error } = await runOsvi(sandbox.current, { parameters: send, items: customers(3) });

		expect(inbound(sandbox.current).map((r) => r.status).sort()).toEqual([200, 200, 502]);
		expect(description(error)).toContain('Of the 3 items, delivered: items 1 and 2; not delivered: item 0.');
	});

	test('with Continue On Fail, n8n does not re-run the node, and the error item says it was not delivered', async () => {
		sandbox.current.addFault({ api: 'osvi', path: '/v1/chat/inbound', kind: 'status', status: 502, body: engineRejected, times: 1, bodyIncludes: FIRST });

		const { items } = await runOsvi(sandbox.current, {
			parameters: send,
			items: customers(3),
			continueOnFail: true,
			retryOnFail: RETRY_ON_FAIL,
		});

		// n8n re-runs only when the first item's json has an `error`; RoutingNode puts it beside the json.
		expect(errorsOf(items)).toEqual(['The OSVI chat engine rejected the request (502: engine_busy)', undefined, undefined]);
		expect(String((items[0].error as NodeApiError).description)).toBe(
			'Python engine returned 503 for POST /v1/chat/inbound Not retried: OSVI turned it down, so nothing was sent.',
		);
		expect(inbound(sandbox.current)).toHaveLength(3);
	});

	test('an open.cx send answered before waiting for the AI reply failed is not sent again', async () => {
		const session = sandbox.current.opencx.createSession({ channel: 'api' });
		// The send is answered; every history poll then fails with a 500 (a read: not retried by the node).
		sandbox.current.addFault({ api: 'opencx', method: 'GET', kind: 'status', status: 500 });

		const { error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'message',
				operation: 'send',
				sessionId: session.id,
				text: 'Where is my order?',
				options: { waitForAiReply: true, replyTimeout: 5, pollInterval: 20 },
				retryAndRateLimit: FAST_RETRIES,
			},
			retryOnFail: RETRY_ON_FAIL,
		});

		const sent = session.events.filter((e) => e.event.sender.type === 'contact');
		expect(sent.map((e) => e.event.content.text)).toEqual(['Where is my order?']);
		expect(sandbox.current.requestsTo('opencx', 'POST').map((r) => r.status)).toEqual([201]);
		expect(description(error)).toContain(
			'open.cx answered the request, so it was delivered; a later step failed. n8n’s Retry On Fail does not send it again.',
		);
	});

	test('reads are simply repeated: Get Active after a 500 answers on the re-run', async () => {
		sandbox.current.osvi.createSession(DEMO.agents.support, '+15551112222', {}, []);
		sandbox.current.addFault({ api: 'osvi', method: 'GET', kind: 'status', status: 500, times: 1 });

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'session', operation: 'getActive', customerId: '+15551112222', retryAndRateLimit: FAST_RETRIES },
			retryOnFail: RETRY_ON_FAIL,
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sandbox.current.requests.map((r) => r.status)).toEqual([500, 200]);
	});
});
