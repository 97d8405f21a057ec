import { DEMO, jsonOf, onlyRequest, runOsvi, seedSession, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Session → Close', () => {
	test('sends the close command to the session’s support rail and closes it', async () => {
		const session = seedSession(sandbox.current);

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'session', operation: 'close', sessionId: session.id },
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({
			method: 'POST',
			path: `/v1/chat/session/${session.id}/support`,
			body: { command: 'close' },
		});
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(jsonOf(items)).toEqual([{ state: 'ok', session_id: session.id, command: 'close' }]);
		expect(sandbox.current.osvi.sessions.get(session.id)?.status).toBe('closed');
	});

	test('closing an already closed session fails with session_not_found', async () => {
		const session = seedSession(sandbox.current);
		sandbox.current.osvi.close(session);

		const { error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'session', operation: 'close', sessionId: session.id },
		});

		expect(error?.message).toMatch(/\(session_not_found\)/);
	});
});
