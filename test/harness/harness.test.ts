import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { INodeType } from 'n8n-workflow';

import { runNode, testCredential } from './index';

// A minimal declarative node on the OSVI credential, so the harness is tested apart from our nodes.
const echoNode: INodeType = {
	description: {
		displayName: 'Echo',
		name: 'echo',
		group: ['transform'],
		version: 1,
		description: 'Echoes',
		defaults: { name: 'Echo' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'osviApi', required: true }],
		requestDefaults: { baseURL: '={{$credentials.baseUrl}}' },
		properties: [
			{
				displayName: 'Text',
				name: 'text',
				type: 'string',
				default: '',
				routing: { request: { method: 'POST', url: '/echo' }, send: { type: 'body', property: 'text' } },
			},
		],
	},
};

describe('in-process harness', () => {
	let server: Server;
	let baseUrl: string;
	const seen: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = [];

	beforeAll(async () => {
		server = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				seen.push({ method: req.method, url: req.url, headers: req.headers, body });
				res.setHeader('content-type', 'application/json');
				if (req.headers['api-token'] !== 'osvidemotoken016') {
					res.statusCode = 401;
					res.end(JSON.stringify({ success: false, error: 'Invalid API token' }));
					return;
				}
				res.end(req.method === 'GET' ? '[]' : JSON.stringify({ echoed: JSON.parse(body || '{}') }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
	beforeEach(() => (seen.length = 0));

	test('runs a declarative node per input item with the credential header really sent', async () => {
		const result = await runNode({
			node: echoNode,
			parameters: { text: '={{ $json.say }}' },
			credentials: { osviApi: { apiToken: 'osvidemotoken016', baseUrl } },
			items: [{ json: { say: 'one' } }, { json: { say: 'two' } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ echoed: { text: 'one' } }, { echoed: { text: 'two' } }]);
		expect(seen).toHaveLength(2);
		expect(seen[0]).toMatchObject({ method: 'POST', url: '/echo' });
		expect(seen[0].headers['api-token']).toBe('osvidemotoken016');
	});

	test('reports the node error when the API refuses the request', async () => {
		const result = await runNode({
			node: echoNode,
			parameters: { text: 'x' },
			credentials: { osviApi: { apiToken: 'wrongwrongwrong0', baseUrl } },
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(/401|Authorization failed/i);
	});

	test('continue on fail turns the failure into an error item', async () => {
		const result = await runNode({
			node: echoNode,
			parameters: { text: 'x' },
			credentials: { osviApi: { apiToken: 'wrongwrongwrong0', baseUrl } },
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBeDefined();
	});

	test('credential test runs the credential class test request', async () => {
		const ok = await testCredential('osviApi', { apiToken: 'osvidemotoken016', baseUrl: `${baseUrl}/` });
		expect(ok.status).toBe('OK');
		expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/v1/active_agents' });
		const bad = await testCredential('osviApi', { apiToken: 'wrongwrongwrong0', baseUrl });
		expect(bad.status).toBe('Error');
	});
});
