import { OsviChat } from '../../../nodes/OsviChat/OsviChat.node';
import { agentById, DEMO, jsonOf, onlyRequest, runOsvi, seedLegacySession, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Legacy → Close Session', () => {
	test('closes the legacy session with the agent in the body and returns its summary', async () => {
		const session = seedLegacySession(sandbox.current);

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: {
				resource: 'legacy',
				operation: 'closeSession',
				agent: agentById(DEMO.agents.support),
				sessionId: session.id,
			},
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({
			method: 'POST',
			path: `/chat_sessions/${session.id}/close_session`,
			body: { agent_uuid: DEMO.agents.support },
		});
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(jsonOf(items)).toEqual([{ session_id: session.id, summary: expect.any(String) }]);
		expect(session.closed).toBe(true);
	});

	test('shows a notice naming Session → Close as its replacement', () => {
		const notice = new OsviChat().description.properties.find(
			(p) => p.type === 'notice' && p.displayOptions?.show?.operation?.includes('closeSession'),
		);
		expect(notice?.displayName).toContain('Session → Close');
	});
});
