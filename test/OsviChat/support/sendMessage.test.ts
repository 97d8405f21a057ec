import { DEMO, jsonOf, onlyRequest, runOsvi, seedSession, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Support → Send Operator Message', () => {
	test('sends the operator’s text with no command', async () => {
		const session = seedSession(sandbox.current);
		session.mode = 'support';
		session.activeHuman = 'operator@sandbox.local';

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'support', operation: 'sendMessage', sessionId: session.id, message: 'Hi, Sam here' },
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({ method: 'POST', path: `/v1/chat/session/${session.id}/support` });
		expect(request.body).toEqual({ message: 'Hi, Sam here' });
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(jsonOf(items)).toEqual([
			{ state: 'ok', session_id: session.id, command: null, active_human: 'operator@sandbox.local' },
		]);
	});

	test('before a takeover fails and says to take over first', async () => {
		const session = seedSession(sandbox.current);

		const { error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'support', operation: 'sendMessage', sessionId: session.id, message: 'Hello' },
		});

		expect(error?.message).toBe(
			'OSVI accepts operator messages only after a takeover (operator_message_requires_support_mode). Take over the session first.',
		);
	});
});
