// Every operation of both nodes, with parameters that succeed against the sandbox, its documented
// routes, and the fields a bad-input sweep corrupts.
import type { INodeParameters } from 'n8n-workflow';

import { agentById, DEMO, type Sandbox } from './helpers';

export type Kind = 'id' | 'text';

export interface Field {
	/** Parameter path; "agent" is the resource locator. */
	name: string;
	kind: Kind;
	/** Where a text field goes on the wire ("body.content", "query.q"), checked when a case is sent. */
	wire?: string;
}

export interface Operation {
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

/** A session an operator has taken over: operator messages need one. */
function takenOver(sb: Sandbox): string {
	const session = sb.osvi.createSession(DEMO.agents.support, '+15551112222', {}, []);
	session.mode = 'support';
	session.activeHuman = 'agent@example.com';
	return session.id;
}

function legacySession(sb: Sandbox): string {
	const id = sb.osvi.newId();
	const startedAt = '2025-12-31T11:40:25';
	sb.osvi.legacySessions.set(id, { id, agentUuid: DEMO.agents.support, metadata: {}, startedAt, closed: false, messages: [] });
	return id;
}
const agent = agentById(DEMO.agents.support);
const support = (command: string, withMessage: boolean): Operation => ({
	node: 'OSVI Chat',
	name: `support.${command}`,
	routes: ['POST /v1/chat/session/:id/support'],
	parameters: (sb) => ({
		resource: 'support',
		operation: command,
		sessionId: command === 'sendMessage' ? takenOver(sb) : osviSession(sb),
		...(withMessage ? { message: 'Operator note' } : {}),
	}),
	fields: [{ name: 'sessionId', kind: id }, ...(withMessage ? [{ name: 'message', kind: text, wire: 'body.message' }] : [])],
});

const opencxSession = (sb: Sandbox) => sb.opencx.createSession({ channel: 'api' }).id;
const opencxContact = (sb: Sandbox) => [...sb.opencx.contacts.values()][0].id;
function opencxMessage(sb: Sandbox): string {
	const session = sb.opencx.createSession({ channel: 'api' });
	return sb.opencx.addEvent(session, 'message', { type: 'contact', name: 'Ada' }, 'my card is 4111').id;
}

export const operations: Operation[] = [
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
			sessionId: legacySession(sb),
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
		parameters: (sb) => ({ resource: 'legacy', operation: 'closeSession', agent, sessionId: legacySession(sb) }),
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
	{
		node: 'open.cx Session',
		name: 'contact.authenticateWidgetUser',
		routes: ['POST /widget/authenticate-user'],
		parameters: () => ({
			resource: 'contact',
			operation: 'authenticateWidgetUser',
			email: 'ada@example.com',
			additionalFields: { name: 'Ada', customData: '{"plan": "pro"}' },
		}),
		fields: [
			{ name: 'email', kind: text },
			{ name: 'additionalFields.name', kind: text, wire: 'body.name' },
			{ name: 'additionalFields.customData', kind: text },
			{ name: 'additionalFields.httpActionOverrides', kind: text },
		],
	},
	{
		node: 'open.cx Session',
		name: 'redaction.redactSession',
		routes: ['POST /redaction/session'],
		parameters: (sb) => ({ resource: 'redaction', operation: 'redactSession', sessionId: opencxSession(sb), reason: 'GDPR' }),
		fields: [
			{ name: 'sessionId', kind: id },
			{ name: 'reason', kind: text, wire: 'body.reason' },
		],
	},
	{
		node: 'open.cx Session',
		name: 'redaction.redactMessage',
		routes: ['POST /redaction/message'],
		parameters: (sb) => ({ resource: 'redaction', operation: 'redactMessage', messageId: opencxMessage(sb) }),
		fields: [{ name: 'messageId', kind: id }],
	},
];
