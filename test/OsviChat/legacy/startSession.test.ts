import { OsviChat } from '../../../nodes/OsviChat/OsviChat.node';
import { agentById, DEMO, jsonOf, onlyRequest, runOsvi, useSandbox, UUID } from '../helpers';

const sandbox = useSandbox();

describe('Legacy → Start Session', () => {
	test('starts a legacy session with metadata and returns the welcome message', async () => {
		const { items, error } = await runOsvi(sandbox.current, {
			parameters: {
				resource: 'legacy',
				operation: 'startSession',
				agent: agentById(DEMO.agents.support),
				metadata: { field: [{ key: 'person_name', value: 'Jane Smith' }] },
			},
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({ method: 'POST', path: '/chat_sessions' });
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(request.body).toEqual({ agent_uuid: DEMO.agents.support, metadata: { person_name: 'Jane Smith' } });
		expect(jsonOf(items)).toEqual([
			{
				session_id: expect.stringMatching(UUID),
				agent_name: 'Demo Support Agent',
				started_at: expect.any(String),
				welcome_message: expect.any(String),
			},
		]);
	});

	test('an inactive agent fails with OSVI’s errors[] list', async () => {
		const { error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'legacy', operation: 'startSession', agent: agentById(DEMO.agents.inactive) },
		});

		expect(error?.message).toBe(
			'OSVI rejected the request (422: agent_uuid is invalid: agent is inactive). Correct the fields OSVI names.',
		);
	});

	test('shows a notice naming Session → Create as its replacement', () => {
		const notice = new OsviChat().description.properties.find(
			(p) => p.type === 'notice' && p.displayOptions?.show?.operation?.includes('startSession'),
		);
		expect(notice?.displayName).toContain('Session → Create');
	});
});
