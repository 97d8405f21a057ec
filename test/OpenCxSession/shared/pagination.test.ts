import { anySession, jsonOf, openCxRequests, runOpenCx, useSandbox } from '../helpers';

describe('open.cx Session › paging', () => {
	const sandbox = useSandbox();

	describe('cursor lists ({ items, next })', () => {
		test('Return All follows next across pages until it is null, keeping the filters', async () => {
			sandbox.current.opencx.pageSize = 1;
			const open = [...sandbox.current.opencx.sessions.values()].filter((s) => s.status === 'open');
			expect(open.length).toBeGreaterThanOrEqual(3); // at least three pages
			const { items, error } = await runOpenCx(sandbox.current, {
				parameters: { resource: 'session', operation: 'getAll', returnAll: true, filters: { status: 'open' } },
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(open.length);
			const requests = openCxRequests(sandbox.current);
			expect(requests).toHaveLength(open.length);
			expect(requests[0].query).toEqual({ status: 'open' });
			// Every later page keeps the filters and carries the previous page's cursor.
			for (const request of requests.slice(1)) {
				expect(request.query).toEqual({ status: 'open', cursor: expect.any(String) });
			}
			expect(new Set(jsonOf(items).map((s) => s.id))).toEqual(new Set(open.map((s) => s.id)));
		});

		test('Return All returns each session once, in the API order', async () => {
			sandbox.current.opencx.pageSize = 5;
			const total = sandbox.current.opencx.sessions.size;
			expect(total).toBeGreaterThan(10);
			const { items } = await runOpenCx(sandbox.current, {
				parameters: { resource: 'session', operation: 'getAll', returnAll: true },
			});
			expect(openCxRequests(sandbox.current)).toHaveLength(Math.ceil(total / 5));
			expect(items).toHaveLength(total);
			expect(new Set(jsonOf(items).map((s) => s.id)).size).toBe(total);
			const created = jsonOf(items).map((s) => String(s.created_at));
			expect(created).toEqual([...created].sort().reverse());
		});

		test('Limit stops paging as soon as it is reached, mid-page, without asking for the next page', async () => {
			sandbox.current.opencx.pageSize = 2;
			const { items } = await runOpenCx(sandbox.current, {
				parameters: { resource: 'session', operation: 'getAll', limit: 3 },
			});
			expect(items).toHaveLength(3);
			expect(openCxRequests(sandbox.current)).toHaveLength(2);
		});

		test('Limit on a page boundary makes no extra request', async () => {
			sandbox.current.opencx.pageSize = 2;
			const { items } = await runOpenCx(sandbox.current, {
				parameters: { resource: 'contact', operation: 'getAll', limit: 4 },
			});
			expect(items).toHaveLength(4);
			expect(openCxRequests(sandbox.current)).toHaveLength(2);
		});

		test('history Return All pages through a long conversation', async () => {
			sandbox.current.opencx.pageSize = 3;
			const session = anySession(sandbox.current);
			for (let i = 0; i < 8; i++) {
				sandbox.current.opencx.addEvent(session, 'message', { type: 'contact', name: 'C' }, `message ${i}`);
			}
			const { items } = await runOpenCx(sandbox.current, {
				parameters: { resource: 'message', operation: 'getHistory', sessionId: session.id, returnAll: true },
			});
			expect(items).toHaveLength(10);
			expect(openCxRequests(sandbox.current)).toHaveLength(4);
			expect(jsonOf(items).map((e) => e.id)).toEqual(session.events.map((e) => e.id));
		});
	});

	describe('page lists ({ data, has_next })', () => {
		test('Return All asks for pages of 100 until has_next is false', async () => {
			sandbox.current.opencx.seedSessions(250);
			const total = sandbox.current.opencx.sessions.size;
			expect(total).toBeGreaterThan(200); // three pages
			const { items, error } = await runOpenCx(sandbox.current, {
				parameters: { resource: 'session', operation: 'filter', returnAll: true },
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(total);
			const requests = openCxRequests(sandbox.current);
			expect(requests.map((r) => (r.body as { page: number }).page)).toEqual([1, 2, 3]);
			expect(requests.every((r) => (r.body as { limit: number }).limit === 100)).toBe(true);
			expect(new Set(jsonOf(items).map((s) => s.id)).size).toBe(total);
		});

		test('Limit over one page stops at the Limit, not at the last page', async () => {
			sandbox.current.opencx.seedSessions(250);
			const { items } = await runOpenCx(sandbox.current, {
				parameters: { resource: 'session', operation: 'filter', limit: 150 },
			});
			expect(items).toHaveLength(150);
			const requests = openCxRequests(sandbox.current);
			expect(requests.map((r) => r.body)).toEqual([
				expect.objectContaining({ page: 1, limit: 100 }),
				expect.objectContaining({ page: 2, limit: 100 }),
			]);
		});

		test('a small Limit asks for a page of that size only', async () => {
			const { items } = await runOpenCx(sandbox.current, {
				parameters: { resource: 'session', operation: 'filter', limit: 4 },
			});
			expect(items).toHaveLength(4);
			expect(openCxRequests(sandbox.current).map((r) => r.body)).toEqual([expect.objectContaining({ page: 1, limit: 4 })]);
		});
	});

	test('a page whose envelope is not the documented one fails with a clear message', async () => {
		sandbox.current.addFault({ api: 'opencx', method: 'GET', path: '/contacts', kind: 'status', status: 200, body: [{ id: 'x' }] });
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'contact', operation: 'getAll', returnAll: true },
		});
		expect(error?.message).toMatch(/unexpected response/);
	});
});
