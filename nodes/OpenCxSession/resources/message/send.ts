import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { invalidInput, setInBody, shown } from '../../../shared/fields/checks';
import { booleanField, collectionField, operationFields, optionsField, plainField, textField, type Field } from '../../../shared/fields';
import { noteSendTime } from '../../shared/aiReply';
import { attachments } from '../../shared/attachments';
import { contactDetails, sessionAdditionalFields, sessionId } from '../../shared/fields';

const byAgent = { sender: ['agent'] };

/**
 * `agent.id` as the number open.cx documents. The field is text (it starts empty); workflows saved
 * when it was a number field still hold a number, and both are accepted.
 */
async function agentIdAsNumber(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('sender', 'contact') !== 'agent') return requestOptions;
	const value = this.getNodeParameter('agentId', '');
	const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : undefined;
	if (text === '' || value === null || value === undefined) {
		invalidInput(this, 'Agent ID is required when sending as a human agent', "Enter the team member's open.cx user ID, e.g. 42");
	}
	const id = Number(text);
	if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(id) || id < 1) {
		const got = typeof value === 'string' ? `"${shown(value)}"` : shown(value);
		invalidInput(this, `Agent ID must be a whole number above 0, got ${got}`);
	}
	setInBody(requestOptions, 'agent.id', id);
	return requestOptions;
}

const agentId: Field = {
	properties: [
		{
			displayName: 'Agent ID',
			name: 'agentId',
			// Text so the field starts empty; open.cx wants a number, which agentIdAsNumber sends.
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 42',
			description: 'The open.cx user ID of the team member sending the message, a whole number',
			hint: "The team member's numeric user ID in open.cx; their comments in a session's history (Get History with Simplify off) carry it as human_agent_id",
			displayOptions: { show: byAgent },
		},
	],
	send: agentIdAsNumber,
};

// Notes when the message leaves, after every other check: an earlier time only widens the search for the sent message.
const sendTime: Field = { properties: [], send: noteSendTime };

export const fields = operationFields({ resource: 'message', operation: 'send' }, [
	sessionId,
	optionsField({
		displayName: 'Send As',
		name: 'sender',
		options: [
			{ name: 'Contact', value: 'contact', description: 'The customer writes; the AI may answer' },
			{
				name: 'Human Agent',
				value: 'agent',
				description: 'A member of your team writes, and may take the session over from the AI',
			},
		],
		default: 'contact',
		description: 'Who the message is from',
		property: 'sender',
	}),
	textField({
		displayName: 'Text',
		name: 'text',
		property: 'message.text',
		typeOptions: { rows: 4 },
		description: 'The message text; may be empty only when the message has attachments',
	}),
	agentId,
	textField({
		displayName: 'Agent Name',
		name: 'agentName',
		property: 'agent.name',
		description: 'Name shown to the contact next to the message',
		shownWhen: byAgent,
	}),
	booleanField({
		displayName: 'Take Over From AI',
		name: 'takeOver',
		property: 'should_take_over_session_from_ai',
		description: 'Whether the agent takes the session over, so the AI stops answering',
		shownWhen: byAgent,
	}),
	attachments,
	collectionField({
		displayName: 'Contact Details',
		name: 'contact',
		placeholder: 'Add Detail',
		description: "Details merged into the session's contact",
		options: contactDetails({ phoneKey: 'phone_number', withAvatar: true }),
	}),
	sessionAdditionalFields(
		'Session attributes to add or change, as a flat JSON object of strings, numbers and booleans; keys not sent are kept',
	),
	// Read by sendAnswer after the message is sent.
	plainField({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { sender: ['contact'] } },
		options: [
			{
				displayName: 'Poll Interval (Milliseconds)',
				name: 'pollInterval',
				type: 'number',
				typeOptions: { minValue: 10 },
				default: 1000,
				description: 'With Wait for AI Reply, how long to pause between looks at the session history',
			},
			{
				displayName: 'Reply Timeout (Seconds)',
				name: 'replyTimeout',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 30,
				description:
					'With Wait for AI Reply, how long to wait before returning the message without a reply (aiReplyTimedOut: true)',
			},
			{
				displayName: 'Wait for AI Reply',
				name: 'waitForAiReply',
				type: 'boolean',
				default: true,
				description:
					"Whether to wait until the AI's answer to this message is in the session history and return it as aiReply",
			},
		],
	}),
	sendTime,
]);
