import { agentById, DEMO, errorsOf, jsonOf, onlyRequest, osviRequests, runVoice, useSandbox, UUID } from '../helpers';

const sandbox = useSandbox({ callDurationMs: 60_000 });

const start = (extra: Record<string, unknown> = {}) => ({
	resource: 'call',
	operation: 'start',
	agent: agentById(DEMO.agents.support),
	phoneNumber: '98765 43210',
	countryCode: 'IN',
	...extra,
});

describe('Call → Start', () => {
	test('starts a call with every additional field and returns its call_id', async () => {
		const { items, error } = await runVoice(sandbox.current, {
			parameters: start({
				additionalFields: {
					personName: 'Asha',
					systemPrompt: 'You sell renewals.',
					initialGreeting: 'Hi Asha, this is Maya from Acme.',
					webhookUrl: 'https://example.com/osvi-calls?k=1',
					additionalData: '{"plan": "Pro", "crm_id": "L-7"}',
					dataExtraction: {
						field: [{ key: 'email', description: 'Their email', required: true, outputFormat: 'email address' }],
					},
					maxCallDurationSeconds: 300,
					enableCallback: true,
					retryConfig: { retries: { enabled: true, maxAttempts: 2, intervalMinutes: 30 } },
				},
			}),
		});

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({ method: 'POST', path: '/v1/call' });
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(request.body).toEqual({
			agent_uuid: DEMO.agents.support,
			phone_number: '9876543210',
			country_code: 'IN',
			person_name: 'Asha',
			system_prompt: 'You sell renewals.',
			initial_greeting: 'Hi Asha, this is Maya from Acme.',
			webhook_url: 'https://example.com/osvi-calls?k=1',
			additional_data: { plan: 'Pro', crm_id: 'L-7' },
			data_extraction: [{ key: 'email', description: 'Their email', required: true, output_format: 'email address' }],
			call_config_overrides: {
				max_call_duration_seconds: 300,
				enable_callback: true,
				retry_config: { enabled: true, max_attempts: 2, interval_minutes: 30 },
			},
		});
		expect(jsonOf(items)).toEqual([{ call_id: expect.stringMatching(UUID) }]);
		expect(sandbox.current.voice.calls.get(items[0].json.call_id as string)?.status).toBe('in_progress');
	});

	test('sends only the three required fields when nothing else is given', async () => {
		await runVoice(sandbox.current, { parameters: start({ countryCode: 'us', phoneNumber: '(415) 555-0132' }) });
		expect(onlyRequest(sandbox.current).body).toEqual({
			agent_uuid: DEMO.agents.support,
			phone_number: '4155550132',
			country_code: 'US',
		});
	});

	test('additional data from an expression object is sent as that object', async () => {
		await runVoice(sandbox.current, {
			parameters: start({ additionalFields: { additionalData: '={{ $json.extra }}' } }),
			items: [{ json: { extra: { crm_id: 'L-9', score: 3 } } }],
		});
		expect(onlyRequest(sandbox.current).body).toMatchObject({ additional_data: { crm_id: 'L-9', score: 3 } });
	});

	test('one call per item, phone and name from each item', async () => {
		const { items } = await runVoice(sandbox.current, {
			parameters: start({ phoneNumber: '={{ $json.phone }}', additionalFields: { personName: '={{ $json.name }}' } }),
			items: [{ json: { phone: 9876543210, name: 'Asha' } }, { json: { phone: '9123456789', name: 'Ravi' } }],
		});
		expect(items).toHaveLength(2);
		// Items are sent concurrently, so the arrival order is not fixed.
		expect(osviRequests(sandbox.current).map((r) => r.body)).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ phone_number: '9876543210', person_name: 'Asha' }),
				expect.objectContaining({ phone_number: '9123456789', person_name: 'Ravi' }),
			]),
		);
	});

	describe('bad input fails before any request, naming the field', () => {
		test.each([
			['letters in the phone number', { phoneNumber: '98765abc10' }, /Phone Number "98765abc10" may contain only digits/],
			['a country code in the phone number', { phoneNumber: '+919876543210' }, /Phone Number .* includes a country code/],
			['an empty phone number', { phoneNumber: ' ' }, /Phone Number is empty/],
			['an unknown country code', { countryCode: 'XX' }, /Country Code "XX" is not an ISO 3166-1 alpha-2 country code/],
			[
				'a greeting over 2,000 characters',
				{ additionalFields: { initialGreeting: 'a'.repeat(2001) } },
				/Initial Greeting is 2001 characters long; OSVI allows at most 2000/,
			],
			['additional data that is an array', { additionalFields: { additionalData: '[1, 2]' } }, /Additional Data must be a JSON object.*an array/],
			['additional data that is a number', { additionalFields: { additionalData: '42' } }, /Additional Data must be a JSON object/],
			['additional data that is not JSON', { additionalFields: { additionalData: '{plan: Pro' } }, /Additional Data is not valid JSON/],
			['a webhook URL that is not http', { additionalFields: { webhookUrl: 'example.com/hook' } }, /Webhook URL "example.com\/hook" is not an http or https URL/],
			['a data extraction field without key', { additionalFields: { dataExtraction: { field: [{ key: '' }] } } }, /Data Extraction field 1 has no key/],
			['a malformed agent from an expression', { agent: agentById('={{ "sales-agent" }}') }, /Agent "sales-agent" is not an OSVI agent ID/],
		])('%s', async (_what, extra, message) => {
			const { error } = await runVoice(sandbox.current, { parameters: start(extra) });
			expect(error?.message).toMatch(message);
			expect(osviRequests(sandbox.current)).toHaveLength(0);
		});

		test('one bad item among three: no call is started at all', async () => {
			const { error } = await runVoice(sandbox.current, {
				parameters: start({ phoneNumber: '={{ $json.phone }}' }),
				items: [{ json: { phone: '9876543210' } }, { json: { phone: 'call me' } }, { json: { phone: '9123456789' } }],
			});
			expect(error?.message).toMatch(/Phone Number "call me" may contain only digits.*\[item 1\]/);
			expect(osviRequests(sandbox.current)).toHaveLength(0);
		});

		test('with Continue On Fail the bad item is an error item and the others are called', async () => {
			const { items } = await runVoice(sandbox.current, {
				parameters: start({ phoneNumber: '={{ $json.phone }}' }),
				items: [{ json: { phone: '9876543210' } }, { json: { phone: 'call me' } }],
				continueOnFail: true,
			});
			expect(errorsOf(items)).toEqual([undefined, expect.stringMatching(/Phone Number "call me"/)]);
			expect(osviRequests(sandbox.current)).toHaveLength(1);
		});
	});

	describe('documented errors carry OSVI’s message and what to do', () => {
		test('403 when the agent is not on the account', async () => {
			const { error } = await runVoice(sandbox.current, { parameters: start({ agent: agentById('agent_Elsewhere_9') }) });
			expect(error?.message).toMatch(/OSVI refused access \(403: Forbidden: the agent does not belong to this account\)/);
			expect(error?.message).toMatch(/Check that the agent belongs to the account of this API token/);
		});

		test('400 for a number OSVI finds implausible for the country', async () => {
			const { error } = await runVoice(sandbox.current, { parameters: start({ phoneNumber: '12345' }) });
			expect(error?.message).toMatch(/\(400: phone_number "12345" is not a valid number for country_code IN\)\. Fill in the missing or invalid field/);
		});

		test('401 for a wrong token, without the token in the error', async () => {
			const { error } = await runVoice(sandbox.current, { parameters: start(), apiToken: 'wrongtoken000000' });
			expect(error?.message).toMatch(/OSVI rejected the API token/);
			expect(JSON.stringify(error)).not.toContain('wrongtoken000000');
		});
	});
});
