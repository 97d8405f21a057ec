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

	test('OSVI API rejects a wrong token', async () => {
		const result = await testCredential('osviApi', { apiToken: 'wrongtoken000000', baseUrl: sandbox.osviUrl });
		expect(result.status).toBe('Error');
		expect(sandbox.requests[0].status).toBe(401);
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

	test('open.cx API rejects a wrong key', async () => {
		const result = await testCredential('openCxApi', { apiKey: 'ocx_live_not_a_key', baseUrl: sandbox.opencxUrl });
		expect(result.status).toBe('Error');
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
