// The example workflows (examples/*.json) that start by hand, run as a user would run them.
// The webhook example runs in the server checks; the AI Agent example is validated in load.ts.
import assert from 'node:assert/strict';

import { assertSubset, body, output, routes, single, succeeded, type ExecutionCase } from '../context';

export const exampleCases: ExecutionCase[] = [
	{
		name: 'example "OSVI escalation": a customer asking for a human is taken over and greeted by the operator',
		workflowId: 'exOsviEscalation',
		check: async (run, { sandbox }) => {
			succeeded(run);
			const sent = single(run, 'Send to Agent');
			assert.equal(sent.help_requested, true);
			assert.equal(sent.reply, 'Thanks, you said: My parcel is lost. Can I talk to a human?');
			assert.equal(output(run, 'Help Requested?', 0).length, 1, 'the IF sends the item down "true"');
			assert.equal(run.runData['Agent Answered'], undefined, 'the "false" branch does not run');
			assert.equal(single(run, 'Take Over').command, 'takeover');
			assert.equal(single(run, 'Greet as Operator').session_id, sent.session_id);

			const requests = await sandbox.requests('osvi');
			const rail = `/v1/chat/session/${sent.session_id}/support`;
			assert.deepEqual(routes(requests), ['POST /v1/chat/inbound', `POST ${rail}`, `POST ${rail}`]);
			assert.deepEqual(body(requests[1]), { command: 'takeover', message: 'Escalated by n8n: the customer asked for a human' });
			assert.deepEqual(body(requests[2]), {
				message: "Hi Casey, this is Sam from the support team. I'm looking into your parcel now.",
			});
		},
	},
	{
		name: 'example "open.cx session and AI reply": the AI answer comes back and the session is resolved',
		workflowId: 'exOpenCxAskReply',
		check: async (run, { sandbox }) => {
			succeeded(run);
			const sessionId = single(run, 'Start Session').id as string;
			assert.deepEqual(single(run, 'Answer'), { answer: 'AI: How do I reset my password?', sessionId });
			assert.equal(run.runData['Human Takes It'], undefined);
			assert.equal(single(run, 'Resolve Session').status, 'closed_resolved');

			const requests = await sandbox.requests('opencx');
			const created = requests.find((r) => r.method === 'POST' && r.path === '/chat/sessions');
			assert.deepEqual(body(created), {
				contact: { name: 'Jordan Lee', email: 'jordan.lee@example.com' },
				channel: { type: 'api' },
			});
			const patches = requests.filter((r) => r.method === 'PATCH');
			assert.deepEqual(routes(patches), [`PATCH /chat/sessions/${sessionId}`]);
			assertSubset(body(patches[0]), { status: 'closed_resolved' }, 'close body');
		},
	},
];
