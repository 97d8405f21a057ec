import { DEMO, startSandbox, type Sandbox } from '../sandbox';
import { credentialTypes, testCredential } from '../harness';

// Each credential's own `test` request, run the way n8n's credential tester runs it.
describe('credential tests against the sandbox', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	test('OSVI API accepts the right token, sending it as the API-Token header to GET /v1/active_agents', async () => {
		const result = await testCredential('osviApi', { apiToken: DEMO.osviToken, baseUrl: sandbox.osviUrl });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v1/active_agents', status: 200 });
		expect(sandbox.requests[0].headers['api-token']).toBe(DEMO.osviToken);
	});

	test('OSVI API rejects a wrong token, saying the token was rejected and where to find a valid one', async () => {
		const result = await testCredential('osviApi', { apiToken: 'wrongtoken000000', baseUrl: sandbox.osviUrl });
		expect(result).toEqual({
			status: 'Error',
			message: 'OSVI rejected the API Token. Copy a valid one (16 characters) from the OSVI dashboard under Settings → API.',
		});
		expect(sandbox.requests[0].status).toBe(401);
	});

	test('OSVI API refuses a token that is not 16 characters before sending it, naming only its length', async () => {
		const result = await testCredential('osviApi', { apiToken: 'short', baseUrl: sandbox.osviUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'The API Token in the OSVI API credential has 5 characters; OSVI tokens have 16. Copy it again from the OSVI dashboard under Settings → API.',
		);
		expect(result.message).not.toContain('short');
		expect(sandbox.requests).toHaveLength(0);
	});

	test('OSVI API tolerates a trailing slash on the base URL', async () => {
		const result = await testCredential('osviApi', { apiToken: DEMO.osviToken, baseUrl: `${sandbox.osviUrl}//` });
		expect(result.status).toBe('OK');
		expect(sandbox.requests[0].rawPath).toBe('/v1/active_agents');
	});

	test('open.cx API accepts the right key as a Bearer token on GET /chat/sessions', async () => {
		const result = await testCredential('openCxApi', { apiKey: DEMO.opencxKey, baseUrl: `${sandbox.opencxUrl}/` });
		expect(result.status).toBe('OK');
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/chat/sessions', status: 200 });
		expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${DEMO.opencxKey}`);
	});

	test('open.cx API rejects a wrong key, saying the key was rejected and where to create a valid one', async () => {
		const result = await testCredential('openCxApi', { apiKey: 'ocx_live_not_a_key', baseUrl: sandbox.opencxUrl });
		expect(result).toEqual({
			status: 'Error',
			message: 'open.cx rejected the API Key. Create a valid one in open.cx under Settings → Access → Create API Key.',
		});
		expect(sandbox.requests[0].status).toBe(401);
	});

	test('a secret that is wrong never shows in the error message', async () => {
		const secret = 'ocx_live_leaky_secret_value';
		const result = await testCredential('openCxApi', { apiKey: secret, baseUrl: sandbox.opencxUrl });
		expect(result.status).toBe('Error');
		expect(JSON.stringify(result)).not.toContain(secret);
	});

	test('both credentials default to the production base URLs and hide the secret field', () => {
		const defaults = (name: string) =>
			Object.fromEntries(credentialTypes[name].properties.map((p) => [p.name, p]));
		expect(defaults('osviApi').baseUrl.default).toBe('https://api.osvi.ai');
		expect(defaults('openCxApi').baseUrl.default).toBe('https://api.open.cx');
		expect(defaults('osviApi').apiToken.typeOptions?.password).toBe(true);
		expect(defaults('openCxApi').apiKey.typeOptions?.password).toBe(true);
	});
});
