import { anyContact, jsonOf, onlyRequest, runOpenCx, useSandbox } from '../helpers';

describe('open.cx Session › Session › Search', () => {
	const sandbox = useSandbox();

	test('search sends q and returns the matching contacts and messages', async () => {
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'search', query: 'alice' },
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/chat/sessions/search');
		expect(request.query).toEqual({ q: 'alice' });
		expect(jsonOf(items)).toEqual([
			{
				contacts: [expect.objectContaining({ name: 'Alice Martin', email: 'alice@example.com' })],
				messages: [],
			},
		]);
	});

	test('search limited to a contact sends contact_id', async () => {
		const contact = anyContact(sandbox.current);
		const { items } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'search', query: 'order', options: { contactId: contact.id } },
		});
		expect(onlyRequest(sandbox.current).query).toEqual({ q: 'order', contact_id: contact.id });
		const messages = items[0].json.messages as Array<{ session_id: string; message: string }>;
		expect(messages.map((m) => m.message)).toContain('Where is my order #1234?');
		const sessionsOf = (id: string) => sandbox.current.opencx.sessions.get(id)?.contactId;
		expect(messages.every((m) => sessionsOf(m.session_id) === contact.id)).toBe(true);
	});
});
