// OSVI Voice in a real n8n: Start Call → Get Call → Get Recording with Download (n8n execute), the
// bulk-list example, and, on the n8n server, the call-and-wait example resumed by the sandbox's
// post-call POST to the Wait node's resume URL.
import assert from 'node:assert/strict';
import { dirname } from 'path';

import type { N8nInstall } from '../../../scripts/n8n/install';
import type { N8nServer } from '../../../scripts/n8n/n8n';
import { SANDBOX_SECRETS } from '../../../scripts/n8n/sandbox';
import { body, output, routes, single, succeeded, UUID, type E2eContext, type ExecutionCase } from '../context';
import type { E2eTest } from '../run';

const AGENT = SANDBOX_SECRETS.agentUuid;
/** The example the server runs; published before the server starts so its webhook is registered. */
export const CALL_AND_WAIT_EXAMPLE = 'exOsviVoiceCallW';

export const voiceCases: ExecutionCase[] = [
	{
		name: 'OSVI Voice: Start Call → Get Call → (call ends) → Get Recording with Download gives a binary item, fetched without the API token',
		workflowId: 'e2eOsviVoice0001',
		check: async (run, { sandbox }) => {
			succeeded(run);
			const callId = single(run, 'Start Call').call_id as string;
			assert.match(callId, UUID);
			const call = single(run, 'Get Call');
			assert.equal(call.call_id, callId);
			assert.equal(call.phone_number, '+919876543210');
			assert.ok(['in_progress', 'picked'].includes(call.status as string), `status ${String(call.status)}`);

			const [recording] = output(run, 'Get Recording');
			assert.equal(recording.json.call_id, callId);
			const binary = (recording as { binary?: Record<string, { mimeType?: string; fileName?: string }> }).binary?.data;
			assert.ok(binary, `no binary data: ${JSON.stringify(recording).slice(0, 300)}`);
			assert.equal(binary.mimeType, 'audio/mp4');
			assert.equal(binary.fileName, 'recording.mp4');

			const requests = await sandbox.requests('osvi');
			assert.deepEqual(routes(requests), [
				'POST /v1/call',
				`GET /v1/call/${callId}`,
				`GET /v1/call/${callId}/recording`,
				`GET /recordings/${callId}/recording.mp4`,
			]);
			assert.deepEqual(body(requests[0]), {
				agent_uuid: AGENT,
				phone_number: '9876543210',
				country_code: 'IN',
				person_name: 'Asha',
				additional_data: { crm_id: 'L-7' },
			});
			assert.equal(requests[2].headers['api-token'], SANDBOX_SECRETS.osviToken);
			assert.equal(requests[3].headers['api-token'], undefined, 'the recording download must not carry the API token');
			assert.equal(requests[3].status, 200);
		},
	},
	{
		name: 'example "OSVI Voice: add a list to a campaign": three leads in one request, with OSVI\'s counts',
		workflowId: 'exOsviVoiceBulkC',
		check: async (run, { sandbox }) => {
			succeeded(run);
			const result = single(run, 'Add to Campaign');
			assert.deepEqual(
				[result.contacts_received, result.contacts_accepted, result.duplicates_removed, result.dnd_skipped_count, result.first_item, result.last_item],
				[3, 2, 1, 0, 0, 2],
			);
			const requests = await sandbox.requests('osvi');
			assert.deepEqual(routes(requests), ['POST /v1/campaigns/101/contacts']);
			assert.equal((body(requests[0]).contacts as unknown[]).length, 3);
		},
	},
];

interface ExecutionSummary {
	id: string;
	status: string;
	workflowId: string;
}

/** n8n's executions of one workflow, newest first, as the editor lists them. */
async function executionsOf(server: N8nServer, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await server.rest<{ data: { results: ExecutionSummary[] } }>('GET', `/rest/executions?filter=${filter}`);
	assert.equal(answer.status, 200, `GET /rest/executions: ${JSON.stringify(answer.body).slice(0, 300)}`);
	return answer.body.data.results;
}

/** One execution's node outputs; n8n stores run data in its "flatted" format. */
async function runDataOf(server: N8nServer, install: N8nInstall, id: string): Promise<Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>> {
	const answer = await server.rest<{ data: { data: string } }>('GET', `/rest/executions/${id}`);
	assert.equal(answer.status, 200, `GET /rest/executions/${id}`);
	const flatted = require(require.resolve('flatted', { paths: [dirname(install.n8nBin)] })) as { parse: (text: string) => unknown };
	const data = flatted.parse(answer.body.data.data) as { resultData: { runData: Record<string, never> } };
	return data.resultData.runData;
}

const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
};

/** Needs the running server: the Wait node resumes through n8n's /webhook-waiting endpoint. */
export function voiceServerTests(ctx: E2eContext, install: N8nInstall, running: () => N8nServer): E2eTest[] {
	return [
		{
			name: 'example "OSVI Voice: call and wait": the sandbox\'s post-call POST resumes the Wait node, then Get Call and Get Transcript run',
			run: async () => {
				const server = running();
				await ctx.sandbox.reset();
				// Long enough for n8n to park the execution at the Wait node before the call "ends".
				await ctx.sandbox.voice({ callDurationMs: 3000 });
				const before = new Set((await executionsOf(server, CALL_AND_WAIT_EXAMPLE)).map((e) => e.id));
				assert.ok(await server.waitForPostWebhook('osvi-call-and-wait'), 'the published webhook was never registered');
				const started = await fetch(`${server.url}/webhook/osvi-call-and-wait`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ name: 'Asha', phone: '9876543210' }),
					signal: AbortSignal.timeout(30_000),
				});
				assert.equal(started.status, 200, `webhook answered ${started.status}: ${await started.clone().text()}`);

				const execution = await until('the execution to finish', async () => {
					const done = (await executionsOf(server, CALL_AND_WAIT_EXAMPLE)).find((e) => !before.has(e.id) && !['new', 'running', 'waiting'].includes(e.status));
					return done;
				});
				assert.equal(execution.status, 'success');

				const requests = await ctx.sandbox.requests('osvi');
				const started0 = requests[0];
				assert.equal(`${started0.method} ${started0.path}`, 'POST /v1/call');
				const webhookUrl = body(started0).webhook_url as string;
				assert.match(webhookUrl, new RegExp(`/webhook-waiting/${execution.id}`), 'the call\'s webhook is the execution\'s resume URL');
				const { deliveries } = await ctx.sandbox.voice();
				assert.equal(deliveries.length, 1, JSON.stringify(deliveries));
				assert.equal(deliveries[0].url, webhookUrl);
				assert.equal(deliveries[0].status, 200, `n8n answered the post-call POST with ${deliveries[0].status} ${deliveries[0].error ?? ''}`);

				const runData = await runDataOf(server, install, execution.id);
				const first = (node: string) => runData[node]?.[0]?.data?.main?.[0]?.[0]?.json;
				const id = first('Start Call')?.call_id as string;
				assert.match(id, UUID);
				const posted = first('Wait for the Call to End')?.body as Record<string, unknown> | undefined;
				assert.equal(posted?.call_log_id, id, 'the Wait node received the post-call body');
				assert.equal(posted?.call_status, 'picked');
				const call = first('Get Call');
				assert.equal(call?.status, 'picked');
				assert.deepEqual(call?.data_captured, { interested: 'captured interested' });
				assert.equal((first('Get Transcript')?.transcript as unknown[]).length, 3);
				assert.deepEqual(routes(requests), ['POST /v1/call', `GET /v1/call/${id}`, `GET /v1/call/${id}/transcript`]);
			},
		},
	];
}
