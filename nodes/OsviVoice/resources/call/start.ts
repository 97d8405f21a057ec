import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { operationFields, plainField, type Field } from '../../../shared/fields';
import { asText, invalidInput, isBlank, parseJsonObject, setInBody, shown } from '../../../shared/fields/checks';
import { agent, COST_WARNING, countryCode, nationalPhone } from '../../shared/fields';
import { checks } from '../../shared/validation';

const MAX_GREETING = checks.MAX_GREETING;

const costNotice: INodeProperties = {
	displayName: `${COST_WARNING}. OSVI answers at once; the call's result comes later (Webhook URL, or Call → Get).`,
	name: 'costNotice',
	type: 'notice',
	default: '',
};

const additionalFieldsProperty: INodeProperties = {
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
		},
		{
			displayName: 'Callback',
			name: 'enableCallback',
			type: 'boolean',
			default: false,
			description: 'Whether the agent may schedule a callback when the person asks for one',
		},
		{
			displayName: 'Data Extraction',
			name: 'dataExtraction',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Field to Extract',
			description: 'What the agent should capture during this call; the results appear in Call → Get as data_captured',
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
		},
		{
			displayName: 'Max Call Duration (Seconds)',
			name: 'maxCallDurationSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 300,
			description: 'The longest the call may last',
		},
		{
			displayName: 'Person Name',
			name: 'personName',
			type: 'string',
			default: '',
			description: 'The name of the person called, given to the agent',
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
						},
						{
							displayName: 'Max Attempts',
							name: 'maxAttempts',
							type: 'number',
							typeOptions: { minValue: 1 },
							default: 2,
						},
						{
							displayName: 'Interval (Minutes)',
							name: 'intervalMinutes',
							type: 'number',
							typeOptions: { minValue: 1 },
							default: 30,
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
		},
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/osvi-calls',
			description:
				'OSVI POSTs the call’s result here when the call ends; use {{ $execution.resumeUrl }} with a Wait node to continue this workflow then',
		},
	],
};

interface ExtractionField {
	key?: string;
	description?: string;
	required?: boolean;
	outputFormat?: string;
}

/**
 * Reads Additional Fields once, checks each field that is set and puts it in the body: the
 * greeting's length, the webhook URL, additional data as a JSON object, extraction keys, and the
 * call_config_overrides group.
 */
async function sendAdditionalFields(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const fields = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const fail = (message: string, description?: string): never => invalidInput(this, message, description);
	const text = (name: string, label: string) => asText(this, fields[name], label);

	if (fields.personName !== undefined) setInBody(requestOptions, 'person_name', text('personName', 'Person Name'));
	if (fields.systemPrompt !== undefined) setInBody(requestOptions, 'system_prompt', text('systemPrompt', 'System Prompt'));
	if (fields.initialGreeting !== undefined) {
		const greeting = text('initialGreeting', 'Initial Greeting');
		if (greeting.length > MAX_GREETING) {
			fail(`Initial Greeting is ${greeting.length} characters long; OSVI allows at most ${MAX_GREETING}.`);
		}
		setInBody(requestOptions, 'initial_greeting', greeting);
	}
	if (fields.webhookUrl !== undefined) {
		setInBody(requestOptions, 'webhook_url', checks.webhookUrl(text('webhookUrl', 'Webhook URL'), fail));
	}
	if (fields.additionalData !== undefined) {
		const parsed = parseJsonObject(fields.additionalData);
		if ('object' in parsed) {
			if (parsed.object && Object.keys(parsed.object).length) setInBody(requestOptions, 'additional_data', parsed.object);
		} else if (parsed.problem === 'notJson') {
			fail('Additional Data is not valid JSON.', parsed.detail);
		} else {
			fail(`Additional Data must be a JSON object, like {"plan": "Pro"}; got ${parsed.got}: ${shown(fields.additionalData)}.`);
		}
	}
	const extraction = ((fields.dataExtraction as IDataObject | undefined)?.field ?? []) as ExtractionField[];
	const unnamed = extraction.findIndex((f) => isBlank(f.key));
	if (unnamed !== -1) fail(`Data Extraction field ${unnamed + 1} has no key. Enter a key or remove the field.`);
	if (extraction.length) {
		setInBody(
			requestOptions,
			'data_extraction',
			extraction.map((f) => ({
				key: String(f.key).trim(),
				description: f.description ?? '',
				required: f.required ?? false,
				output_format: f.outputFormat ?? '',
			})),
		);
	}
	const wholeNumber = (value: unknown, label: string) => {
		if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(`${label} must be a whole number above 0, got ${shown(value)}.`);
		return value;
	};
	if (fields.maxCallDurationSeconds !== undefined) {
		setInBody(requestOptions, 'call_config_overrides.max_call_duration_seconds', wholeNumber(fields.maxCallDurationSeconds, 'Max Call Duration'));
	}
	if (fields.enableCallback !== undefined) setInBody(requestOptions, 'call_config_overrides.enable_callback', fields.enableCallback === true);
	const retries = (fields.retryConfig as IDataObject | undefined)?.retries as IDataObject | undefined;
	if (retries) {
		setInBody(requestOptions, 'call_config_overrides.retry_config', {
			enabled: retries.enabled !== false,
			max_attempts: wholeNumber(retries.maxAttempts ?? 2, 'Max Attempts'),
			interval_minutes: wholeNumber(retries.intervalMinutes ?? 30, 'Interval (Minutes)'),
		});
	}
	return requestOptions;
}

const additionalFields: Field = { properties: [additionalFieldsProperty], send: sendAdditionalFields };

export const fields = operationFields({ resource: 'call', operation: 'start' }, [
	plainField(costNotice),
	agent('body'),
	nationalPhone,
	countryCode,
	additionalFields,
]);
