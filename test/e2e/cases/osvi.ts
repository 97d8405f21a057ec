// OSVI Chat in a real n8n: a whole v1 support conversation, the legacy endpoints, an error item.
import assert from 'node:assert/strict';

import { SANDBOX_SECRETS } from '../../../scripts/n8n/sandbox';
import { body, output, routes, single, succeeded, UUID, type ExecutionCase } from '../context';

const AGENT = SANDBOX_SECRETS.agentUuid;
const reply = (content: string) => `Thanks, you said: ${content}`;

export const osviCases: ExecutionCase[] = [
	{
		name: 'OSVI: with Retry On Fail, 3 messages, one answered 502 then 200 on the re-run: every customer message recorded once',
		workflowId: 'e2eOsviRetryOF01',
		before: async ({ sandbox }) => {
			// The chat engine turns the first message down once (nothing was done); the re-run sends only it.
			await sandbox.addFaults([
				{
					api: 'osvi',
					path: '/v1/chat/inbound',
					bodyIncludes: 'Hello once 0',
					kind: 'status',
					status: 502,
					body: { success: false, error: 'Python engine returned 503', upstream_body: { state: 'rejected', reason: 'engine_busy' } },
					times: 1,
				},
			]);
		},
		check: async (run, { sandbox }) => {
			succeeded(run);
			assert.deepEqual(
				output(run, 'Send With Retry On Fail').map((item) => item.json.reply),
				[0, 1, 2].map((i) => reply(`Hello once ${i}`)),
			);
			const sent = (await sandbox.requests('osvi')).filter((r) => r.path === '/v1/chat/inbound');
			const answered = sent.map((r) => `${String(body(r).content)}: ${r.status}`);
			// Try 1: three requests, the first turned down; try 2: only that one.
			assert.deepEqual(answered.slice(0, 3).sort(), ['Hello once 0: 502', 'Hello once 1: 200', 'Hello once 2: 200']);
			assert.deepEqual(answered.slice(3), ['Hello once 0: 200']);
			const delivered = answered.filter((line) => line.endsWith(': 200')).map((line) => line.split(':')[0]);
			assert.deepEqual(delivered.sort(), ['Hello once 0', 'Hello once 1', 'Hello once 2'], 'every customer message recorded once');
		},
	},
	{
		name: 'OSVI: create → two messages → get active → inject context → take over → operator message → hand back → close, in one session',
		workflowId: 'e2eOsviConvers01',
		check: async (run, { sandbox }) => {
			succeeded(run);
			const created = single(run, 'Create Session');
			const sessionId = created.id as string;
			assert.match(sessionId, UUID);
			assert.equal(created.customer_id, '+15550001111');

			assert.deepEqual(
				pick(single(run, 'First Message'), ['session_id', 'reply', 'help_requested', 'mode']),
				{ session_id: sessionId, reply: reply('Hi, my kettle arrived broken'), help_requested: false, mode: 'ai' },
			);
			// No session ID given: OSVI resumes the customer's active session, and flags the ask for a human.
			assert.deepEqual(pick(single(run, 'Second Message'), ['session_id', 'reply', 'help_requested']), {
				session_id: sessionId,
				reply: reply('Can I talk to a human, please?'),
				help_requested: true,
			});
			assert.deepEqual(pick(single(run, 'Get Active'), ['id', 'agent_uuid', 'help_requested']), {
				id: sessionId,
				agent_uuid: AGENT,
				help_requested: true,
			});
			assert.deepEqual(single(run, 'Inject Context').context, [
				'Ordered a blue kettle last week',
				'Voice call: customer sent a photo of the broken kettle',
			]);
			const takeover = single(run, 'Take Over');
			assert.equal(takeover.command, 'takeover');
			assert.ok(takeover.active_human, 'takeover names the active human');
			assert.equal(single(run, 'Operator Message').session_id, sessionId);
			assert.equal(single(run, 'Hand Back').command, 'end');
			assert.deepEqual(single(run, 'Close Session'), { state: 'ok', session_id: sessionId, command: 'close' });

			const requests = await sandbox.requests('osvi');
			const rail = `/v1/chat/session/${sessionId}`;
			assert.deepEqual(routes(requests), [
				'POST /v1/chat/session',
				'POST /v1/chat/inbound',
				'POST /v1/chat/inbound',
				'GET /v1/chat/session/active',
				`POST ${rail}/inject_context`,
				`POST ${rail}/support`,
				`POST ${rail}/support`,
				`POST ${rail}/support`,
				`POST ${rail}/support`,
			]);
			assert.ok(
				requests.every((r) => r.headers['api-token'] === SANDBOX_SECRETS.osviToken && r.status === 200),
				'every call carries the API-Token and succeeds',
			);
			assert.deepEqual(body(requests[0]), {
				agent_uuid: AGENT,
				customer_id: '+15550001111',
				input_fields: { first_name: 'Alex' },
				context: ['Ordered a blue kettle last week'],
			});
			assert.equal(body(requests[1]).session_id, sessionId);
			assert.equal(body(requests[2]).session_id, undefined);
			assert.deepEqual(requests[3].query, { customer_id: '+15550001111', agent_uuid: AGENT });
			assert.deepEqual(
				requests.slice(5).map((r) => body(r)),
				[
					{ command: 'takeover' },
					{ message: 'Hi Alex, Sam here. A replacement is on its way.' },
					{ command: 'end' },
					{ command: 'close' },
				],
			);
		},
	},
	{
		name: 'OSVI legacy: start → send → close passes the session ID along and returns reply and summary',
		workflowId: 'e2eOsviLegacy001',
		check: async (run, { sandbox }) => {
			succeeded(run);
			const started = single(run, 'Start Session');
			const sessionId = started.session_id as string;
			assert.match(sessionId, UUID);
			assert.equal(started.welcome_message, 'Hi! How can I help you today?');
			assert.deepEqual(pick(single(run, 'Send Message'), ['session_id', 'response']), {
				session_id: sessionId,
				response: reply('Do you ship to Canada?'),
			});
			assert.deepEqual(single(run, 'Close Session'), {
				session_id: sessionId,
				summary: 'Conversation with 1 customer message(s).',
			});
			const requests = await sandbox.requests('osvi');
			assert.deepEqual(routes(requests), [
				'POST /chat_sessions',
				'POST /chat_messages/send_message',
				`POST /chat_sessions/${sessionId}/close_session`,
			]);
			assert.deepEqual(
				requests.map((r) => body(r)),
				[
					{ agent_uuid: AGENT, metadata: { person_name: 'Robin' } },
					{ agent_uuid: AGENT, chat_session_id: sessionId, message: 'Do you ship to Canada?' },
					{ agent_uuid: AGENT },
				],
			);
		},
	},
	{
		name: 'OSVI: with Continue On Fail an archived agent gives an error item naming agent_archived, and the flow goes on',
		workflowId: 'e2eOsviError0001',
		check: async (run, { sandbox }) => {
			succeeded(run);
			const [item, ...rest] = output(run, 'Send To Archived Agent');
			assert.equal(rest.length, 0);
			assert.match(String(item.json.error), /archived/i);
			assert.match(String(item.json.error), /agent_archived/);
			assert.deepEqual(output(run, 'After Error').map((i) => i.json), [item.json]);
			const requests = await sandbox.requests('osvi');
			assert.deepEqual(
				requests.map((r) => [r.method, r.path, r.status]),
				[['POST', '/v1/chat/inbound', 422]],
			);
		},
	},
];

function pick(json: Record<string, unknown>, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(keys.map((k) => [k, json[k]]));
}
