import { DEMO, jsonOf, onlyRequest, runOsvi, seedSession, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Support → Hand Back to AI', () => {
	test('sends the end command, so the agent answers again', async () => {
		const session = seedSession(sandbox.current);
		session.mode = 'support';
		session.activeHuman = 'operator@sandbox.local';

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'support', operation: 'end', sessionId: session.id },
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({
			method: 'POST',
			path: `/v1/chat/session/${session.id}/support`,
			body: { command: 'end' },
		});
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(jsonOf(items)).toEqual([{ state: 'ok', session_id: session.id, command: 'end', active_human: null }]);
		expect(session.mode).toBe('ai');
	});
});
