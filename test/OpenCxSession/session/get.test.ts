import { anySession, jsonOf, onlyRequest, runOpenCx, useSandbox } from '../helpers';

describe('open.cx Session › Session › Get', () => {
	const sandbox = useSandbox();

	test('get returns the session object with its contact and handoff', async () => {
		const session = anySession(sandbox.current, (s) => s.handedOff === true);
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'get', sessionId: session.id },
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('GET');
		expect(request.rawPath).toBe(`/chat/sessions/${session.id}`);
		expect(request.body).toBeUndefined();
		expect(jsonOf(items)).toEqual([sandbox.current.opencx.view(session)]);
		expect(items[0].json).toMatchObject({ id: session.id, ai_closure_type: 'handed_off', handoff: { summary: expect.any(String) } });
	});
});
