import {
	booleanField,
	collectionField,
	operationFields,
	optionsField,
	plainField,
	retryOnFailNotice,
	textField,
} from '../../../shared/fields';
import { noteSendTime } from '../../shared/aiReply';
import { attachments } from '../../shared/attachments';
import { contactDetails, humanAgentId, sessionAdditionalFields, sessionId } from '../../shared/fields';

const byAgent = { sender: ['agent'] };

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
	// Notes when the message left, just before the request; an earlier time only widens the search for it.
	{ properties: [], send: noteSendTime },
	humanAgentId(byAgent),
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
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only messageId, aiReply, handedOff and aiReplyTimedOut instead of open.cx’s whole answer with those fields added',
	}),
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
	retryOnFailNotice,
]);
