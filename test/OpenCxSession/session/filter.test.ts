import { jsonOf, onlyRequest, runOpenCx, useSandbox } from '../helpers';

describe('open.cx Session › Session › Filter', () => {
	const sandbox = useSandbox();

	test('filter sends filters, sort and the first page, and returns the matching sessions', async () => {
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'session',
				operation: 'filter',
				limit: 10,
				filters: '{"status": ["open"]}',
				sortBy: 'created_at',
				sortOrder: 'asc',
			},
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/chat/sessions/filter');
		expect(request.body).toEqual({
			filters: { status: ['open'] },
			sort_by: 'created_at',
			sort_order: 'asc',
			page: 1,
			limit: 10,
		});
		const open = [...sandbox.current.opencx.sessions.values()].filter((s) => s.status === 'open');
		expect(items).toHaveLength(open.length);
		expect(jsonOf(items).every((s) => s.status === 'open')).toBe(true);
		const created = jsonOf(items).map((s) => String(s.created_at));
		expect(created).toEqual([...created].sort());
	});

	test('filters given by an expression as an object are sent as is, and an empty object is left out', async () => {
		await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'filter', limit: 5, filters: '={{ { "handed_off": true } }}' },
		});
		await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'filter', limit: 5, filters: '{}' },
		});
		const [first, second] = sandbox.current.requestsTo('opencx');
		expect(first.body).toEqual({ filters: { handed_off: true }, sort_by: 'last_message_at', sort_order: 'desc', page: 1, limit: 5 });
		expect(second.body).toEqual({ sort_by: 'last_message_at', sort_order: 'desc', page: 1, limit: 5 });
	});
});
