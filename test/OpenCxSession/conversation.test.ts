import type { IConnections, INode } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import workflow from './conversation.workflow.json';
import { DEMO, jsonOf, openCxSession, useSandbox } from './helpers';

describe('open.cx Session › a whole conversation as a workflow', () => {
	const sandbox = useSandbox({ aiReplyDelayMs: 20 });

	test('create a session per customer, get the AI answer to their question, then close the session', async () => {
		const customers = [
			{ name: 'Ana', email: 'ana@example.com', order: 'ord_1' },
			{ name: 'Ben', email: 'ben@example.com', order: 'ord_2' },
		];
		const result = await runWorkflow(
			{ nodes: workflow.nodes as INode[], connections: workflow.connections as IConnections },
			{
				nodeTypes: [openCxSession],
				items: customers.map((json) => ({ json })),
				credentials: { openCxApi: { apiKey: DEMO.opencxKey, baseUrl: sandbox.current.opencxUrl } },
			},
		);
		expect(result.error).toBeUndefined();

		const created = jsonOf(result.outputOf('Create Session'));
		expect(created).toHaveLength(2);
		const answers = jsonOf(result.outputOf('Ask the AI'));
		expect(answers.map((a) => [a.aiReply, a.aiReplyTimedOut])).toEqual([
			['AI: Where is order ord_1?', false],
			['AI: Where is order ord_2?', false],
		]);
		expect(jsonOf(result.outputOf('Close Session'))).toEqual(
			created.map((s) => ({ success: true, id: s.id, status: 'closed_resolved' })),
		);

		for (const [index, customer] of customers.entries()) {
			const session = sandbox.current.opencx.sessions.get(created[index].id as string);
			expect(session).toMatchObject({ status: 'closed_resolved', custom_data: { order_id: customer.order } });
			expect(sandbox.current.opencx.contacts.get(session?.contactId as string)?.email).toBe(customer.email);
		}
	});
});
