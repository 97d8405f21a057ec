import { jsonOf, onlyRequest, runOpenCx, useSandbox } from '../helpers';

describe('open.cx Session › Contact › Get Many', () => {
	const sandbox = useSandbox();

	test('get many returns every contact with Return All, and sends date filters as ISO 8601', async () => {
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				filters: { createdAfter: '2025-12-20T00:00:00Z', createdBefore: '2025-12-28T00:00:00Z' },
			},
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/contacts');
		expect(request.query).toEqual({
			created_after: '2025-12-20T00:00:00.000Z',
			created_before: '2025-12-28T00:00:00.000Z',
		});
		const expected = [...sandbox.current.opencx.contacts.values()]
			.filter((c) => c.created_at > '2025-12-20' && c.created_at < '2025-12-28')
			.map((c) => c.email);
		expect(expected.length).toBeGreaterThan(0);
		expect(jsonOf(items).map((c) => c.email).sort()).toEqual(expected.sort());
	});
});
