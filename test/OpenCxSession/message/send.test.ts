import { BEARER, jsonOf, newSession, onlyRequest, openCxSession, runOpenCx, useSandbox } from '../helpers';

const send = (sessionId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	sessionId,
	...extra,
});

describe('open.cx Session › Message › Send', () => {
	const sandbox = useSandbox();

	test('send as contact returns the ack with messageId on top, and no AI reply yet', async () => {
		const session = newSession(sandbox.current);
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: send(session.id, { text: 'Where is my parcel?' }),
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/chat/sessions/${session.id}/send`);
		expect(request.headers.authorization).toBe(BEARER);
		expect(request.body).toEqual({ sender: 'contact', message: { type: 'text', text: 'Where is my parcel?' } });
		const messageId = session.events[0].id;
		// Simplify (on by default; changed: the item used to carry open.cx's whole answer too).
		expect(jsonOf(items)).toEqual([{ messageId, aiReply: null, handedOff: null, aiReplyTimedOut: false }]);
	});

	test('with Simplify off, returns open.cx’s whole answer with the reply fields added', async () => {
		const session = newSession(sandbox.current);
		const { items } = await runOpenCx(sandbox.current, {
			parameters: send(session.id, { text: 'Where is my parcel?', simplify: false }),
		});
		const messageId = session.events[0].id;
		expect(jsonOf(items)).toEqual([
			{ messageId, aiReply: null, handedOff: null, success: true, data: { message: { id: messageId } } },
		]);
	});

	test('send reads the AI reply and handoff flag from the autopilot response shape', async () => {
		sandbox.current.opencx.sendResponseStyle = 'autopilot';
		const session = newSession(sandbox.current);
		const { items } = await runOpenCx(sandbox.current, {
			parameters: send(session.id, { text: 'Do you ship to Ireland?' }),
		});
		expect(items[0].json).toMatchObject({
			messageId: null,
			aiReply: 'AI: Do you ship to Ireland?',
			handedOff: false,
			aiReplyTimedOut: false,
		});
	});

	test('an autopilot answer that hands off says so on top', async () => {
		sandbox.current.opencx.sendResponseStyle = 'autopilot';
		const session = newSession(sandbox.current);
		const { items } = await runOpenCx(sandbox.current, {
			parameters: send(session.id, { text: 'I want a human' }),
		});
		expect(items[0].json).toMatchObject({ aiReply: 'Let me hand you over to a human agent.', handedOff: true });
	});

	test('send merges session and contact custom data and updates the contact', async () => {
		const contact = sandbox.current.opencx.createContact({ name: 'Pat', custom_data: { plan: 'free', region: 'eu' } });
		const session = sandbox.current.opencx.createSession({ contactId: contact.id, customData: { order_id: 'ord_1', step: 1 } });
		const { error } = await runOpenCx(sandbox.current, {
			parameters: send(session.id, {
				text: 'Upgrade me',
				contact: { email: 'pat@example.com', avatarUrl: 'https://example.com/pat.png', customData: '{"plan":"pro"}' },
				additionalFields: { customData: '{"step": 2, "upsell": true}' },
			}),
		});
		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current).body).toEqual({
			sender: 'contact',
			message: { type: 'text', text: 'Upgrade me' },
			contact: { email: 'pat@example.com', avatar_url: 'https://example.com/pat.png', custom_data: { plan: 'pro' } },
			custom_data: { step: 2, upsell: true },
		});
		expect(session.custom_data).toEqual({ order_id: 'ord_1', step: 2, upsell: true });
		expect(contact.custom_data).toEqual({ plan: 'pro', region: 'eu' });
		expect(contact.email).toBe('pat@example.com');
	});

	test('send as a human agent with takeover stops the AI and never waits for a reply', async () => {
		const session = newSession(sandbox.current);
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: send(session.id, {
				sender: 'agent',
				text: 'Hi, Sam from support here.',
				agentId: '42',
				agentName: 'Sam',
				takeOver: true,
				options: { waitForAiReply: true },
			}),
		});
		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current).body).toEqual({
			sender: 'agent',
			message: { type: 'text', text: 'Hi, Sam from support here.' },
			agent: { id: 42, name: 'Sam' },
			should_take_over_session_from_ai: true,
		});
		// A human agent's message is never waited on: no reply, and no timeout either.
		expect(items[0].json).toMatchObject({ aiReply: null, aiReplyTimedOut: false });
		expect(session.events.map((e) => e.event.type)).toEqual(['human_agent_takeover', 'message']);
		expect(session.handedOff).toBe(true);
	});

	test('an agent ID saved as a number (the field was a number before) is sent as that number', async () => {
		const session = newSession(sandbox.current);
		const { error } = await runOpenCx(sandbox.current, {
			parameters: send(session.id, { sender: 'agent', text: 'Hello', agentId: 7 }),
		});
		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current).body).toMatchObject({ sender: 'agent', agent: { id: 7 } });
	});

	test('the Agent ID field is required, starts empty and says where to find the ID', () => {
		const field = openCxSession.description.properties.find((p) => p.name === 'agentId');
		expect(field).toMatchObject({ type: 'string', required: true, default: '' });
		expect(field?.hint).toMatch(/user ID/);
	});
});
