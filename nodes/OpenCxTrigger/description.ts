import type { INodeProperties } from 'n8n-workflow';

export const ALL_EVENTS = '*';

/** The event types open.cx's reference lists (api-reference/webhooks/types). */
const events = [
	{ name: 'CSAT Requested', value: 'csat.requested', description: 'A CSAT survey was sent' },
	{ name: 'CSAT Score Submitted', value: 'csat.score_submitted', description: 'A customer submitted or updated a CSAT score' },
	{ name: 'Conversation AI Response', value: 'conversation.ai_response', description: 'The AI answered a contact message' },
	{ name: 'Conversation Agent Response', value: 'conversation.agent_response', description: 'A human agent answered from the open.cx inbox' },
	{ name: 'Conversation Closed', value: 'conversation.closed', description: 'A conversation was closed, resolved or not' },
	{ name: 'Conversation Contact Response', value: 'conversation.contact_response', description: 'The contact sent a message' },
	{ name: 'Conversation Handoff to Human', value: 'conversation.handoff_to_human', description: 'A conversation was handed to a human' },
	{
		name: 'Conversation Handoff to Third Party Failed',
		value: 'conversation.handoff_to_third_party_failed',
		description: 'A handoff to e.g. Zendesk or Intercom failed',
	},
	{ name: 'Conversation Started', value: 'conversation.started', description: 'A new conversation started, on any channel' },
	{
		name: 'Conversation Third Party Agent Response',
		value: 'conversation.third_party_agent_response',
		description: 'A third-party agent answered a handed-off conversation',
	},
	{ name: 'Phone Call Started', value: 'phone_call.started', description: 'An AI phone agent call started' },
	{ name: 'Workflow Run Failed', value: 'workflow.run.failed', description: 'An open.cx workflow run failed' },
	{ name: 'Workflow Run Succeeded', value: 'workflow.run.succeeded', description: 'An open.cx workflow run succeeded' },
];

const onlyFor = (verification: string[]) => ({ show: { verification } });

export const openCxTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'open.cx has no API to register webhooks: add this node\'s Production URL as a webhook endpoint in your open.cx dashboard and subscribe it to the events you need. open.cx documents no signature scheme, so pick a Verification that matches what you set up there; with None, anyone who knows the URL can start this workflow.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		// All also lets through event types open.cx adds later.
		options: [{ name: 'All', value: ALL_EVENTS, description: 'Every event, including types open.cx adds later' }, ...events],
		default: [ALL_EVENTS],
		description: 'Events that start the workflow; others answer 200 and start nothing',
	},
	{
		displayName: 'Verification',
		name: 'verification',
		type: 'options',
		options: [
			{ name: 'None', value: 'none', description: 'Accept every delivery' },
			{
				name: 'Shared Secret Header',
				value: 'header',
				description: 'The delivery carries the Webhook Secret in a header you added in open.cx',
			},
			{
				name: 'HMAC-SHA256 Signature (Experimental)',
				value: 'hmac',
				description:
					'A header holds the HMAC-SHA256 of the raw body, keyed with the Webhook Secret. Experimental: open.cx documents no signing scheme.',
			},
		],
		default: 'none',
		description: 'How a delivery proves it comes from open.cx; a failed check answers 401 and starts nothing',
	},
	{
		displayName: 'Secret Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Webhook-Secret',
		required: true,
		displayOptions: onlyFor(['header']),
		description: 'The header whose value must equal the credential\'s Webhook Secret',
	},
	{
		displayName: 'Signature Header Name',
		name: 'signatureHeader',
		type: 'string',
		default: 'X-Signature',
		required: true,
		displayOptions: onlyFor(['hmac']),
		description: 'The header holding the signature; a leading "sha256=" is ignored',
	},
	{
		displayName: 'Signature Encoding',
		name: 'signatureEncoding',
		type: 'options',
		options: [
			{ name: 'Hex', value: 'hex' },
			{ name: 'Base64', value: 'base64' },
		],
		default: 'hex',
		displayOptions: onlyFor(['hmac']),
	},
	{
		displayName: 'Timestamp Header Name',
		name: 'timestampHeader',
		type: 'string',
		default: '',
		placeholder: 'e.g. X-Timestamp',
		displayOptions: onlyFor(['hmac']),
		description:
			'Optional. When set, the signature covers the timestamp, a dot and the raw body, and deliveries whose Unix timestamp (seconds or milliseconds) is more than 5 minutes off are refused.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description: 'Whether to add the request headers to each item (as headers), without the one carrying the secret',
			},
			{
				displayName: 'Keep Envelope',
				name: 'keepEnvelope',
				type: 'boolean',
				default: false,
				description:
					'Whether to output { event, organization_id, data } as open.cx sent it instead of the event\'s data fields next to event and organization_id',
			},
		],
	},
];
