import { DEMO, jsonOf, onlyRequest, runOsvi, seedSession, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Support → Tell', () => {
	test('gives the agent guidance and returns the reply it sends the customer', async () => {
		const session = seedSession(sandbox.current);

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'support', operation: 'tell', sessionId: session.id, message: 'Offer a 10% discount' },
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({
			method: 'POST',
			path: `/v1/chat/session/${session.id}/support`,
			body: { command: 'tell', message: 'Offer a 10% discount' },
		});
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(jsonOf(items)).toEqual([
			{ state: 'ok', session_id: session.id, command: 'tell', reply: expect.stringContaining('Offer a 10% discount') },
		]);
	});

	test('during a takeover fails with the engine’s reason and what to do', async () => {
		const session = seedSession(sandbox.current);
		session.mode = 'support';

		const { items, error } = await runOsvi(sandbox.current, {
			parameters: { resource: 'support', operation: 'tell', sessionId: session.id, message: 'Offer a discount' },
		});

		expect(items).toEqual([]);
		expect(onlyRequest(sandbox.current).status).toBe(502);
		expect(error?.message).toBe(
			'OSVI does not allow Tell while an operator has taken over the session (tell_not_allowed_during_takeover). Send an operator message instead, or hand the session back to AI first.',
		);
		// The engine call that failed stays in the details for whoever debugs it.
		expect((error as { description?: string }).description).toBe(
			`Python engine returned 422 for POST /v1/chat/session/${session.id}/support Not retried: OSVI turned it down, so nothing was sent.`,
		);
	});
});
