// Bad input, swept over every operation: wrong types, empty strings, 1 MB of content, unicode, and
// path-breaking strings in ids. Each case ends in a clear error or a correct request, never a
// crash, and no request ever leaves the operation's documented route.
import type { INodeParameters } from 'n8n-workflow';

import { agentById, DEMO, runOpenCx, runOsvi, useSandbox, type RecordedRequest, type Sandbox } from './helpers';

const sandbox = useSandbox();

const MEGABYTE = 'x'.repeat(1024 * 1024);
const UNICODE = 'Grüße 👋🏽 مرحبا 中文 \u202Eevil\u202C e\u0301';

/** Values every field gets; ids get the path-breaking ones too. */
const WRONG_TYPES: Record<string, unknown> = {
	'a number': 42,
	'a boolean': true,
	'an object': { a: 1 },
	'an array': ['a', 'b'],
	'null': null,
	'an empty string': '',
	'only spaces': '   ',
	'1 MB of text': MEGABYTE,
	'unicode': UNICODE,
};
const PATH_BREAKERS: Record<string, unknown> = {
	'a parent path': '../../v1/active_agents',
	'a query string': 'abc?admin=1',
	'a fragment': 'abc#frag',
	'an encoded slash': 'abc%2F..%2Fcontacts',
	'spaces': 'a b c',
	'a slash': 'abc/def',
};

type Kind = 'id' | 'text';

interface Field {
	/** Parameter path; "agent" is the resource locator. */
	name: string;
	kind: Kind;
	/** Where a text field goes on the wire ("body.content", "query.q"), checked when a case is sent. */
	wire?: string;
}

interface Operation {
	node: 'OSVI Chat' | 'open.cx Session';
	name: string;
	/** `METHOD /path`, ids written as :id. */
	routes: string[];
	parameters: (sandbox: Sandbox) => INodeParameters;
	fields: Field[];
}

const id: Kind = 'id';
const text: Kind = 'text';

const osviSession = (sb: Sandbox) => sb.osvi.createSession(DEMO.agents.support, '+15551112222', {}, []).id;
const agent = agentById(DEMO.agents.support);
const support = (command: string, withMessage: boolean): Operation => ({
	node: 'OSVI Chat',
	name: `support.${command}`,
	routes: ['POST /v1/chat/session/:id/support'],
	parameters: (sb) => ({
		resource: 'support',
		operation: command,
		sessionId: osviSession(sb),
		...(withMessage ? { message: 'Operator note' } : {}),
	}),
	fields: [{ name: 'sessionId', kind: id }, ...(withMessage ? [{ name: 'message', kind: text, wire: 'body.message' }] : [])],
});

const opencxSession = (sb: Sandbox) => sb.opencx.createSession({ channel: 'api' }).id;
const opencxContact = (sb: Sandbox) => [...sb.opencx.contacts.values()][0].id;

const operations: Operation[] = [
	{
		node: 'OSVI Chat',
		name: 'session.create',
		routes: ['POST /v1/chat/session'],
		parameters: () => ({ resource: 'session', operation: 'create', agent, customerId: '+15551112222' }),
		fields: [
			{ name: 'agent', kind: id },
			{ name: 'customerId', kind: text, wire: 'body.customer_id' },
			{ name: 'inputFieldsJson', kind: text },
		],
	},
	{
		node: 'OSVI Chat',
		name: 'session.getActive',
		routes: ['GET /v1/chat/session/active'],
		parameters: (sb) => (osviSession(sb), { resource: 'session', operation: 'getActive', customerId: '+15551112222', agent }),
		fields: [
			{ name: 'customerId', kind: text, wire: 'query.customer_id' },
			{ name: 'agent', kind: id },
		],
	},
	{
		node: 'OSVI Chat',
		name: 'session.injectContext',
		routes: ['POST /v1/chat/session/:id/inject_context'],
		parameters: (sb) => ({ resource: 'session', operation: 'injectContext', sessionId: osviSession(sb), context: 'Called yesterday' }),
		fields: [
			{ name: 'sessionId', kind: id },
			{ name: 'context', kind: text, wire: 'body.context' },
		],
	},
	{
		node: 'OSVI Chat',
		name: 'session.close',
		routes: ['POST /v1/chat/session/:id/support'],
		parameters: (sb) => ({ resource: 'session', operation: 'close', sessionId: osviSession(sb) }),
		fields: [{ name: 'sessionId', kind: id }],
	},
	{
		node: 'OSVI Chat',
		name: 'message.send',
		routes: ['POST /v1/chat/inbound'],
		parameters: () => ({ resource: 'message', operation: 'send', agent, customerId: '+15551112222', content: 'Hello' }),
		fields: [
			{ name: 'agent', kind: id },
			{ name: 'customerId', kind: text, wire: 'body.customer_id' },
			{ name: 'content', kind: text, wire: 'body.content' },
			{ name: 'sessionId', kind: id },
		],
	},
	support('takeover', true),
	support('tell', true),
	support('whisper', true),
	support('sendMessage', true),
	support('end', false),
	{
		node: 'OSVI Chat',
		name: 'agent.getAll',
		routes: ['GET /v1/active_agents'],
		parameters: () => ({ resource: 'agent', operation: 'getAll', returnAll: false, limit: 1 }),
		fields: [{ name: 'limit', kind: text }],
	},
	{
		node: 'OSVI Chat',
		name: 'legacy.startSession',
		routes: ['POST /chat_sessions'],
		parameters: () => ({ resource: 'legacy', operation: 'startSession', agent }),
		fields: [
			{ name: 'agent', kind: id },
			{ name: 'metadataJson', kind: text },
		],
	},
	{
		node: 'OSVI Chat',
		name: 'legacy.sendMessage',
		routes: ['POST /chat_messages/send_message'],
		parameters: (sb) => ({
			resource: 'legacy',
			operation: 'sendMessage',
			agent,
			sessionId: sb.osvi.newId(),
			message: 'Hello',
		}),
		fields: [
			{ name: 'agent', kind: id },
			{ name: 'sessionId', kind: id },
			{ name: 'message', kind: text, wire: 'body.message' },
		],
	},
	{
		node: 'OSVI Chat',
		name: 'legacy.closeSession',
		routes: ['POST /chat_sessions/:id/close_session'],
		parameters: (sb) => ({ resource: 'legacy', operation: 'closeSession', agent, sessionId: sb.osvi.newId() }),
		fields: [
			{ name: 'agent', kind: id },
			{ name: 'sessionId', kind: id },
		],
	},
	{
		node: 'open.cx Session',
		name: 'session.create',
		routes: ['POST /chat/sessions'],
		parameters: () => ({ resource: 'session', operation: 'create', contactMode: 'details', contact: { name: 'Ada' } }),
		fields: [
			{ name: 'contact.name', kind: text, wire: 'body.contact.name' },
			{ name: 'contact.email', kind: text },
			{ name: 'contact.phone', kind: text, wire: 'body.contact.phone_number' },
			{ name: 'additionalFields.customData', kind: text },
		],
	},
	{
		node: 'open.cx Session',
		name: 'session.create (by contact ID)',
		routes: ['POST /chat/sessions'],
		parameters: (sb) => ({ resource: 'session', operation: 'create', contactMode: 'id', contactId: opencxContact(sb) }),
		fields: [{ name: 'contactId', kind: id }],
	},
	{
		node: 'open.cx Session',
		name: 'session.filter',
		routes: ['POST /chat/sessions/filter'],
		parameters: () => ({ resource: 'session', operation: 'filter', limit: 2, filters: '{}' }),
		fields: [
			{ name: 'filters', kind: text },
			{ name: 'limit', kind: text },
		],
	},
	{
		node: 'open.cx Session',
		name: 'session.get',
		routes: ['GET /chat/sessions/:id'],
		parameters: (sb) => ({ resource: 'session', operation: 'get', sessionId: opencxSession(sb) }),
		fields: [{ name: 'sessionId', kind: id }],
	},
	{
		node: 'open.cx Session',
		name: 'session.getAll',
		routes: ['GET /chat/sessions'],
		parameters: () => ({ resource: 'session', operation: 'getAll', limit: 2, filters: { createdAfter: '2020-01-01T00:00:00Z' } }),
		fields: [
			{ name: 'filters.createdAfter', kind: text },
			{ name: 'limit', kind: text },
		],
	},
	{
		node: 'open.cx Session',
		name: 'session.search',
		routes: ['GET /chat/sessions/search'],
		parameters: () => ({ resource: 'session', operation: 'search', query: 'alice' }),
		fields: [
			{ name: 'query', kind: text, wire: 'query.q' },
			{ name: 'options.contactId', kind: id },
		],
	},
	{
		node: 'open.cx Session',
		name: 'session.updateStatus',
		routes: ['PATCH /chat/sessions/:id'],
		parameters: (sb) => ({ resource: 'session', operation: 'updateStatus', sessionId: opencxSession(sb), status: 'closed_resolved' }),
		fields: [
			{ name: 'sessionId', kind: id },
			{ name: 'status', kind: text },
		],
	},
	{
		node: 'open.cx Session',
		name: 'message.send',
		routes: ['POST /chat/sessions/:id/send', 'GET /chat/sessions/:id/history'],
		parameters: (sb) => ({
			resource: 'message',
			operation: 'send',
			sessionId: opencxSession(sb),
			text: 'Hello',
			options: { waitForAiReply: false },
		}),
		fields: [
			{ name: 'sessionId', kind: id },
			{ name: 'text', kind: text, wire: 'body.message.text' },
			{ name: 'additionalFields.customData', kind: text },
		],
	},
	{
		node: 'open.cx Session',
		name: 'message.send (as a human agent)',
		routes: ['POST /chat/sessions/:id/send'],
		parameters: (sb) => ({
			resource: 'message',
			operation: 'send',
			sessionId: opencxSession(sb),
			sender: 'agent',
			agentId: 7,
			agentName: 'Sam',
			text: 'Hello',
		}),
		fields: [
			{ name: 'agentId', kind: text },
			{ name: 'agentName', kind: text, wire: 'body.agent.name' },
		],
	},
	{
		node: 'open.cx Session',
		name: 'message.getHistory',
		routes: ['GET /chat/sessions/:id/history'],
		parameters: (sb) => ({ resource: 'message', operation: 'getHistory', sessionId: opencxSession(sb), limit: 5 }),
		fields: [
			{ name: 'sessionId', kind: id },
			{ name: 'limit', kind: text },
		],
	},
	{
		node: 'open.cx Session',
		name: 'contact.create',
		routes: ['POST /contacts'],
		parameters: () => ({ resource: 'contact', operation: 'create', contact: { name: 'Ada' } }),
		fields: [
			{ name: 'contact.name', kind: text, wire: 'body.contact.name' },
			{ name: 'contact.customData', kind: text },
		],
	},
	{
		node: 'open.cx Session',
		name: 'contact.update',
		routes: ['PATCH /contacts/:id'],
		parameters: (sb) => ({ resource: 'contact', operation: 'update', contactId: opencxContact(sb), updateFields: { name: 'Ada' } }),
		fields: [
			{ name: 'contactId', kind: id },
			{ name: 'updateFields.email', kind: text },
		],
	},
	{
		node: 'open.cx Session',
		name: 'contact.delete',
		routes: ['DELETE /contacts/:id'],
		parameters: (sb) => ({ resource: 'contact', operation: 'delete', contactId: opencxContact(sb) }),
		fields: [{ name: 'contactId', kind: id }],
	},
	{
		node: 'open.cx Session',
		name: 'contact.getAll',
		routes: ['GET /contacts'],
		parameters: () => ({ resource: 'contact', operation: 'getAll', limit: 2, filters: { updatedBefore: '2030-01-01T00:00:00Z' } }),
		fields: [{ name: 'filters.updatedBefore', kind: text }],
	},
];

/** The parameters with `field` read from the item's `value` by an expression. */
function withBadField(parameters: INodeParameters, field: string): INodeParameters {
	const expression = '={{ $json.value }}';
	if (field === 'agent') return { ...parameters, agent: agentById(expression) };
	if (field.endsWith('Json')) return { ...parameters, [field]: expression, [`${field.slice(0, -4)}Mode`]: 'json' };
	const [head, tail] = field.split('.');
	if (!tail) return { ...parameters, [head]: expression };
	return { ...parameters, [head]: { ...((parameters[head] as INodeParameters) ?? {}), [tail]: expression } };
}

/** A documented route as a pattern over the raw (still encoded) path: an id is one UUID segment. */
function routePattern(route: string): RegExp {
	const [method, path] = route.split(' ');
	const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
	return new RegExp(`^${method} ${path.replace(/:id/g, uuid)}$`);
}

const onRoute = (operation: Operation) => (request: RecordedRequest) =>
	operation.routes.some((route) => routePattern(route).test(`${request.method} ${request.rawPath}`));

const cases = operations.flatMap((operation) =>
	operation.fields.flatMap((field) =>
		Object.entries(field.kind === 'id' ? { ...WRONG_TYPES, ...PATH_BREAKERS } : WRONG_TYPES).map(
			([label, value]) => [`${operation.node} ${operation.name}: ${field.name} as ${label}`, operation, field, value] as const,
		),
	),
);

// Messages of a crash, not of a check: a TypeError leaking out, or an object printed as text.
const CRASH = /Cannot read|is not a function|is not iterable|\[object Object\]|Maximum call stack/;

/** The value at "body.a.b" or "query.q" of a recorded request. */
function onWire(request: RecordedRequest, path: string): unknown {
	const [where, ...keys] = path.split('.');
	const start: unknown = where === 'query' ? request.query : request.body;
	return keys.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), start);
}

test.each(cases)('%s gives a clear error or a correct request', async (_, operation, field, value) => {
	const parameters = withBadField(operation.parameters(sandbox.current), field.name);
	const run = operation.node === 'OSVI Chat' ? runOsvi : runOpenCx;

	const { error } = await run(sandbox.current, { parameters, items: [{ json: { value } as never }] });

	const requests = sandbox.current.requests;
	expect(requests.filter((request) => !onRoute(operation)(request))).toEqual([]);
	expect(requests.map((r) => r.status)).not.toContain(500);
	if (error) {
		expect(['NodeOperationError', 'NodeApiError']).toContain(error.name);
		expect(error.message).not.toMatch(CRASH);
		expect(error.message.length).toBeLessThan(400);
	} else {
		expect(requests.length).toBeGreaterThan(0);
	}
	// Text that was sent arrives as text: numbers and booleans are converted, unicode intact.
	const sent = requests[0];
	if (sent && field.wire && ['string', 'number', 'boolean'].includes(typeof value) && String(value).trim() !== '') {
		expect(onWire(sent, field.wire)).toBe(String(value));
	}
});
