import { anyContact, BEARER, jsonOf, onlyRequest, runOpenCx, UUID, useSandbox } from '../helpers';

describe('open.cx Session › Session › Create', () => {
	const sandbox = useSandbox();

	test('create with inline contact details sends them with session custom data and returns the new id', async () => {
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'session',
				operation: 'create',
				contactMode: 'details',
				contact: { name: 'Nora Quinn', email: 'nora@example.com', phone: '+15557654321', customData: '{"plan":"pro"}' },
				channel: 'web',
				additionalFields: { customData: '{"order_id":"ord_123","cart_value":149.99,"vip":true}', verified: true },
			},
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/chat/sessions');
		expect(request.headers.authorization).toBe(BEARER);
		expect(request.body).toEqual({
			contact: { name: 'Nora Quinn', email: 'nora@example.com', phone_number: '+15557654321', custom_data: { plan: 'pro' } },
			channel: { type: 'web' },
			custom_data: { order_id: 'ord_123', cart_value: 149.99, vip: true },
			verified: true,
		});
		expect(jsonOf(items)).toEqual([{ id: expect.stringMatching(UUID) }]);
		const session = sandbox.current.opencx.sessions.get(items[0].json.id as string);
		expect(session?.custom_data).toEqual({ order_id: 'ord_123', cart_value: 149.99, vip: true });
		expect(sandbox.current.opencx.contacts.get(session?.contactId as string)?.custom_data).toEqual({ plan: 'pro' });
	});

	test('create by contact id links the existing contact and sends no contact details', async () => {
		const contact = anyContact(sandbox.current);
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'session',
				operation: 'create',
				contactMode: 'id',
				contactId: contact.id,
				contact: { name: 'ignored because the mode is By ID' },
			},
		});
		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current).body).toEqual({ contact_id: contact.id, channel: { type: 'api' } });
		expect(sandbox.current.opencx.sessions.get(items[0].json.id as string)?.contactId).toBe(contact.id);
	});

	test('create without a contact sends only the channel', async () => {
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'session', operation: 'create', contactMode: 'none' },
		});
		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current).body).toEqual({ channel: { type: 'api' } });
		expect(sandbox.current.opencx.sessions.get(items[0].json.id as string)?.contactId).toBeNull();
	});

	test('one session is created per input item, with values from each item', async () => {
		const { items, error } = await runOpenCx(sandbox.current, {
			items: [{ json: { email: 'one@example.com' } }, { json: { email: 'two@example.com' } }],
			parameters: {
				resource: 'session',
				operation: 'create',
				contactMode: 'details',
				contact: { email: '={{ $json.email }}' },
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		const emails = sandbox.current.requestsTo('opencx', 'POST').map((r) => (r.body as { contact: { email: string } }).contact.email);
		expect(emails.sort()).toEqual(['one@example.com', 'two@example.com']);
	});
});
