import type { INodeProperties } from 'n8n-workflow';

import { textParameter } from '../../shared/input';
import { AGENT_ID_REGEX, requireAgentId, requireSessionId, sendKeyValueOrJson } from './validation';

/*
 * Fields several operations share, defined once. Each carries how it is sent and its preSend check;
 * operations add `displayOptions` (and, where OSVI names the field differently, their own `routing`).
 */

/** Path of a session-scoped v1 endpoint; the session ID is validated before the request. */
export const sessionPath = (action: 'support' | 'inject_context') =>
	`=/v1/chat/session/{{encodeURIComponent($parameter.sessionId)}}/${action}`;

export const agentLocator: INodeProperties = {
	displayName: 'Agent',
	name: 'agent',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The OSVI agent that answers the customer',
	hint: 'The list shows what OSVI reports as active agents; if a chat agent is missing, enter its ID with By ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAgents', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
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
	routing: {
		send: { type: 'body', property: 'agent_uuid', preSend: [requireAgentId('agent')] },
	},
};

export const customerId: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '+15551112222',
	description:
		'Your stable identifier for the customer, such as their phone number; OSVI finds the customer’s active session by it',
	routing: {
		send: {
			type: 'body',
			property: 'customer_id',
			preSend: [
				textParameter('customerId', 'Customer ID', 'customer_id', {
					required: 'Customer ID is empty. Enter your ID for the customer, such as their phone number.',
				}),
			],
		},
	},
};

export const sessionId: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '4718a326-417b-4dda-90d0-21fd65a11cb8',
	description: 'The session’s UUID, as returned by Session → Create or Get Active',
	routing: { send: { preSend: [requireSessionId('sessionId')] } },
};

export const content: INodeProperties = {
	displayName: 'Content',
	name: 'content',
	type: 'string',
	default: '',
	required: true,
	typeOptions: { rows: 2 },
	description: 'The customer’s message text',
	routing: {
		send: {
			type: 'body',
			property: 'content',
			preSend: [
				textParameter('content', 'Content', 'content', {
					required: 'Content is empty. Enter the customer’s message.',
				}),
			],
		},
	},
};

/** The operator's text for support commands (`message` in the support body). */
export const operatorMessage: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	default: '',
	required: true,
	typeOptions: { rows: 2 },
	routing: {
		send: {
			type: 'body',
			property: 'message',
			preSend: [
				textParameter('message', 'Message', 'message', { required: 'Message is empty. Enter the operator’s text.' }),
			],
		},
	},
};

export const simplify: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/**
 * An object the user gives either as key-value pairs or as JSON, sent under `bodyProperty`
 * (v1 `input_fields`, legacy `metadata`).
 */
export function keyValueOrJson(options: {
	name: string;
	displayName: string;
	bodyProperty: string;
	description: string;
}): INodeProperties[] {
	const { name, displayName, bodyProperty, description } = options;
	return [
		{
			displayName: `Specify ${displayName}`,
			name: `${name}Mode`,
			type: 'options',
			default: 'keypair',
			options: [
				{ name: 'Using Fields Below', value: 'keypair' },
				{ name: 'Using JSON', value: 'json' },
			],
			routing: { send: { preSend: [sendKeyValueOrJson(name, displayName, bodyProperty)] } },
		},
		{
			displayName,
			name,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Field',
			description,
			displayOptions: { show: { [`${name}Mode`]: ['keypair'] } },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{ displayName: 'Name', name: 'key', type: 'string', default: '', placeholder: 'first_name' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'Alex' },
					],
				},
			],
		},
		{
			displayName: `${displayName} (JSON)`,
			name: `${name}Json`,
			type: 'json',
			default: '{}',
			description: `${description}, as a JSON object`,
			displayOptions: { show: { [`${name}Mode`]: ['json'] } },
		},
	];
}
