import { runListSearch } from '../../harness';
import { credentialsFor, DEMO, osviChat, osviRequests, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('agent picker (From List)', () => {
	test('lists active agents by name with their agent_id as value', async () => {
		const result = await runListSearch(osviChat, 'searchAgents', credentialsFor(sandbox.current));

		expect(result.results).toEqual([
			{ name: 'Demo Support Agent', value: DEMO.agents.support },
			{ name: 'Demo Sales Agent', value: DEMO.agents.sales },
		]);
		const [request] = osviRequests(sandbox.current);
		expect(request).toMatchObject({ method: 'GET', path: '/v1/active_agents' });
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
	});

	test('filters by name or ID, ignoring case', async () => {
		const byName = await runListSearch(osviChat, 'searchAgents', credentialsFor(sandbox.current), 'sales');
		const byId = await runListSearch(osviChat, 'searchAgents', credentialsFor(sandbox.current), 'DEMOSUPPORT');

		expect(byName.results.map((r) => r.value)).toEqual([DEMO.agents.sales]);
		expect(byId.results.map((r) => r.value)).toEqual([DEMO.agents.support]);
	});

	test('with a wrong token, fails with the credential advice', async () => {
		await expect(
			runListSearch(osviChat, 'searchAgents', credentialsFor(sandbox.current, 'wrongtoken000000')),
		).rejects.toThrow(
			'OSVI rejected the API token (401: Invalid API token). Check the API Token in the OSVI API credential.',
		);
	});
});
