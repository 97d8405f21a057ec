import { DEMO, jsonOf, onlyRequest, openCxRequests, runOpenCx, useSandbox } from '../helpers';

const sandbox = useSandbox();

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const authenticate = (parameters: Record<string, unknown>) => ({
	resource: 'contact',
	operation: 'authenticateWidgetUser',
	...parameters,
});

describe('open.cx Session › Contact › Authenticate Widget User', () => {
	test('sends every documented field, flat and cased as open.cx names them, and outputs the token and contact id', async () => {
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: authenticate({
				email: 'wendy@example.com',
				additionalFields: {
					name: 'Wendy Li',
					phone: '+14155550100',
					avatarUrl: 'https://cdn.example.com/wendy.png',
					language: 'fr',
					customData: '{"plan": "pro", "seats": 5}',
					chatContext: 'Enterprise customer since 2021',
					httpActionOverrides: '{"headers": {"X-Customer-Id": "c_42"}, "query_params": {"region": "eu"}}',
				},
			}),
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect([request.method, request.path]).toEqual(['POST', '/widget/authenticate-user']);
		expect(request.body).toEqual({
			email: 'wendy@example.com',
			name: 'Wendy Li',
			phone: '+14155550100',
			avatar_url: 'https://cdn.example.com/wendy.png',
			language: 'fr',
			customData: { plan: 'pro', seats: 5 },
			chat_context: 'Enterprise customer since 2021',
			http_action_overrides: { headers: { 'X-Customer-Id': 'c_42' }, query_params: { region: 'eu' } },
		});
		const [output] = jsonOf(items);
		expect(output).toEqual({ token: expect.stringMatching(JWT), contactId: expect.any(String) });
		expect(sandbox.current.opencx.widgetTokens.get(output.token as string)).toBe(output.contactId);
		expect(sandbox.current.opencx.contacts.get(output.contactId as string)).toMatchObject({
			email: 'wendy@example.com',
			name: 'Wendy Li',
			phone_number: '+14155550100',
		});
	});

	test('with only the email, sends only the email', async () => {
		const { items, error } = await runOpenCx(sandbox.current, { parameters: authenticate({ email: 'alice@example.com' }) });
		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current).body).toEqual({ email: 'alice@example.com' });
		const alice = [...sandbox.current.opencx.contacts.values()].find((c) => c.email === 'alice@example.com');
		expect(jsonOf(items)[0].contactId).toBe(alice?.id);
	});

	test('the older answer without a contact gives contactId null', async () => {
		sandbox.current.opencx.widgetAuthResponse = 'token-only';
		const { items } = await runOpenCx(sandbox.current, { parameters: authenticate({ email: 'old@example.com' }) });
		expect(jsonOf(items)).toEqual([{ token: expect.stringMatching(JWT), contactId: null }]);
	});

	test('an answer without a token fails without printing the answer', async () => {
		sandbox.current.addFault({ api: 'opencx', kind: 'status', status: 200, body: { jwt: 'secret.looking.value' }, times: 1 });
		const { error } = await runOpenCx(sandbox.current, { parameters: authenticate({ email: 'a@example.com' }) });
		expect(error?.message).toBe('open.cx answered with an unexpected response: no token in the widget authentication answer');
		expect(JSON.stringify(error)).not.toContain('secret.looking.value');
	});

	test('a key without the widget scope fails naming the scope', async () => {
		const { error } = await runOpenCx(sandbox.current, {
			apiKey: DEMO.opencxSessionsOnlyKey,
			parameters: authenticate({ email: 'a@example.com' }),
		});
		expect(error?.message).toBe('The open.cx API key lacks the widget scope (403): Missing scope: widget:write');
	});

	test('open.cx’s 400 comes back with its validation messages', async () => {
		// Only an expression can carry a language the list does not have; the node checks it, so a fault stands in for the API.
		sandbox.current.addFault({
			api: 'opencx',
			kind: 'status',
			status: 400,
			body: { statusCode: 400, message: ['email must be an email'], error: 'Bad Request' },
			times: 1,
		});
		const { error } = await runOpenCx(sandbox.current, { parameters: authenticate({ email: 'a@example.com' }) });
		expect(error?.message).toBe('open.cx rejected the request (400): email must be an email');
	});

	test('bad input fails before any request, naming the field', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ email: '={{ "" }}' }, 'Email is empty. Enter the email address of the user to authenticate.'],
			[{ email: 'wendy.example.com' }, 'Email must be an email address, got "wendy.example.com"'],
			[{ email: 'a@example.com', additionalFields: { customData: '["plan"]' } }, 'Custom Data must be a JSON object, got an array'],
			[{ email: 'a@example.com', additionalFields: { customData: '"pro"' } }, 'Custom Data must be a JSON object, got string'],
			[{ email: 'a@example.com', additionalFields: { customData: '{plan: pro}' } }, 'Custom Data must be a JSON object, for example {"plan": "pro"}'],
			[
				{ email: 'a@example.com', additionalFields: { httpActionOverrides: '{"header": {}}' } },
				'HTTP Action Overrides has an unknown key "header"; use query_params, path_params, body_params, headers',
			],
			[
				{ email: 'a@example.com', additionalFields: { httpActionOverrides: '{"headers": "X-A: 1"}' } },
				'HTTP Action Overrides "headers" must be a JSON object, got X-A: 1',
			],
			[{ email: 'a@example.com', additionalFields: { phone: '4155550100' } }, 'Phone must be a phone number with its country code, like +14155550100, got "4155550100"'],
			[{ email: 'a@example.com', additionalFields: { language: 'klingon' } }, 'Language must be one of open.cx\'s language codes (en, fr, de, …), got "klingon"'],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runOpenCx(sandbox.current, { parameters: authenticate(parameters) });
			expect(error?.message).toBe(message);
		}
		expect(openCxRequests(sandbox.current)).toEqual([]);
	});

	test('one bad item among good ones: none is sent', async () => {
		const { error } = await runOpenCx(sandbox.current, {
			items: [{ json: { email: 'a@example.com' } }, { json: { email: 'nope' } }],
			parameters: authenticate({ email: '={{ $json.email }}' }),
		});
		expect(error?.message).toBe('Email must be an email address, got "nope" [item 1]');
		expect(openCxRequests(sandbox.current)).toEqual([]);
	});
});
