import { DEMO, jsonOf, onlyRequest, runOsvi, seedSession, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Support → Take Over', () => {
	test('puts an operator in charge, so the agent stops replying', async () => {
		const session = seedSession(sandbox.current);

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'support', operation: 'takeover', sessionId: session.id },
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({
			method: 'POST',
			path: `/v1/chat/session/${session.id}/support`,
			body: { command: 'takeover' },
		});
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(jsonOf(items)).toEqual([
			{ state: 'ok', session_id: session.id, command: 'takeover', active_human: 'operator@sandbox.local' },
		]);
		expect(session.mode).toBe('support');
	});

	test('sends the optional note with the takeover', async () => {
		const session = seedSession(sandbox.current);

		await runOsvi(sandbox.current, {
			parameters: { resource: 'support', operation: 'takeover', sessionId: session.id, message: 'Taking it from here' },
		});

		expect(onlyRequest(sandbox.current).body).toEqual({ command: 'takeover', message: 'Taking it from here' });
	});
});
