import { BEARER, DEMO, errorsOf, jsonOf, newSession, onlyRequest, openCxRequests, runOpenCx, useSandbox } from '../helpers';

const sandbox = useSandbox();

/** A session with a contact message carrying an attachment, and an AI reply. */
function sessionWithMessages() {
	const s = newSession(sandbox.current);
	sandbox.current.opencx.addEvent(s, 'message', { type: 'contact', name: 'Ada' }, 'my card is 4111', {
		attachments: [{ id: 'f1', name: 'card.png', size: 10, type: 'image/png', url: 'https://files.test/card.png' }],
	});
	sandbox.current.opencx.addEvent(s, 'message', { type: 'ai', name: 'AI' }, 'AI: noted');
	return s;
}

describe('open.cx Session › Redaction › Redact Session', () => {
	test('sends the session id and reason, and outputs what open.cx answered', async () => {
		const s = sessionWithMessages();
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'redaction', operation: 'redactSession', sessionId: s.id, reason: 'GDPR erasure request' },
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect([request.method, request.path, request.headers.authorization]).toEqual(['POST', '/redaction/session', BEARER]);
		expect(request.body).toEqual({ sessionId: s.id, reason: 'GDPR erasure request' });
		expect(jsonOf(items)).toEqual([
			{
				success: true,
				message: 'Session successfully redacted',
				itemId: s.id,
				redactionType: 'session',
				affectedCount: 2,
				messagesRedacted: 2,
			},
		]);
		expect(s.events.map((e) => [e.event.content.text, e.event.attachments.length])).toEqual([
			['[REDACTED]', 0],
			['[REDACTED]', 0],
		]);
	});

	test('without a reason sends only the session id; a 200 answer reads the same as 201', async () => {
		const s = sessionWithMessages();
		sandbox.current.opencx.redactionStatus = 200;
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'redaction', operation: 'redactSession', sessionId: { __rl: true, mode: 'list', value: s.id } },
		});
		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current).body).toEqual({ sessionId: s.id });
		expect(jsonOf(items)[0]).toMatchObject({ success: true, messagesRedacted: 2 });
	});

	test('an unknown session fails with the 404 and the API’s message', async () => {
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'redaction', operation: 'redactSession', sessionId: '3c90c3cc-0d44-4b50-8888-8dd25736052a' },
		});
		expect(error?.message).toBe('The open.cx session was not found (404): Chat session not found');
	});

	test('a key without the redaction scope fails naming the scope', async () => {
		const s = sessionWithMessages();
		const { error } = await runOpenCx(sandbox.current, {
			apiKey: DEMO.opencxSessionsOnlyKey,
			parameters: { resource: 'redaction', operation: 'redactSession', sessionId: s.id },
		});
		expect(error?.message).toBe('The open.cx API key lacks the redaction scope (403): Missing scope: redaction:write');
		expect(s.events[0].event.content.text).toBe('my card is 4111');
	});

	test('a 2xx answer with success false fails the item with open.cx’s message', async () => {
		const s = sessionWithMessages();
		sandbox.current.addFault({
			api: 'opencx',
			kind: 'status',
			status: 201,
			body: { success: false, message: 'Session is locked', itemId: s.id, redactionType: 'session', affectedCount: 0, messagesRedacted: 0 },
			times: 1,
		});
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'redaction', operation: 'redactSession', sessionId: s.id },
		});
		expect(error?.message).toBe('open.cx answered 201 but reported a failure: Session is locked');
		expect(openCxRequests(sandbox.current)).toHaveLength(1);
	});

	test('missing or malformed session ids fail before any request, naming the field', async () => {
		const { items } = await runOpenCx(sandbox.current, {
			continueOnFail: true,
			items: [{ json: { id: '' } }, { json: { id: 'session-42' } }, { json: { id: '../contacts' } }],
			parameters: { resource: 'redaction', operation: 'redactSession', sessionId: '={{ $json.id }}' },
		});
		expect(errorsOf(items)).toEqual([
			'Session ID must be a UUID, got ""',
			'Session ID must be a UUID, got "session-42"',
			'Session ID must be a UUID, got "../contacts"',
		]);
		expect(openCxRequests(sandbox.current)).toEqual([]);
	});
});
