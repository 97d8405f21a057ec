import { DEMO, jsonOf, onlyRequest, runOsvi, seedSession, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Support → Whisper', () => {
	test('passes private guidance to the agent without a reply', async () => {
		const session = seedSession(sandbox.current);

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'support', operation: 'whisper', sessionId: session.id, message: 'VIP customer' },
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({
			method: 'POST',
			path: `/v1/chat/session/${session.id}/support`,
			body: { command: 'whisper', message: 'VIP customer' },
		});
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(jsonOf(items)).toEqual([{ state: 'ok', session_id: session.id, command: 'whisper' }]);
		expect(session.messages).toEqual([expect.objectContaining({ role: 'operator', kind: 'whisper', text: 'VIP customer' })]);
	});
});
