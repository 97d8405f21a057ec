import { agentById, DEMO, jsonOf, onlyRequest, runOsvi, seedSession, useSandbox } from '../helpers';

const sandbox = useSandbox();

const getActive = (extra: Record<string, unknown> = {}) => ({
	resource: 'session',
	operation: 'getActive',
	customerId: '+15551112222',
	...extra,
});

describe('Session → Get Active', () => {
	test('with an agent, returns that one session, carrying the agent ID', async () => {
		const session = seedSession(sandbox.current);

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: getActive({ agent: agentById(DEMO.agents.support) }),
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({
			method: 'GET',
			path: '/v1/chat/session/active',
			query: { customer_id: '+15551112222', agent_uuid: DEMO.agents.support },
		});
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({ agent_uuid: DEMO.agents.support, id: session.id, customer_id: '+15551112222' }),
		]);
	});

	test('without an agent, returns one item per active session, each carrying its agent ID', async () => {
		const support = seedSession(sandbox.current, '+15551112222', DEMO.agents.support);
		const sales = seedSession(sandbox.current, '+15551112222', DEMO.agents.sales);
		seedSession(sandbox.current, '+19998887777', DEMO.agents.support);

		const { items } = await runOsvi(sandbox.current, { parameters: getActive() });

		expect(onlyRequest(sandbox.current).query).toEqual({ customer_id: '+15551112222' });
		expect(jsonOf(items).map((s) => [s.agent_uuid, s.id])).toEqual(
			expect.arrayContaining([
				[DEMO.agents.support, support.id],
				[DEMO.agents.sales, sales.id],
			]),
		);
		expect(items).toHaveLength(2);
	});

	test('without an agent and no active session, returns no items', async () => {
		const { items, error } = await runOsvi(sandbox.current, { parameters: getActive() });

		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	test('with Simplify off, returns the whole keyed response as one item', async () => {
		const session = seedSession(sandbox.current);

		const { items } = await runOsvi(sandbox.current, { parameters: getActive({ simplify: false }) });

		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			success: true,
			data: { [DEMO.agents.support]: { id: session.id } },
		});
	});

	test('with an agent but no active session, returns no items, as without an agent (changed: it used to fail with session_not_found)', async () => {
		const { items, error } = await runOsvi(sandbox.current, {
			parameters: getActive({ agent: agentById(DEMO.agents.sales) }),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(onlyRequest(sandbox.current)).toMatchObject({ status: 404, query: { agent_uuid: DEMO.agents.sales } });
	});

	test('with Simplify off and no active session, returns no items too', async () => {
		const { items, error } = await runOsvi(sandbox.current, { parameters: getActive({ simplify: false }) });

		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	test('an unknown agent still fails, naming the agent', async () => {
		const { error } = await runOsvi(sandbox.current, {
			parameters: getActive({ agent: agentById('agent_NoSuchAgent') }),
		});

		expect(error?.message).toMatch(/^The agent was not found in OSVI \(agent_not_found\)/);
	});

	// The docs leave open whether "nothing active" without an agent is `data: {}` (the sandbox's
	// default, above) or the 404 documented for the call with an agent (osvi.md §10.10).
	test('without an agent, a 404 session_not_found for "nothing active" returns no items too (changed: it used to fail)', async () => {
		sandbox.current.addFault({
			api: 'osvi',
			method: 'GET',
			path: '/v1/chat/session/active',
			kind: 'status',
			status: 404,
			body: { success: false, error: 'session_not_found' },
		});
		const { items, error } = await runOsvi(sandbox.current, { parameters: getActive() });

		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(onlyRequest(sandbox.current).query).toEqual({ customer_id: '+15551112222' });
	});
});
