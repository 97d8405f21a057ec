import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { COUNTRIES } from '../../shared/countries';
import { agent, COST_WARNING } from '../../shared/descriptions';
import {
	checkGreeting,
	checkWebhookUrl,
	MAX_GREETING,
	sendAdditionalData,
	sendCountryCode,
	sendDataExtraction,
	sendNationalPhone,
} from '../../shared/validation';

const properties: INodeProperties[] = [
	{
		displayName: `${COST_WARNING}. OSVI answers at once; the call's result comes later (Webhook URL, or Call → Get).`,
		name: 'costNotice',
		type: 'notice',
		default: '',
	},
	agent('body'),
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '9876543210',
		description: 'The number to call, digits only and without the country code',
		routing: { send: { preSend: [sendNationalPhone] } },
	},
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'options',
		options: COUNTRIES.map(([code, name]) => ({ name: `${name} (${code})`, value: code })),
		default: 'IN',
		required: true,
		description: 'The country of the phone number (ISO 3166-1 alpha-2); OSVI checks the number against it',
		routing: { send: { preSend: [sendCountryCode] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Additional Data',
				name: 'additionalData',
				type: 'json',
				default: '{}',
				description: 'Key-value pairs the agent can use during the call, as a JSON object, such as {"plan": "Pro", "crm_id": "L-7"}',
				routing: { send: { preSend: [sendAdditionalData] } },
			},
			{
				displayName: 'Callback',
				name: 'enableCallback',
				type: 'boolean',
				default: false,
				description: 'Whether the agent may schedule a callback when the person asks for one',
				routing: { send: { type: 'body', property: 'call_config_overrides.enable_callback' } },
			},
			{
				displayName: 'Data Extraction',
				name: 'dataExtraction',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Field to Extract',
				description: 'What the agent should capture during this call; the results appear in Call → Get as data_captured',
				routing: { send: { preSend: [sendDataExtraction] } },
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'email' },
							{
								displayName: 'Description',
								name: 'description',
								type: 'string',
								default: '',
								placeholder: 'The email address the person wants the offer sent to',
							},
							{ displayName: 'Required', name: 'required', type: 'boolean', default: false },
							{
								displayName: 'Output Format',
								name: 'outputFormat',
								type: 'string',
								default: '',
								placeholder: 'yes or no',
							},
						],
					},
				],
			},
			{
				displayName: 'Initial Greeting',
				name: 'initialGreeting',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: `The agent's first sentence when the call connects (at most ${MAX_GREETING} characters)`,
				routing: { send: { type: 'body', property: 'initial_greeting', preSend: [checkGreeting] } },
			},
			{
				displayName: 'Max Call Duration (Seconds)',
				name: 'maxCallDurationSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description: 'The longest the call may last',
				routing: { send: { type: 'body', property: 'call_config_overrides.max_call_duration_seconds' } },
			},
			{
				displayName: 'Person Name',
				name: 'personName',
				type: 'string',
				default: '',
				description: 'The name of the person called, given to the agent',
				routing: { send: { type: 'body', property: 'person_name' } },
			},
			{
				displayName: 'Retry Unanswered Calls',
				name: 'retryConfig',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Set Retries',
				description: 'Whether and how OSVI calls again when nobody answers (OSVI’s own retries of the call, not of the request)',
				options: [
					{
						displayName: 'Retries',
						name: 'retries',
						values: [
							{
								displayName: 'Enabled',
								name: 'enabled',
								type: 'boolean',
								default: true,
								description: 'Whether OSVI calls again',
								routing: { send: { type: 'body', property: 'call_config_overrides.retry_config.enabled' } },
							},
							{
								displayName: 'Max Attempts',
								name: 'maxAttempts',
								type: 'number',
								typeOptions: { minValue: 1 },
								default: 2,
								routing: { send: { type: 'body', property: 'call_config_overrides.retry_config.max_attempts' } },
							},
							{
								displayName: 'Interval (Minutes)',
								name: 'intervalMinutes',
								type: 'number',
								typeOptions: { minValue: 1 },
								default: 30,
								routing: {
									send: { type: 'body', property: 'call_config_overrides.retry_config.interval_minutes' },
								},
							},
						],
					},
				],
			},
			{
				displayName: 'System Prompt',
				name: 'systemPrompt',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'Replaces the agent’s system prompt for this call only',
				routing: { send: { type: 'body', property: 'system_prompt' } },
			},
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/osvi-calls',
				description:
					'OSVI POSTs the call’s result here when the call ends; use {{ $execution.resumeUrl }} with a Wait node to continue this workflow then',
				routing: { send: { preSend: [checkWebhookUrl] } },
			},
		],
	},
];

export const startDescription = updateDisplayOptions({ show: { resource: ['call'], operation: ['start'] } }, properties);
