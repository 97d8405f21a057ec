import { anyContact, jsonOf, onlyRequest, runOpenCx, useSandbox } from '../helpers';

describe('open.cx Session › Contact › Update', () => {
	const sandbox = useSandbox();

	test('update sends only the fields given and says which contact changed', async () => {
		const contact = anyContact(sandbox.current);
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'contact',
				operation: 'update',
				contactId: contact.id,
				updateFields: { phone: '+15559990000', customData: '{"plan":"enterprise"}' },
			},
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe(`/contacts/${contact.id}`);
		expect(request.body).toEqual({ contact: { phone: '+15559990000', custom_data: { plan: 'enterprise' } } });
		expect(jsonOf(items)).toEqual([{ success: true, id: contact.id }]);
		expect(contact.phone_number).toBe('+15559990000');
		expect(contact.custom_data.plan).toBe('enterprise');
	});
});
