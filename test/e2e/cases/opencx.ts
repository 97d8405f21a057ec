// open.cx Session in a real n8n: contact → session → message with the AI's reply → history → close,
// and an error item.
import assert from 'node:assert/strict';

import { SANDBOX_SECRETS } from '../../../scripts/n8n/sandbox';
import { assertSubset, body, output, single, succeeded, UUID, type ExecutionCase } from '../context';

const QUESTION = 'Where is my order ord_123?';

export const openCxCases: ExecutionCase[] = [
	{
		name: 'open.cx: create contact → create session → send with Wait for AI Reply → history (Return All) → close',
		workflowId: 'e2eOpenCxConver1',
		check: async (run, { sandbox }) => {
			succeeded(run);
			const contactId = single(run, 'Create Contact').id as string;
			const sessionId = single(run, 'Create Session').id as string;
			assert.match(contactId, UUID);
			assert.match(sessionId, UUID);

			const sent = single(run, 'Send And Wait');
			assert.equal(sent.aiReply, `AI: ${QUESTION}`);
			assert.equal(sent.handedOff, false);
			assert.equal(sent.aiReplyTimedOut, false);
			const messageId = sent.messageId as string;
			assert.ok(messageId, 'the send returns the message ID');

			const history = output(run, 'History').map((i) => i.json);
			const contactMessage = history.find((e) => e.id === messageId);
			assert.deepEqual(pick(contactMessage, ['type', 'sender_type', 'text']), {
				type: 'message',
				sender_type: 'contact',
				text: QUESTION,
			});
			// No field links the reply to the message (the docs document none): it is the AI's next message.
			assert.ok(history.every((e) => !('in_reply_to' in e)), 'history carries no reply-linking field');
			const aiAnswer = history.slice(history.indexOf(contactMessage!) + 1).find((e) => e.sender_type === 'ai');
			assert.equal(aiAnswer?.text, `AI: ${QUESTION}`);

			const requests = await sandbox.requests('opencx');
			assert.ok(requests.every((r) => r.headers.authorization === `Bearer ${SANDBOX_SECRETS.openCxKey}`));
			const find = (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path);
			assert.deepEqual(body(find('POST', '/contacts')[0]), {
				contact: { name: 'Jamie Rivera', email: 'jamie.rivera@example.com', phone: '+15550003333', custom_data: { plan: 'pro' } },
			});
			assert.deepEqual(body(find('POST', '/chat/sessions')[0]), {
				contact_id: contactId,
				channel: { type: 'api' },
				custom_data: { order_id: 'ord_123' },
			});
			assert.deepEqual(body(find('POST', `/chat/sessions/${sessionId}/send`)[0]), {
				sender: 'contact',
				message: { type: 'text', text: QUESTION },
			});
			assert.ok(find('GET', `/chat/sessions/${sessionId}/history`).length >= 2, 'history read by the wait and by History');
			const closes = find('PATCH', `/chat/sessions/${sessionId}`);
			assert.equal(closes.length, 1, 'one PATCH although History returned many items (Execute Once)');
			assertSubset(body(closes[0]), { status: 'closed_resolved' }, 'close body');
			assert.deepEqual(pick(single(run, 'Close Session'), ['id', 'status']), { id: sessionId, status: 'closed_resolved' });
		},
	},
	{
		name: 'open.cx: Wait for AI Reply finds the reply when history comes newest first and its items carry no ids',
		workflowId: 'e2eOpenCxConver1',
		before: async ({ sandbox }) => await sandbox.openCxShapes({ historyOrder: 'newest-first', historyItemIds: false }),
		check: async (run, { sandbox }) => {
			succeeded(run);
			const sent = single(run, 'Send And Wait');
			assert.deepEqual(pick(sent, ['aiReply', 'handedOff', 'aiReplyTimedOut']), {
				aiReply: `AI: ${QUESTION}`,
				handedOff: false,
				aiReplyTimedOut: false,
			});
			const history = output(run, 'History').map((i) => i.json);
			assert.deepEqual(
				history.map((e) => [e.id, e.sender_type, e.text]),
				[
					[null, 'ai', `AI: ${QUESTION}`],
					[null, 'contact', QUESTION],
				],
				'the history as the sandbox served it: newest first, without ids',
			);
			const sessionId = single(run, 'Create Session').id as string;
			const polls = (await sandbox.requests('opencx')).filter((r) => r.method === 'GET' && r.path === `/chat/sessions/${sessionId}/history`);
			assert.ok(polls.length >= 2, 'history read by the wait and by History');
		},
	},
	{
		name: 'open.cx: with Continue On Fail an unknown session gives a not-found error item, and the flow goes on',
		workflowId: 'e2eOpenCxError01',
		check: async (run, { sandbox }) => {
			succeeded(run);
			const [item, ...rest] = output(run, 'Get Unknown Session');
			assert.equal(rest.length, 0);
			assert.match(String(item.json.error), /not found/i);
			assert.deepEqual(output(run, 'After Error').map((i) => i.json), [item.json]);
			const requests = await sandbox.requests('opencx');
			assert.deepEqual(
				requests.map((r) => [r.method, r.path, r.status]),
				[['GET', '/chat/sessions/5b1e7c6a-0d7e-4c1b-9a51-3f0c2d9e8a10', 404]],
			);
		},
	},
];

function pick(json: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(keys.map((k) => [k, json?.[k]]));
}
