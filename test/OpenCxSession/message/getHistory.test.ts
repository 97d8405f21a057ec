import { anySession, jsonOf, onlyRequest, runOpenCx, useSandbox } from '../helpers';

describe('open.cx Session › Message › Get History', () => {
	const sandbox = useSandbox();

	test('get history returns one simplified item per event, oldest first', async () => {
		const session = anySession(sandbox.current, (s) => s.handedOff === false);
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'message', operation: 'getHistory', sessionId: session.id, returnAll: true },
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`/chat/sessions/${session.id}/history`);
		const [question, answer] = session.events;
		expect(jsonOf(items)).toEqual([
			{
				id: question.id,
				created_at: question.created_at,
				type: 'message',
				sender_type: 'contact',
				sender_name: question.event.sender.name,
				text: question.event.content.text,
				attachments: [],
			},
			{
				id: answer.id,
				created_at: answer.created_at,
				type: 'message',
				sender_type: 'ai',
				sender_name: 'AI',
				text: answer.event.content.text,
				attachments: [],
			},
		]);
	});

	test('with Simplify off, the raw events come back', async () => {
		const session = anySession(sandbox.current);
		const { items } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'message', operation: 'getHistory', sessionId: session.id, limit: 1, simplify: false },
		});
		expect(jsonOf(items)).toEqual([JSON.parse(JSON.stringify(session.events[0]))]);
	});
});
