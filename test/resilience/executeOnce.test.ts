// "Execute Once" runs a node for the first input item only; the all-items-first check must count
// that one item, not the whole input, or nothing would be sent at all.
import { agentById, DEMO, routes, runOpenCx, runOsvi, useSandbox } from './helpers';

const sandbox = useSandbox();
const two = [{ json: { text: 'first' } }, { json: { text: 'second' } }];

test('OSVI Chat with Execute Once sends the first item and outputs its reply', async () => {
	const { error, items } = await runOsvi(sandbox.current, {
		parameters: {
			resource: 'message',
			operation: 'send',
			agent: agentById(DEMO.agents.support),
			customerId: '+15551112222',
			content: '={{ $json.text }}',
		},
		items: two,
		executeOnce: true,
	});

	expect(error).toBeUndefined();
	expect(routes(sandbox.current.requests)).toEqual(['POST /v1/chat/inbound']);
	expect(sandbox.current.requests[0].body).toMatchObject({ content: 'first' });
	expect(items.map((i) => i.json.reply)).toEqual(['Thanks, you said: first']);
});

test('open.cx Session with Execute Once updates the session once', async () => {
	const [session] = sandbox.current.opencx.sessions.values();
	const { error, items } = await runOpenCx(sandbox.current, {
		parameters: { resource: 'session', operation: 'updateStatus', sessionId: session.id, status: 'closed_resolved' },
		items: two,
		executeOnce: true,
	});

	expect(error).toBeUndefined();
	expect(routes(sandbox.current.requests)).toEqual([`PATCH /chat/sessions/${session.id}`]);
	expect(items).toHaveLength(1);
	expect(items[0].json).toMatchObject({ id: session.id, status: 'closed_resolved' });
});
