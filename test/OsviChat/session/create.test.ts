import { agentById, DEMO, jsonOf, onlyRequest, osviRequests, runOsvi, useSandbox, UUID } from '../helpers';

const sandbox = useSandbox();

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'session',
	operation: 'create',
	agent: agentById(DEMO.agents.support),
	customerId: '+15551112222',
	...extra,
});

describe('Session → Create', () => {
	test('creates a session with input fields from key-value pairs and initial context', async () => {
		const { items, error } = await runOsvi(sandbox.current, {
			parameters: create({
				inputFields: { field: [{ key: 'first_name', value: 'Alex' }, { key: 'tier', value: 'gold' }] },
				initialContext: ['Called yesterday about a refund'],
			}),
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/session' });
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(request.body).toEqual({
			agent_uuid: DEMO.agents.support,
			customer_id: '+15551112222',
			input_fields: { first_name: 'Alex', tier: 'gold' },
			context: ['Called yesterday about a refund'],
		});
		expect(jsonOf(items)).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			customer_id: '+15551112222',
			mode: 'ai',
			status: 'active',
			help_requested: false,
			metadata: { input_fields: { first_name: 'Alex', tier: 'gold' }, context: ['Called yesterday about a refund'] },
		});
		expect(items[0].json.id).toMatch(UUID);
	});

	test('sends input fields given as JSON', async () => {
		await runOsvi(sandbox.current, {
			parameters: create({ inputFieldsMode: 'json', inputFieldsJson: '{"first_name": "Alex", "orders": 3}' }),
		});

		expect(onlyRequest(sandbox.current).body).toEqual({
			agent_uuid: DEMO.agents.support,
			customer_id: '+15551112222',
			input_fields: { first_name: 'Alex', orders: 3 },
		});
	});

	test('leaves out input fields and context the user did not give', async () => {
		await runOsvi(sandbox.current, { parameters: create() });

		expect(onlyRequest(sandbox.current).body).toEqual({
			agent_uuid: DEMO.agents.support,
			customer_id: '+15551112222',
		});
	});

	test('works with a chat agent that the agent list leaves out, entered by ID', async () => {
		const { items, error } = await runOsvi(sandbox.current, {
			parameters: create({ agent: agentById(DEMO.agents.unlisted) }),
		});

		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current).body).toMatchObject({ agent_uuid: DEMO.agents.unlisted });
		expect(items[0].json.status).toBe('active');
	});

	test('takes agent and customer from each input item through expressions', async () => {
		const { items } = await runOsvi(sandbox.current, {
			parameters: create({ agent: agentById('={{ $json.agent }}'), customerId: '={{ $json.phone }}' }),
			items: [
				{ json: { agent: DEMO.agents.support, phone: '+1001' } },
				{ json: { agent: DEMO.agents.sales, phone: '+1002' } },
				{ json: { agent: DEMO.agents.support, phone: '+1003' } },
			],
		});

		const bodies = osviRequests(sandbox.current).map((r) => r.body);
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ agent_uuid: DEMO.agents.support, customer_id: '+1001' },
				{ agent_uuid: DEMO.agents.sales, customer_id: '+1002' },
				{ agent_uuid: DEMO.agents.support, customer_id: '+1003' },
			]),
		);
		expect(bodies).toHaveLength(3);
		expect(jsonOf(items).map((s) => s.customer_id)).toEqual(['+1001', '+1002', '+1003']);
	});

	test('with Simplify off, returns the whole response envelope', async () => {
		const { items } = await runOsvi(sandbox.current, { parameters: create({ simplify: false }) });

		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ success: true, data: { customer_id: '+15551112222', mode: 'ai' } });
	});
});
