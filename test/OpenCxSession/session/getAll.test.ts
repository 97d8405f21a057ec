import { jsonOf, onlyRequest, runOpenCx, useSandbox } from '../helpers';

describe('open.cx Session › Session › Get Many', () => {
	const sandbox = useSandbox();

	test('get many sends the filters as query parameters and returns one item per session', async () => {
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'session',
				operation: 'getAll',
				returnAll: true,
				filters: {
					status: 'open',
					handedOff: true,
					channel: 'whatsapp',
					createdAfter: '2026-01-01T00:00:00Z',
					updatedBefore: '2026-12-31T00:00:00.000Z',
				},
			},
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/chat/sessions');
		expect(request.query).toEqual({
			status: 'open',
			handed_off: 'true',
			channel_type: 'whatsapp',
			created_after: '2026-01-01T00:00:00.000Z',
			updated_before: '2026-12-31T00:00:00.000Z',
		});
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({ status: 'open', channel: { type: 'whatsapp' }, ai_closure_type: 'handed_off' }),
		]);
	});

	test('handed off off lists only sessions still with the AI', async () => {
		const { items } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'getAll', returnAll: true, filters: { handedOff: false } },
		});
		expect(onlyRequest(sandbox.current).query).toEqual({ handed_off: 'false' });
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.json.ai_closure_type !== 'handed_off')).toBe(true);
	});

	test('get many with a limit returns that many sessions, newest first', async () => {
		const { items } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'getAll', limit: 2 },
		});
		expect(onlyRequest(sandbox.current).query).toEqual({});
		expect(items).toHaveLength(2);
		expect(String(items[0].json.created_at) >= String(items[1].json.created_at)).toBe(true);
	});
});
