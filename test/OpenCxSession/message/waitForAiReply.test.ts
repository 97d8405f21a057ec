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

/*
 * open.cx's docs leave the history's order and its item ids open, and no documented field links a
 * reply to its message: the node must find the AI's answer in every shape, by position alone.
 */
describe('open.cx Session › Message › Send › Wait for AI Reply › every history shape', () => {
	// Two events per page, so the answer is never on the first page a newest-first or oldest-first read gets.
	const sandbox = useSandbox({ aiReplyDelayMs: 150, opencxPageSize: 2 });
	const QUESTION = 'Where is my order?';
	const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
	const ai = { type: 'ai', name: 'AI' };

	/** A session where the same question was asked and answered before. */
	function sessionWithEarlierExchange() {
		const session = newSession(sandbox.current);
		const state = sandbox.current.opencx;
		state.addEvent(session, 'message', { type: 'contact', name: 'Ana' }, QUESTION, { at: ago(10) });
		state.addEvent(session, 'message', ai, 'Your order shipped yesterday.', { at: ago(9) });
		state.addEvent(session, 'message', { type: 'contact', name: 'Ana' }, 'Thanks!', { at: ago(8) });
		return session;
	}

	/** Once the node's message is in the session, `then` adds what happens while the node polls. */
	async function afterTheSend(session: ReturnType<typeof newSession>, then: () => void) {
		const sent = () => session.events.filter((e) => e.event.content.text === QUESTION).length === 2;
		for (let i = 0; i < 500 && !sent(); i++) await new Promise((r) => setTimeout(r, 5));
		then();
	}

	const shapes = [
		{ historyOrder: 'oldest-first', historyItemIds: true },
		{ historyOrder: 'oldest-first', historyItemIds: false },
		{ historyOrder: 'newest-first', historyItemIds: true },
		{ historyOrder: 'newest-first', historyItemIds: false },
	] as const;

	describe.each(shapes)('history $historyOrder, item ids $historyItemIds', (shape) => {
		beforeEach(() => Object.assign(sandbox.current.opencx, shape));

		test('returns the reply to this message, not the AI reply to the same question earlier', async () => {
			const session = sessionWithEarlierExchange();
			const { items, error } = await runOpenCx(sandbox.current, { parameters: sendAndWait(session.id, QUESTION) });
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ aiReply: `AI: ${QUESTION}`, handedOff: false, aiReplyTimedOut: false });
			const history = sandbox.current.requestsTo('opencx', 'GET', `/chat/sessions/${session.id}/history`);
			expect(history.some((r) => typeof r.query.cursor === 'string')).toBe(true); // it read past page one
		});

		test('passes over a second contact message and a human agent message to the first AI reply after it', async () => {
			const session = sessionWithEarlierExchange();
			const state = sandbox.current.opencx;
			state.aiReplies = false;
			const [{ items, error }] = await Promise.all([
				runOpenCx(sandbox.current, { parameters: sendAndWait(session.id, QUESTION) }),
				afterTheSend(session, () => {
					state.addEvent(session, 'message', { type: 'contact', name: 'Ana' }, 'Also, can I change the address?');
					state.addEvent(session, 'message', { type: 'human_agent', name: 'Sam' }, 'Sam here, looking into it');
					state.addEvent(session, 'message', ai, 'It arrives on Monday.');
					state.addEvent(session, 'message', ai, 'Yes, the address can still change.');
				}),
			]);
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ aiReply: 'It arrives on Monday.', handedOff: false, aiReplyTimedOut: false });
		});

		test('a handoff after the message is the answer, reported as handedOff', async () => {
			const session = sessionWithEarlierExchange();
			const { items } = await runOpenCx(sandbox.current, {
				parameters: sendAndWait(session.id, 'Can I talk to a human?'),
			});
			expect(items[0].json).toMatchObject({
				aiReply: 'Let me hand you over to a human agent.',
				handedOff: true,
				aiReplyTimedOut: false,
			});
		});

		test('with no answer yet after this message, times out although the AI answered earlier', async () => {
			const session = sessionWithEarlierExchange();
			sandbox.current.opencx.aiReplies = false;
			const { items } = await runOpenCx(sandbox.current, { parameters: sendAndWait(session.id, QUESTION, 0.2) });
			expect(items[0].json).toMatchObject({ aiReply: null, handedOff: null, aiReplyTimedOut: true });
		});
	});

	test('a send answer without a message id (autopilot, AI not answering in it) is followed in the history by time', async () => {
		const state = sandbox.current.opencx;
		Object.assign(state, { sendResponseStyle: 'autopilot-flat', historyOrder: 'newest-first', historyItemIds: false });
		const session = sessionWithEarlierExchange();
		state.aiReplies = false; // the answer carries autopilotResponse: null
		const [{ items }] = await Promise.all([
			runOpenCx(sandbox.current, { parameters: sendAndWait(session.id, QUESTION) }),
			afterTheSend(session, () => state.addEvent(session, 'message', ai, 'It arrives on Monday.')),
		]);
		expect(items[0].json).toMatchObject({
			messageId: null,
			aiReply: 'It arrives on Monday.',
			handedOff: false,
			aiReplyTimedOut: false,
		});
	});

	test('without ids, a sent message stamped up to 2 s before the send (open.cx clock behind) is still found by its text', async () => {
		const state = sandbox.current.opencx;
		Object.assign(state, { historyOrder: 'newest-first', historyItemIds: false, aiReplies: false });
		const session = sessionWithEarlierExchange();
		const behind = (iso: string) => new Date(Date.parse(iso) - 1500).toISOString();
		const [{ items }] = await Promise.all([
			runOpenCx(sandbox.current, { parameters: sendAndWait(session.id, QUESTION) }),
			afterTheSend(session, () => {
				const sent = session.events[session.events.length - 1];
				sent.created_at = behind(sent.created_at);
				state.addEvent(session, 'message', ai, 'It arrives on Monday.', { at: behind(new Date().toISOString()) });
			}),
		]);
		expect(items[0].json).toMatchObject({ aiReply: 'It arrives on Monday.', aiReplyTimedOut: false });
	});

	test.each(['autopilot', 'autopilot-flat', 'ai-response'] as const)(
		'the %s send answer carries the reply, so the history is not read',
		async (sendResponseStyle) => {
			sandbox.current.opencx.sendResponseStyle = sendResponseStyle;
			const session = newSession(sandbox.current);
			const { items } = await runOpenCx(sandbox.current, { parameters: sendAndWait(session.id, 'Quick one') });
			expect(items[0].json).toMatchObject({ aiReply: 'AI: Quick one', aiReplyTimedOut: false });
			expect(sandbox.current.requestsTo('opencx', 'GET')).toHaveLength(0);
		},
	);
});
