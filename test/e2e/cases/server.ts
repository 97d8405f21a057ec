// What needs the n8n server (`n8n start`, as `npm start` runs it): the owner created from the
// environment, the credential types the editor receives, n8n's credential test against the
// sandbox, and the published webhook example answering over HTTP.
import assert from 'node:assert/strict';

import { majorOf, type N8nInstall } from '../../../scripts/n8n/install';
import type { N8nServer } from '../../../scripts/n8n/n8n';
import { DEMO_OWNER, ownerEnv } from '../../../scripts/n8n/owner';
import { PACKAGE_NAME } from '../../../scripts/n8n/package';
import { freePort } from '../../../scripts/n8n/proc';
import { SANDBOX_SECRETS } from '../../../scripts/n8n/sandbox';
import { CREDENTIAL_IDS } from '../../../scripts/n8n/fixtures';
import { routes, type E2eContext } from '../context';
import { CALL_AND_WAIT_EXAMPLE, voiceServerTests } from './voice';
import type { E2eTest } from '../run';
import { triggerChecks } from './triggers';

interface CredentialType {
	name: string;
	displayName: string;
	properties: Array<{ name: string; type: string; typeOptions?: { password?: boolean } }>;
	supportedNodes?: string[];
}

export function serverChecks(ctx: E2eContext, install: N8nInstall): { tests: E2eTest[]; stop: () => Promise<void> } {
	let server: N8nServer | undefined;
	const running = () => {
		assert.ok(server, 'n8n server did not start');
		return server;
	};

	/** n8n's credential test, as the editor's "Retry" / save runs it, for a stored credential. */
	const testCredential = async (id: string, override: Record<string, unknown> = {}) => {
		const stored = await running().rest<{ data: { id: string; name: string; type: string; data: Record<string, unknown> } }>(
			'GET',
			`/rest/credentials/${id}?includeData=true`,
		);
		assert.equal(stored.status, 200, `GET credential ${id}: ${JSON.stringify(stored.body)}`);
		const { name, type, data } = stored.body.data;
		const tested = await running().rest<{ data: { status: string; message: string } }>('POST', '/rest/credentials/test', {
			credentials: { id, name, type, data: { ...data, ...override } },
		});
		assert.equal(tested.status, 200, `credential test of ${id}: ${JSON.stringify(tested.body)}`);
		return tested.body.data;
	};

	const tests: E2eTest[] = [
		{
			name: 'n8n start: the owner can sign in; no setup form',
			run: async () => {
				// Published before start, so the server registers its webhook on boot.
				await ctx.n8n.publishWorkflow('exOsviSupportBot');
				await ctx.n8n.publishWorkflow(CALL_AND_WAIT_EXAMPLE);
				// n8n 2.17+ creates the owner from N8N_INSTANCE_OWNER_*; 1.x only through its set-up form.
				const ownerFromEnv = majorOf(install.version) >= 2;
				const port = await freePort();
				// Resume URLs ($execution.resumeUrl) name the loopback address the server listens on.
				const webhookUrl = { WEBHOOK_URL: `http://127.0.0.1:${port}/` };
				server = await ctx.n8n.start(port, ownerFromEnv ? { ...ownerEnv(install, DEMO_OWNER), ...webhookUrl } : webhookUrl);
				if (!ownerFromEnv) {
					const { email, firstName, lastName, password } = DEMO_OWNER;
					const setup = await server.rest('POST', '/rest/owner/setup', { email, firstName, lastName, password });
					assert.equal(setup.status, 200, `owner set-up: ${JSON.stringify(setup.body)}`);
				}
				const settings = await server.rest<{ data: { userManagement: { showSetupOnFirstLoad: boolean } } }>('GET', '/rest/settings');
				assert.equal(settings.body.data.userManagement.showSetupOnFirstLoad, false);
				await server.login(DEMO_OWNER.email, DEMO_OWNER.password);
				const me = await server.rest<{ data: { email: string; role: string } }>('GET', '/rest/login');
				assert.equal(me.body.data.email, DEMO_OWNER.email);
			},
		},
		{
			name: 'the editor receives both credential types, with secret fields masked and our nodes as users',
			run: async () => {
				const types = await running().rest<CredentialType[]>('GET', '/types/credentials.json');
				assert.equal(types.status, 200);
				const byName = new Map(types.body.map((t) => [t.name, t]));
				const expected = {
					osviApi: { displayName: 'OSVI API', fields: ['apiToken', 'baseUrl'], secret: 'apiToken', node: 'osviChat' },
					openCxApi: { displayName: 'open.cx API', fields: ['apiKey', 'baseUrl'], secret: 'apiKey', node: 'openCxSession' },
				};
				for (const [name, want] of Object.entries(expected)) {
					const type = byName.get(name);
					assert.ok(type, `${name} not among ${types.body.length} credential types`);
					assert.equal(type.displayName, want.displayName);
					// n8n appends its own fields (allowed domains) after the type's.
					assert.deepEqual(type.properties.map((p) => p.name).slice(0, want.fields.length), want.fields);
					assert.equal(type.properties.find((p) => p.name === want.secret)?.typeOptions?.password, true);
					if (type.supportedNodes) assert.ok(type.supportedNodes.includes(`${PACKAGE_NAME}.${want.node}`), JSON.stringify(type.supportedNodes));
				}
			},
		},
		{
			name: "n8n's credential test passes for both imported sandbox credentials, with each API's auth header",
			run: async () => {
				await ctx.sandbox.reset();
				assert.equal((await testCredential(CREDENTIAL_IDS.osvi)).status, 'OK');
				assert.equal((await testCredential(CREDENTIAL_IDS.opencx)).status, 'OK');
				const osvi = await ctx.sandbox.requests('osvi');
				assert.deepEqual(routes(osvi), ['GET /v1/active_agents']);
				assert.equal(osvi[0].headers['api-token'], SANDBOX_SECRETS.osviToken);
				const opencx = await ctx.sandbox.requests('opencx');
				assert.deepEqual(routes(opencx), ['GET /chat/sessions']);
				assert.equal(opencx[0].headers.authorization, `Bearer ${SANDBOX_SECRETS.openCxKey}`);
			},
		},
		{
			name: "n8n's credential test fails for a wrong OSVI token and a wrong open.cx key",
			run: async () => {
				assert.equal((await testCredential(CREDENTIAL_IDS.osvi, { apiToken: 'wrongtoken000000' })).status, 'Error');
				assert.equal((await testCredential(CREDENTIAL_IDS.opencx, { apiKey: 'ocx_live_wrong' })).status, 'Error');
			},
		},
		{
			name: 'example "OSVI support bot": the published webhook answers a customer with the agent\'s reply',
			run: async () => {
				await ctx.sandbox.reset();
				assert.ok(await running().waitForPostWebhook('osvi-support-bot'), 'the published webhook was never registered');
				const url = `${running().url}/webhook/osvi-support-bot`;
				const ask = async (message: string) => {
					const response = await fetch(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ customer_id: '+15551112222', message }),
						signal: AbortSignal.timeout(30_000),
					});
					assert.equal(response.status, 200, `webhook answered ${response.status}: ${await response.clone().text()}`);
					return (await response.json()) as { reply: string; session_id: string; help_requested: boolean };
				};
				const first = await ask('Hi! Do you ship to Canada?');
				assert.equal(first.reply, 'Thanks, you said: Hi! Do you ship to Canada?');
				assert.equal(first.help_requested, false);
				const second = await ask('Can a human call me?');
				assert.equal(second.session_id, first.session_id, 'the second message resumes the session');
				assert.equal(second.help_requested, true);
				const requests = await ctx.sandbox.requests('osvi');
				assert.deepEqual(routes(requests), ['POST /v1/chat/inbound', 'POST /v1/chat/inbound']);
				assert.deepEqual(requests[0].body, {
					agent_uuid: SANDBOX_SECRETS.agentUuid,
					customer_id: '+15551112222',
					content: 'Hi! Do you ship to Canada?',
				});
			},
		},
		...voiceServerTests(ctx, install, running),
		...triggerChecks(ctx, running, majorOf(install.version)),
	];
	return { tests, stop: async () => server?.stop() };
}
