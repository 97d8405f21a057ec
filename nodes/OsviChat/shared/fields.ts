import { booleanField, idField, textField, UUID, type Field, type Where } from '../../shared/fields';

/*
 * Fields several operations share, each defined once (nodes/shared/fields). The node keeps one
 * property entry per name; only an operation that makes a field optional gets an entry of its own.
 */

/** Path of a session-scoped v1 endpoint; the session ID is checked before the request. */
export const sessionPath = (action: 'support' | 'inject_context') =>
	`=/v1/chat/session/{{encodeURIComponent($parameter.sessionId)}}/${action}`;

export const AGENT_ID_REGEX = '^agent_[A-Za-z0-9_-]+$';

/** The agent picker, sent as `agent_uuid`; optional where an operation can do without it. */
export function agentField({ in: where = 'body', required = true }: { in?: Where; required?: boolean } = {}): Field {
	return idField({
		displayName: 'Agent',
		name: 'agent',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		property: 'agent_uuid',
		in: where,
		required,
		pattern: new RegExp(AGENT_ID_REGEX),
		messages: {
			empty: 'Agent is empty. Pick an agent from the list or enter its ID.',
			invalid: (value) =>
				`Agent "${value}" is not an OSVI agent ID. Agent IDs look like agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og.`,
			invalidDescription: 'Find the ID on the agent’s page in the OSVI dashboard.',
		},
		description: required
			? 'The OSVI agent that answers the customer'
			: 'Only the session with this agent; leave empty to get every active session of the customer, one item per agent',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				hint: 'The list shows what OSVI reports as active agents; if a chat agent is missing, enter its ID with By ID',
				typeOptions: { searchListMethod: 'searchAgents', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
				hint: 'The ID on the agent’s page in the OSVI dashboard',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: AGENT_ID_REGEX,
							errorMessage: 'Not an OSVI agent ID; agent IDs start with agent_',
						},
					},
				],
			},
		],
	});
}

export function customerIdField({ in: where = 'body' }: { in?: Where } = {}): Field {
	return textField({
		displayName: 'Customer ID',
		name: 'customerId',
		property: 'customer_id',
		in: where,
		required: 'Customer ID is empty. Enter your ID for the customer, such as their phone number.',
		placeholder: '+15551112222',
		description:
			'Your stable identifier for the customer, such as their phone number; OSVI finds the customer’s active session by it',
	});
}

/**
 * The session's UUID: in the URL (operations put it there with `sessionPath`), or sent as
 * `property`; optional only for Message → Send.
 */
export function sessionIdField({ property, required = true }: { property?: string; required?: boolean } = {}): Field {
	return idField({
		displayName: 'Session ID',
		name: 'sessionId',
		property,
		required,
		pattern: UUID,
		messages: {
			empty: 'Session ID is empty. Use the ID from Session → Create or Get Active.',
			invalid: (value) => `Session ID "${value}" is not a UUID. Use the ID from Session → Create or Get Active.`,
		},
		placeholder: '4718a326-417b-4dda-90d0-21fd65a11cb8',
		description: required
			? 'The session’s UUID, as returned by Session → Create or Get Active (or Legacy → Start Session)'
			: 'Send into this session; leave empty to use the customer’s active session with the agent, which OSVI creates if needed',
	});
}

export const sessionId = sessionIdField();

export const content = textField({
	displayName: 'Content',
	name: 'content',
	property: 'content',
	required: 'Content is empty. Enter the customer’s message.',
	typeOptions: { rows: 2 },
	description: 'The customer’s message text',
});

const MESSAGE_DESCRIPTION =
	'The text: what the customer receives from the operator, what the agent should tell the customer or use as guidance (Tell, Whisper), or the customer’s message (Legacy)';

/** `message` in the body: the operator's text for support commands, the customer's in legacy Send Message. */
export function messageField(required: string): Field {
	return textField({
		displayName: 'Message',
		name: 'message',
		property: 'message',
		required,
		typeOptions: { rows: 2 },
		description: MESSAGE_DESCRIPTION,
	});
}

export const operatorMessage = messageField('Message is empty. Enter the operator’s text.');

export const simplify = booleanField({
	displayName: 'Simplify',
	name: 'simplify',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
});
