import { anyContact, jsonOf, onlyRequest, runOpenCx, useSandbox } from '../helpers';

describe('open.cx Session › Contact › Delete', () => {
	const sandbox = useSandbox();

	test('delete removes the contact and says so', async () => {
		const contact = anyContact(sandbox.current);
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'contact', operation: 'delete', contactId: contact.id },
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('DELETE');
		expect(request.path).toBe(`/contacts/${contact.id}`);
		expect(request.body).toBeUndefined();
		expect(jsonOf(items)).toEqual([{ success: true, id: contact.id, deleted: true }]);
		expect(sandbox.current.opencx.contacts.has(contact.id)).toBe(false);
	});
});
