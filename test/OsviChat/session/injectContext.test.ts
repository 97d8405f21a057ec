import { DEMO, jsonOf, onlyRequest, runOsvi, seedSession, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Session → Inject Context', () => {
	test('appends one context entry and returns the session’s whole context', async () => {
		const session = seedSession(sandbox.current);

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: {
				resource: 'session',
				operation: 'injectContext',
				sessionId: session.id,
				context: 'Customer called earlier about order 1234',
			},
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({
			method: 'POST',
			path: `/v1/chat/session/${session.id}/inject_context`,
			body: { context: 'Customer called earlier about order 1234' },
		});
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(jsonOf(items)).toEqual([
			{ session_id: session.id, context: ['Prefers email', 'Customer called earlier about order 1234'] },
		]);
	});
});
