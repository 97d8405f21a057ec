import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput, setInBody, shown, textParameter } from '../../../shared/input';

import { noteSendTime, readSendResponse, sendTimeOf, waitForAiReply } from '../../shared/aiReply';
import { buildAttachments } from '../../shared/attachments';
import { contactDetailOptions, sessionCustomDataField, sessionIdField } from '../../shared/descriptions';

const showOnlyForSend = { show: { resource: ['message'], operation: ['send'] } };
const showOnlyForAgent = { show: { ...showOnlyForSend.show, sender: ['agent'] } };

/**
 * Puts the AI's reply and the handed-off flag at the top of the item, whichever response shape
 * open.cx used, and with Wait for AI Reply polls the history when the answer is only an ack.
 */
export async function sendAnswer(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const body = items[0]?.json;
	const outcome = readSendResponse(this, body);
	const sender = this.getNodeParameter('sender', 'contact') as string;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const waiting = sender === 'contact' && options.waitForAiReply === true;
	const result: IDataObject = { ...outcome, ...(waiting ? { aiReplyTimedOut: false } : {}), ...body };

	if (waiting && outcome.aiReply === null && outcome.handedOff !== true) {
		const sent = {
			id: outcome.messageId,
			sentAt: sendTimeOf(this),
			text: String(this.getNodeParameter('text', '') ?? ''),
		};
		const wait = await waitForAiReply(
			this,
			this.getNodeParameter('sessionId') as string,
			sent,
			Number(options.replyTimeout ?? 30) * 1000,
			Number(options.pollInterval ?? 1000),
		);
		result.aiReply = wait.aiReply;
		result.handedOff = wait.handedOff ?? outcome.handedOff;
		result.aiReplyTimedOut = wait.timedOut;
	}
	return [{ json: result }];
}

/**
 * `agent.id` as the number open.cx documents. The field is text (it starts empty); workflows saved
 * when it was a number field still hold a number, and both are accepted.
 */
async function agentIdAsNumber(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
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

export const messageSendDescription: INodeProperties[] = [
	sessionIdField(showOnlyForSend),
	{
		displayName: 'Send As',
		name: 'sender',
		type: 'options',
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
		displayOptions: showOnlyForSend,
		routing: { send: { type: 'body', property: 'sender' } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The message text; may be empty only when the message has attachments',
		displayOptions: showOnlyForSend,
		routing: {
			send: {
				type: 'body',
				property: 'message.text',
				// Before the request leaves; an earlier time only widens the search for the sent message.
				preSend: [textParameter('text', 'Text', 'message.text'), noteSendTime],
			},
		},
	},
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
		displayOptions: showOnlyForAgent,
		routing: { send: { preSend: [agentIdAsNumber] } },
	},
	{
		displayName: 'Agent Name',
		name: 'agentName',
		type: 'string',
		default: '',
		description: 'Name shown to the contact next to the message',
		displayOptions: showOnlyForAgent,
		routing: {
			send: { type: 'body', property: 'agent.name', preSend: [textParameter('agentName', 'Agent Name', 'agent.name')] },
		},
	},
	{
		displayName: 'Take Over From AI',
		name: 'takeOver',
		type: 'boolean',
		default: false,
		description: 'Whether the agent takes the session over, so the AI stops answering',
		displayOptions: showOnlyForAgent,
		routing: { send: { type: 'body', property: 'should_take_over_session_from_ai' } },
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attachment',
		default: {},
		description: 'Files to send with the message, from the input binary data or by URL',
		displayOptions: showOnlyForSend,
		routing: { send: { preSend: [buildAttachments] } },
		options: [
			{
				name: 'attachment',
				displayName: 'Attachment',
				values: [
					{
						displayName: 'File Name',
						name: 'name',
						type: 'string',
						default: '',
						description: "Name shown for the file; defaults to the binary file's name or the URL's last part",
					},
					{
						displayName: 'Input Binary Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						description: 'Name of the binary field on the input item that holds the file',
						displayOptions: { show: { source: ['binary'] } },
					},
					{
						displayName: 'MIME Type',
						name: 'mimeType',
						type: 'string',
						default: '',
						placeholder: 'e.g. application/pdf',
						description: "Type of the file; defaults to the binary data's type, and is required for a URL",
					},
					{
						displayName: 'Source',
						name: 'source',
						type: 'options',
						options: [
							{ name: 'Binary Data', value: 'binary', description: 'A file on the input item, sent as base64' },
							{ name: 'URL', value: 'url', description: 'A file open.cx downloads from a public URL' },
						],
						default: 'binary',
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/invoice.pdf',
						displayOptions: { show: { source: ['url'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Contact Details',
		name: 'contact',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: "Details merged into the session's contact",
		displayOptions: showOnlyForSend,
		options: contactDetailOptions({ collection: 'contact', phoneKey: 'phone_number', withAvatar: true }),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showOnlyForSend,
		options: [
			sessionCustomDataField(
				'additionalFields.customData',
				'Session attributes to add or change, as a flat JSON object of strings, numbers and booleans; keys not sent are kept',
			),
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { ...showOnlyForSend.show, sender: ['contact'] } },
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
	},
];
