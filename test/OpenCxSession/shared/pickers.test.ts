// Every session and contact id of open.cx Session is a picker (resource locator); ids saved before
// the pickers existed (plain strings) keep working.
import { NodeHelpers, type INode, type INodeProperties } from 'n8n-workflow';

import { nodeFor } from '../../harness';
import { onlyRequest, openCxSession, runOpenCx, useSandbox } from '../helpers';

const sandbox = useSandbox();
const properties = openCxSession.description.properties;

/** Every property named like an open.cx id, collection options included. */
function idProperties(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((p) => [
		...(['sessionId', 'contactId'].includes(p.name) ? [p] : []),
		...(p.type === 'collection' ? idProperties((p.options ?? []) as INodeProperties[]) : []),
	]);
}

test('every Session ID and Contact ID is a picker: From List (searchable), By ID (checked), and expressions', () => {
	const ids = idProperties(properties);
	// One Session ID entry for every operation that names a session; Contact ID in the URL, linked to a new session, and in Search's options.
	expect(ids.map((p) => p.name).sort()).toEqual(['contactId', 'contactId', 'contactId', 'sessionId']);
	expect(ids.find((p) => p.name === 'sessionId')?.displayOptions?.show).toMatchObject({
		resource: expect.arrayContaining(['session', 'message', 'redaction']),
		operation: expect.arrayContaining(['get', 'updateStatus', 'send', 'getHistory', 'redactSession']),
	});
	for (const property of ids) {
		expect(property.type).toBe('resourceLocator');
		const [list, byId] = property.modes ?? [];
		const search = property.name === 'sessionId' ? 'searchSessions' : 'searchContacts';
		expect(list).toMatchObject({ name: 'list', type: 'list', typeOptions: { searchListMethod: search, searchable: true } });
		expect(byId).toMatchObject({ name: 'id', type: 'string' });
		expect(openCxSession.methods?.listSearch?.[search]).toBeInstanceOf(Function);
	}
});

test('By ID is checked as n8n checks it in the editor: a UUID passes, anything else names the problem', () => {
	const issuesFor = (value: string) => {
		const node: INode = nodeFor({
			node: openCxSession,
			parameters: { resource: 'session', operation: 'get', sessionId: { __rl: true, mode: 'id', value } },
		});
		return NodeHelpers.getNodeParametersIssues(properties, node, openCxSession.description)?.parameters?.sessionId;
	};
	expect(issuesFor('3c90c3cc-0d44-4b50-8888-8dd25736052a')).toBeUndefined();
	expect(issuesFor('session-42')).toEqual([
		'Not an open.cx ID. open.cx ids look like 3c90c3cc-0d44-4b50-8888-8dd25736052a.',
	]);
});

describe('one session, given four ways, gives the same request', () => {
	const ways = (id: string): Array<[string, unknown]> => [
		['a plain id saved before the picker existed', id],
		['an expression saved before the picker existed', '={{ $json.id }}'],
		['picked from the list', { __rl: true, mode: 'list', value: id, cachedResultName: '#1001 · Alice' }],
		['By ID, by expression', { __rl: true, mode: 'id', value: '={{ $json.id }}' }],
	];
	test.each([0, 1, 2, 3])('way %i', async (index) => {
		const session = sandbox.current.opencx.createSession({ channel: 'api' });
		const [, sessionId] = ways(session.id)[index];
		const { items, error } = await runOpenCx(sandbox.current, {
			items: [{ json: { id: session.id } }],
			parameters: { resource: 'session', operation: 'updateStatus', sessionId: sessionId as never, status: 'closed_resolved' },
		});
		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current).path).toBe(`/chat/sessions/${session.id}`);
		expect(items[0].json).toMatchObject({ success: true, id: session.id, status: 'closed_resolved' });
	});
});

test('a contact picked inside a collection (Session → Search options) reaches the query', async () => {
	const alice = [...sandbox.current.opencx.contacts.values()].find((c) => c.name === 'Alice Martin')!;
	const { error } = await runOpenCx(sandbox.current, {
		parameters: {
			resource: 'session',
			operation: 'search',
			query: 'order',
			options: { contactId: { __rl: true, mode: 'list', value: alice.id } },
		},
	});
	expect(error).toBeUndefined();
	expect(onlyRequest(sandbox.current).query).toEqual({ q: 'order', contact_id: alice.id });
});

test('a malformed id typed By ID stops n8n from running the node; one from an expression fails the item naming the field', async () => {
	await expect(
		runOpenCx(sandbox.current, {
			parameters: { resource: 'contact', operation: 'delete', contactId: { __rl: true, mode: 'id', value: 'alice' } },
		}),
	).rejects.toThrow('Not an open.cx ID. open.cx ids look like 3c90c3cc-0d44-4b50-8888-8dd25736052a.');

	const computed = await runOpenCx(sandbox.current, {
		items: [{ json: { id: 'alice' } }],
		parameters: { resource: 'contact', operation: 'delete', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
	});
	expect(computed.error?.message).toBe('Contact ID must be a UUID, got "alice"');
	expect(sandbox.current.requests).toEqual([]);
});
