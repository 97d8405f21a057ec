import { agentById, DEMO, errorsOf, jsonOf, onlyRequest, osviRequests, runVoice, useSandbox } from '../helpers';

const sandbox = useSandbox();
const agent = agentById(DEMO.agents.support);
const dnd = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'doNotDisturb', operation, agent, ...extra });

describe('Do Not Disturb', () => {
	test('Add sends agent, phone and reason in the body and returns the entry', async () => {
		const { items } = await runVoice(sandbox.current, { parameters: dnd('add', { phone: '98765-43210', reason: 'asked by phone' }) });
		expect(onlyRequest(sandbox.current)).toMatchObject({
			method: 'POST',
			path: '/v1/dnd_numbers',
			body: { agent_uuid: DEMO.agents.support, phone: '9876543210', reason: 'asked by phone' },
		});
		expect(jsonOf(items)).toEqual([
			{ id: expect.any(Number), agent_uuid: DEMO.agents.support, phone: '+919876543210', reason: 'asked by phone', created_at: expect.any(String) },
		]);
	});

	test('Add without a reason leaves it out', async () => {
		await runVoice(sandbox.current, { parameters: dnd('add', { phone: '+919876543210' }) });
		expect(onlyRequest(sandbox.current).body).toEqual({ agent_uuid: DEMO.agents.support, phone: '+919876543210' });
	});

	test('Get Many with Return All pages through the list; Search is sent', async () => {
		for (let i = 0; i < 130; i++) sandbox.current.voice.dnd.push({ id: 1000 + i, agentUuid: DEMO.agents.support, phone: `+9190000${String(i).padStart(5, '0')}`, reason: null, createdAt: new Date() });
		const { items } = await runVoice(sandbox.current, { parameters: dnd('getAll', { returnAll: true, search: '90000' }) });
		expect(items).toHaveLength(130);
		expect(osviRequests(sandbox.current).map((r) => r.query)).toEqual([
			{ agent_uuid: DEMO.agents.support, search: '90000', page: '1', per_page: '100' },
			{ agent_uuid: DEMO.agents.support, search: '90000', page: '2', per_page: '100' },
		]);
	});

	test('Remove sends query parameters, not a body', async () => {
		sandbox.current.voice.dnd.push({ id: 1, agentUuid: DEMO.agents.support, phone: '+919876543210', reason: null, createdAt: new Date() });
		const { items } = await runVoice(sandbox.current, { parameters: dnd('remove', { phone: '9876543210' }) });
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({ method: 'DELETE', path: '/v1/dnd_numbers', query: { agent_uuid: DEMO.agents.support, phone: '9876543210' } });
		expect(request.rawBody === '' || request.rawBody === '{}').toBe(true);
		expect(jsonOf(items)).toEqual([{ success: true, message: 'Phone removed from DND list' }]);
		expect(sandbox.current.voice.dnd).toHaveLength(0);
	});

	test('removing a number that is not listed gives OSVI’s 404; with Continue On Fail an error item', async () => {
		const { items } = await runVoice(sandbox.current, { parameters: dnd('remove', { phone: '9876543210' }), continueOnFail: true });
		expect(errorsOf(items)).toEqual([expect.stringMatching(/404: Phone not found in DND list/)]);
	});

	test('a phone number with letters fails before any request', async () => {
		const { error } = await runVoice(sandbox.current, { parameters: dnd('add', { phone: '98765 ABC' }) });
		expect(error?.message).toMatch(/Phone Number "98765 ABC" is not a phone number/);
		expect(osviRequests(sandbox.current)).toHaveLength(0);
	});
});
