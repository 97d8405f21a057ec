import { OsviChat } from '../../../nodes/OsviChat/OsviChat.node';
import { agentById, DEMO, jsonOf, onlyRequest, runOsvi, seedLegacySession, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Legacy → Send Message', () => {
	test('sends the message as chat_session_id + message and returns the agent’s response', async () => {
		const session = seedLegacySession(sandbox.current);

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: {
				resource: 'legacy',
				operation: 'sendMessage',
				agent: agentById(DEMO.agents.support),
				sessionId: session.id,
				message: 'Hello there',
			},
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({ method: 'POST', path: '/chat_messages/send_message' });
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(request.body).toEqual({
			agent_uuid: DEMO.agents.support,
			chat_session_id: session.id,
			message: 'Hello there',
		});
		expect(jsonOf(items)).toEqual([
			{
				session_id: session.id,
				response: 'Thanks, you said: Hello there',
				tool_calls: [],
				tool_results: [],
				current_state: null,
			},
		]);
	});

	test('shows a notice naming Message → Send as its replacement', () => {
		const notice = new OsviChat().description.properties.find(
			(p) => p.type === 'notice' && p.displayOptions?.show?.operation?.includes('sendMessage'),
		);
		expect(notice?.displayName).toContain('Message → Send');
	});
});
