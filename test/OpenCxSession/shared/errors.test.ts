import type { NodeApiError } from 'n8n-workflow';

import { anyContact, DEMO, errorsOf, newSession, openCxRequests, runOpenCx, useSandbox } from '../helpers';

const UNKNOWN_ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

describe('open.cx Session › API errors', () => {
	const sandbox = useSandbox();

	const getSession = (sessionId: string, apiKey?: string) =>
		runOpenCx(sandbox.current, { parameters: { resource: 'session', operation: 'get', sessionId }, apiKey });

	test('400 with a string message carries the API message', async () => {
		const session = newSession(sandbox.current);
		sandbox.current.addFault({
			api: 'opencx',
			kind: 'status',
			status: 400,
			body: { statusCode: 400, message: 'session is archived', error: 'Bad Request' },
		});
		const { error } = await getSession(session.id);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('open.cx rejected the request (400): session is archived');
		expect((error as NodeApiError).httpCode).toBe('400');
	});

	test('400 with an array of validation messages lists them all', async () => {
		const session = newSession(sandbox.current);
		sandbox.current.addFault({
			api: 'opencx',
			kind: 'status',
			status: 400,
			body: {
				statusCode: 400,
				message: ['custom_data.order must be a string, number or boolean', 'contact.email must be an email'],
				error: 'Bad Request',
			},
		});
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'message', operation: 'send', sessionId: session.id, text: 'hi' },
		});
		expect(error?.message).toBe(
			'open.cx rejected the request (400): custom_data.order must be a string, number or boolean; contact.email must be an email',
		);
	});

	test('401 says the API key was rejected, without showing the key', async () => {
		const session = newSession(sandbox.current);
		const { error } = await getSession(session.id, 'ocx_live_wrong_key_123');
		expect(error?.message).toBe('The open.cx API key was rejected (401): Unauthorized');
		expect((error as NodeApiError).description).toMatch(/Check the API key/);
		expect(JSON.stringify(error)).not.toContain('ocx_live_wrong_key_123');
		expect(openCxRequests(sandbox.current)[0].status).toBe(401);
	});

	test('403 on contacts names the contacts scope family and the missing scope', async () => {
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'contact', operation: 'getAll', limit: 5 },
			apiKey: DEMO.opencxSessionsOnlyKey,
		});
		expect(error?.message).toBe('The open.cx API key lacks the contacts scope (403): Missing scope: contacts:read');
		expect((error as NodeApiError).description).toMatch(/contacts:read and contacts:write scopes, or full access/);
	});

	test('403 on a session write names the chat-sessions family', async () => {
		const session = newSession(sandbox.current);
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'updateStatus', sessionId: session.id, status: 'closed_resolved' },
			apiKey: DEMO.opencxReadOnlyKey,
		});
		expect(error?.message).toBe(
			'The open.cx API key lacks the chat-sessions scope (403): Missing scope: chat-sessions:write',
		);
	});

	test('404 on an unknown session says which thing was not found', async () => {
		const { error } = await getSession(UNKNOWN_ID);
		expect(error?.message).toBe('The open.cx session was not found (404): Chat session not found');
		expect((error as NodeApiError).httpCode).toBe('404');
	});

	test('404 on an unknown contact says contact', async () => {
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'contact', operation: 'delete', contactId: UNKNOWN_ID },
		});
		expect(error?.message).toBe('The open.cx contact was not found (404): Contact not found');
	});

	test('429 asking for a longer wait than Max Wait says the rate limit was reached and when to retry', async () => {
		const session = newSession(sandbox.current);
		sandbox.current.addFault({ api: 'opencx', kind: 'status', status: 429, headers: { 'Retry-After': '30' } });
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'get', sessionId: session.id, retryAndRateLimit: { maxWait: 10 } },
		});
		expect(error?.message).toBe('open.cx rate limit reached (429): Too Many Requests');
		expect((error as NodeApiError).description).toBe(
			'open.cx allows 100 requests per minute; space requests out with Retry and Rate Limit → Requests per Minute. Not retried: open.cx asked to wait 30 s, longer than Retry and Rate Limit → Max Wait per Retry. It only reads, so running it again is safe; run it again after that wait, or raise Max Wait per Retry.',
		);
		expect(openCxRequests(sandbox.current)).toHaveLength(1);
	});

	test('500 says open.cx failed, with its message', async () => {
		const session = newSession(sandbox.current);
		sandbox.current.addFault({ api: 'opencx', kind: 'status', status: 500 });
		const { error } = await getSession(session.id);
		expect(error?.message).toBe('open.cx failed to process the request (500): Internal Server Error');
		expect((error as NodeApiError).httpCode).toBe('500');
	});

	test('a failure while polling for the AI reply goes through the same error path', async () => {
		sandbox.current.opencx.aiReplies = false;
		const session = newSession(sandbox.current);
		sandbox.current.addFault({ api: 'opencx', method: 'GET', kind: 'status', status: 503 });
		const { error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'message',
				operation: 'send',
				sessionId: session.id,
				text: 'hello',
				options: { waitForAiReply: true, replyTimeout: 1, pollInterval: 10 },
				retryAndRateLimit: { maxWait: 0.01 },
			},
		});
		expect(error?.message).toBe('open.cx failed to process the request (503): Service Unavailable');
		// The history poll was retried; the message itself was sent once.
		expect(openCxRequests(sandbox.current).map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET', 'GET']);
	});

	test('with Continue On Fail, a failed item comes back as an error item in its place and the rest still run', async () => {
		const [first, third] = [newSession(sandbox.current), newSession(sandbox.current)];
		const { items, error } = await runOpenCx(sandbox.current, {
			continueOnFail: true,
			items: [{ json: { id: first.id } }, { json: { id: UNKNOWN_ID } }, { json: { id: 'not-a-uuid' } }, { json: { id: third.id } }],
			parameters: { resource: 'session', operation: 'get', sessionId: '={{ $json.id }}' },
		});
		expect(error).toBeUndefined();
		expect(errorsOf(items)).toEqual([
			undefined,
			'The open.cx session was not found (404): Chat session not found',
			'Session ID must be a UUID, got "not-a-uuid"',
			undefined,
		]);
		expect(items[0].json.id).toBe(first.id);
		expect(items[3].json.id).toBe(third.id);
		// The invalid id never reached the API; the other three did.
		expect(openCxRequests(sandbox.current)).toHaveLength(3);
	});

	test('without Continue On Fail, the first failure stops the node with that error', async () => {
		const contact = anyContact(sandbox.current);
		const { error, items } = await runOpenCx(sandbox.current, {
			items: [{ json: { id: UNKNOWN_ID } }, { json: { id: contact.id } }],
			parameters: { resource: 'contact', operation: 'delete', contactId: '={{ $json.id }}' },
		});
		expect(error?.message).toBe('The open.cx contact was not found (404): Contact not found');
		expect(items).toEqual([]);
	});
});
