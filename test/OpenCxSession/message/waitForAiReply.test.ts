import { BEARER, jsonOf, newSession, runOpenCx, useSandbox } from '../helpers';

const sendAndWait = (sessionId: string, text: string, replyTimeout = 5) => ({
	resource: 'message',
	operation: 'send',
	sessionId,
	text,
	options: { waitForAiReply: true, replyTimeout, pollInterval: 10 },
});

describe('open.cx Session › Message › Send › Wait for AI Reply', () => {
	// Long enough that the first poll comes before the reply even on a busy machine.
	const sandbox = useSandbox({ aiReplyDelayMs: 150 });

	test('waits for the AI reply to this message in the history and returns it on top', async () => {
		const session = newSession(sandbox.current);
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: sendAndWait(session.id, 'Where is my order?'),
		});
		expect(error).toBeUndefined();
		const messageId = session.events[0].id;
		expect(jsonOf(items)).toEqual([
			{
				messageId,
				aiReply: 'AI: Where is my order?',
				handedOff: false,
				aiReplyTimedOut: false,
			},
		]);
		const history = sandbox.current.requestsTo('opencx', 'GET', `/chat/sessions/${session.id}/history`);
		expect(history.length).toBeGreaterThanOrEqual(2); // the reply lands ~150 ms after the send
		expect(history.every((r) => r.headers.authorization === BEARER)).toBe(true);
	});

	test('ignores AI replies to earlier messages', async () => {
		const session = newSession(sandbox.current);
		const first = await runOpenCx(sandbox.current, { parameters: sendAndWait(session.id, 'First question') });
		const second = await runOpenCx(sandbox.current, { parameters: sendAndWait(session.id, 'Second question') });
		expect(first.items[0].json.aiReply).toBe('AI: First question');
		expect(second.items[0].json.aiReply).toBe('AI: Second question');
	});

	test('when the AI hands off instead of answering, returns its handoff text and handedOff true', async () => {
		const session = newSession(sandbox.current);
		const { items } = await runOpenCx(sandbox.current, {
			parameters: sendAndWait(session.id, 'Can I talk to a human?'),
		});
		expect(items[0].json).toMatchObject({
			aiReply: 'Let me hand you over to a human agent.',
			handedOff: true,
			aiReplyTimedOut: false,
		});
	});

	test('when no reply comes in time, returns the ack with aiReply null and aiReplyTimedOut, not an error', async () => {
		sandbox.current.opencx.aiReplies = false;
		const session = newSession(sandbox.current);
		const started = Date.now();
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: sendAndWait(session.id, 'Hello?', 0.2),
		});
		const elapsed = Date.now() - started;
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			messageId: session.events[0].id,
			aiReply: null,
			handedOff: null,
			aiReplyTimedOut: true,
		});
		expect(elapsed).toBeGreaterThanOrEqual(200);
		expect(elapsed).toBeLessThan(3000);
		expect(sandbox.current.requestsTo('opencx', 'GET').length).toBeGreaterThan(2);
	});

	test('without Wait for AI Reply the history is not read', async () => {
		const session = newSession(sandbox.current);
		await runOpenCx(sandbox.current, {
			parameters: { ...sendAndWait(session.id, 'Hi'), options: {} },
		});
		expect(sandbox.current.requestsTo('opencx', 'GET')).toHaveLength(0);
	});

	test('a reply already in the send answer is returned without polling', async () => {
		sandbox.current.opencx.sendResponseStyle = 'autopilot';
		const session = newSession(sandbox.current);
		const { items } = await runOpenCx(sandbox.current, { parameters: sendAndWait(session.id, 'Quick one') });
		expect(items[0].json).toMatchObject({ aiReply: 'AI: Quick one', aiReplyTimedOut: false });
		expect(sandbox.current.requestsTo('opencx', 'GET')).toHaveLength(0);
	});
});
