import { DEMO, jsonOf, onlyRequest, runOsvi, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Agent → Get Many', () => {
	test('returns one item per active agent from the bare array OSVI answers with', async () => {
		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'agent', operation: 'getAll', returnAll: true },
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({ method: 'GET', path: '/v1/active_agents', query: {} });
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(jsonOf(items)).toEqual([
			{ agent_id: DEMO.agents.support, name: 'Demo Support Agent', status: 'active' },
			{ agent_id: DEMO.agents.sales, name: 'Demo Sales Agent', status: 'active' },
		]);
	});

	test('returns at most Limit agents, trimming the one list OSVI sends (it has no paging)', async () => {
		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'agent', operation: 'getAll', returnAll: false, limit: 1 },
		});

		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current)).toMatchObject({ method: 'GET', path: '/v1/active_agents', query: {} });
		expect(jsonOf(items)).toEqual([{ agent_id: DEMO.agents.support, name: 'Demo Support Agent', status: 'active' }]);
	});

	test('an account without active agents returns no items', async () => {
		sandbox.current.osvi.agents = [];

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'agent', operation: 'getAll', returnAll: true },
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});
