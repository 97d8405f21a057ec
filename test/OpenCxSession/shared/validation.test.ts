import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { anyContact, errorsOf, newSession, openCxRequests, runOpenCx, useSandbox, type Sandbox } from '../helpers';

interface BadInput {
	name: string;
	parameters: (sandbox: Sandbox) => INodeParameters;
	items?: INodeExecutionData[];
	message: string | RegExp;
}

const SESSION = (sandbox: Sandbox) => newSession(sandbox).id;
const send = (sandbox: Sandbox, extra: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	sessionId: SESSION(sandbox),
	text: 'hello',
	...extra,
});

const cases: BadInput[] = [
	{
		name: 'a session id that is not a UUID',
		parameters: () => ({ resource: 'session', operation: 'get', sessionId: '12345' }),
		message: 'Session ID must be a UUID, got "12345"',
	},
	{
		name: 'a session id with a path in it',
		parameters: () => ({ resource: 'message', operation: 'getHistory', sessionId: '../contacts', returnAll: true }),
		message: 'Session ID must be a UUID, got "../contacts"',
	},
	{
		name: 'a UUID of a version the API rejects',
		parameters: () => ({ resource: 'session', operation: 'get', sessionId: '3c90c3cc-0d44-9b50-8888-8dd25736052a' }),
		message: /Session ID must be a UUID/,
	},
	{
		name: 'a contact id that is not a UUID (update)',
		parameters: () => ({ resource: 'contact', operation: 'update', contactId: 'bob', updateFields: { name: 'Bob' } }),
		message: 'Contact ID must be a UUID, got "bob"',
	},
	{
		name: 'a contact id an expression left empty (delete)',
		parameters: () => ({ resource: 'contact', operation: 'delete', contactId: '={{ $json.missing ?? "" }}' }),
		message: 'Contact ID must be a UUID, got ""',
	},
	{
		name: 'a contact id that is not a UUID (create session by id)',
		parameters: () => ({ resource: 'session', operation: 'create', contactMode: 'id', contactId: 'abc' }),
		message: 'Contact ID must be a UUID, got "abc"',
	},
	{
		name: 'a contact id that is not a UUID (search)',
		parameters: () => ({ resource: 'session', operation: 'search', query: 'x', options: { contactId: 'abc' } }),
		message: 'Contact ID must be a UUID, got "abc"',
	},
	{
		name: 'a nested object in session custom data (create)',
		parameters: () => ({
			resource: 'session',
			operation: 'create',
			contactMode: 'none',
			additionalFields: { customData: '{"order_id": "ord_1", "address": {"city": "Oslo"}}' },
		}),
		message: 'Session Custom Data key "address" must be a string, number or boolean, got a nested object',
	},
	{
		name: 'an array in session custom data (send)',
		parameters: (sandbox) => send(sandbox, { additionalFields: { customData: '{"tags": ["a", "b"]}' } }),
		message: 'Session Custom Data key "tags" must be a string, number or boolean, got array',
	},
	{
		name: 'a null in session custom data',
		parameters: (sandbox) => send(sandbox, { additionalFields: { customData: '={{ { "step": null } }}' } }),
		message: 'Session Custom Data key "step" must be a string, number or boolean, got null',
	},
	{
		name: 'session custom data that is not JSON',
		parameters: (sandbox) => send(sandbox, { additionalFields: { customData: '{order_id: 1}' } }),
		message: /Session Custom Data must be a JSON object/,
	},
	{
		name: 'session custom data that is an array',
		parameters: (sandbox) => send(sandbox, { additionalFields: { customData: '[1, 2]' } }),
		message: 'Session Custom Data must be a JSON object, got an array',
	},
	{
		name: 'a number in contact custom data (send)',
		parameters: (sandbox) => send(sandbox, { contact: { customData: '{"plan": "pro", "seats": 5}' } }),
		message: 'Contact Custom Data key "seats" must be a string, got number',
	},
	{
		name: 'a boolean in contact custom data (create contact)',
		parameters: () => ({ resource: 'contact', operation: 'create', contact: { name: 'A', customData: '{"vip": true}' } }),
		message: 'Contact Custom Data key "vip" must be a string, got boolean',
	},
	{
		name: 'a nested object in contact custom data (create session)',
		parameters: () => ({
			resource: 'session',
			operation: 'create',
			contact: { email: 'a@example.com', customData: '{"prefs": {"lang": "en"}}' },
		}),
		message: 'Contact Custom Data key "prefs" must be a string, got a nested object',
	},
	{
		name: 'an email that is not an email',
		parameters: () => ({ resource: 'contact', operation: 'create', contact: { email: 'not-an-email' } }),
		message: 'Email must be an email address, got "not-an-email"',
	},
	{
		name: 'a date filter that is not a date',
		parameters: () => ({ resource: 'session', operation: 'getAll', limit: 5, filters: { createdAfter: 'yesterday-ish' } }),
		message: /Created After must be a date/,
	},
	{
		name: 'an empty search query',
		parameters: () => ({ resource: 'session', operation: 'search', query: '  ' }),
		message: 'Query must not be empty',
	},
	{
		name: 'filters that are not JSON',
		parameters: () => ({ resource: 'session', operation: 'filter', limit: 5, filters: 'status=open' }),
		message: /Filters must be a JSON object/,
	},
	{
		name: 'a message with neither text nor attachments',
		parameters: (sandbox) => send(sandbox, { text: ' ' }),
		message: 'Text must not be empty when the message has no attachments',
	},
	{
		name: 'an attachment from a binary field the item does not have',
		parameters: (sandbox) =>
			send(sandbox, { attachments: { attachment: [{ source: 'binary', binaryPropertyName: 'invoice' }] } }),
		message: /binary file 'invoice'/,
	},
	{
		name: 'an attachment URL that is not http(s)',
		parameters: (sandbox) =>
			send(sandbox, { attachments: { attachment: [{ source: 'url', url: 'file:///etc/passwd', mimeType: 'text/plain' }] } }),
		message: 'Attachment 1 needs an http(s) URL, got "file:///etc/passwd"',
	},
	{
		name: 'an attachment URL without a MIME type',
		parameters: (sandbox) =>
			send(sandbox, { attachments: { attachment: [{ source: 'url', url: 'https://example.com/a.pdf' }] } }),
		message: 'Attachment 1 needs a MIME Type, e.g. application/pdf',
	},
	{
		name: 'an agent id that is not a positive whole number',
		parameters: (sandbox) => send(sandbox, { sender: 'agent', agentId: 0 }),
		message: 'Agent ID must be a whole number above 0, got 0',
	},
	{
		// Left empty in the editor, n8n itself refuses to run the node; an expression can still be empty.
		name: 'an agent id that an expression leaves empty',
		parameters: (sandbox) => send(sandbox, { sender: 'agent', agentId: '={{ $json.agentId }}' }),
		message: 'Agent ID is required when sending as a human agent',
	},
	{
		name: 'an agent id that is not a number',
		parameters: (sandbox) => send(sandbox, { sender: 'agent', agentId: 'sam' }),
		message: 'Agent ID must be a whole number above 0, got "sam"',
	},
	{
		name: 'an agent id with a fraction',
		parameters: (sandbox) => send(sandbox, { sender: 'agent', agentId: '4.5' }),
		message: 'Agent ID must be a whole number above 0, got "4.5"',
	},
	{
		name: 'a contact create with no details',
		parameters: () => ({ resource: 'contact', operation: 'create', contact: { customData: '{}' } }),
		message: 'Add at least one field under Contact Details',
	},
	{
		name: 'a contact update with nothing to change',
		parameters: (sandbox) => ({ resource: 'contact', operation: 'update', contactId: anyContact(sandbox).id, updateFields: {} }),
		message: 'Add at least one field under Update Fields',
	},
];

describe('open.cx Session › bad input fails before any request', () => {
	const sandbox = useSandbox();

	test.each(cases)('$name', async ({ parameters, items, message }) => {
		const { error } = await runOpenCx(sandbox.current, { parameters: parameters(sandbox.current), items });
		if (typeof message === 'string') expect(error?.message).toBe(message);
		else expect(error?.message).toMatch(message);
		expect(openCxRequests(sandbox.current)).toHaveLength(0);
	});

	test('with Continue On Fail, only the bad item fails and the good ones are sent', async () => {
		const session = newSession(sandbox.current);
		const { items, error } = await runOpenCx(sandbox.current, {
			continueOnFail: true,
			items: [{ json: { data: '{"step": 1}' } }, { json: { data: '{"step": {"n": 2}}' } }, { json: { data: '{"step": 3}' } }],
			parameters: {
				resource: 'message',
				operation: 'send',
				sessionId: session.id,
				text: 'hi',
				additionalFields: { customData: '={{ $json.data }}' },
			},
		});
		expect(error).toBeUndefined();
		expect(errorsOf(items)).toEqual([
			undefined,
			'Session Custom Data key "step" must be a string, number or boolean, got a nested object',
			undefined,
		]);
		const sent = openCxRequests(sandbox.current).map((r) => (r.body as { custom_data: unknown }).custom_data);
		expect(sent).toEqual(expect.arrayContaining([{ step: 1 }, { step: 3 }]));
		expect(sent).toHaveLength(2);
	});
});
