// One support conversation across eight OSVI Chat nodes, each reading IDs from the steps before it.
import type { IConnections, INode, INodeParameters } from 'n8n-workflow';

import { nodeFor, runWorkflow, TRIGGER_TYPE } from '../harness';
import { agentById, credentialsFor, DEMO, osviChat, osviRequests, useSandbox, UUID } from './helpers';

const sandbox = useSandbox();

const sessionIdFromCreate = "={{ $('Create Session').item.json.id }}";

const steps: Array<[name: string, parameters: INodeParameters]> = [
	[
		'Create Session',
		{
			resource: 'session',
			operation: 'create',
			agent: agentById(DEMO.agents.support),
			customerId: '={{ $json.phone }}',
			inputFields: { field: [{ key: 'first_name', value: '={{ $json.name }}' }] },
			initialContext: ['Ordered a blue kettle last week'],
		},
	],
	[
		'Customer Asks',
		{
			resource: 'message',
			operation: 'send',
			agent: agentById(DEMO.agents.support),
			customerId: "={{ $('Trigger').item.json.phone }}",
			content: 'My kettle arrived broken, can I talk to a human?',
		},
	],
	[
		'Get Active',
		{
			resource: 'session',
			operation: 'getActive',
			customerId: "={{ $('Trigger').item.json.phone }}",
			agent: agentById(DEMO.agents.support),
		},
	],
	[
		'Inject Call Summary',
		{
			resource: 'session',
			operation: 'injectContext',
			sessionId: '={{ $json.id }}',
			context: 'Voice call: customer sent a photo of the broken kettle',
		},
	],
	['Take Over', { resource: 'support', operation: 'takeover', sessionId: sessionIdFromCreate }],
	[
		'Operator Replies',
		{
			resource: 'support',
			operation: 'sendMessage',
			sessionId: sessionIdFromCreate,
			message: '=Hi {{ $("Trigger").item.json.name }}, Sam here. A replacement is on its way.',
		},
	],
	['Hand Back', { resource: 'support', operation: 'end', sessionId: sessionIdFromCreate }],
	['Close Session', { resource: 'session', operation: 'close', sessionId: sessionIdFromCreate }],
];

function chain(): { nodes: INode[]; connections: IConnections } {
	const trigger: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodes = [trigger, ...steps.map(([name, parameters]) => nodeFor({ node: osviChat, name, parameters }))];
	const connections: IConnections = {};
	nodes.slice(0, -1).forEach((node, i) => {
		connections[node.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	});
	return { nodes, connections };
}

describe('a support conversation across steps', () => {
	test('create → send → get active → inject → takeover → operator message → hand back → close', async () => {
		const result = await runWorkflow(chain(), {
			credentials: credentialsFor(sandbox.current),
			nodeTypes: [osviChat],
			items: [{ json: { phone: '+15551112222', name: 'Alex' } }],
		});

		expect(result.error).toBeUndefined();
		const requests = osviRequests(sandbox.current);
		const sessionId = result.outputOf('Create Session')[0].json.id as string;
		expect(sessionId).toMatch(UUID);
		const rail = `/v1/chat/session/${sessionId}`;

		expect(requests.map((r) => [r.method, r.path, r.body ?? r.query])).toEqual([
			[
				'POST',
				'/v1/chat/session',
				{
					agent_uuid: DEMO.agents.support,
					customer_id: '+15551112222',
					input_fields: { first_name: 'Alex' },
					context: ['Ordered a blue kettle last week'],
				},
			],
			[
				'POST',
				'/v1/chat/inbound',
				{
					agent_uuid: DEMO.agents.support,
					customer_id: '+15551112222',
					content: 'My kettle arrived broken, can I talk to a human?',
				},
			],
			['GET', '/v1/chat/session/active', { customer_id: '+15551112222', agent_uuid: DEMO.agents.support }],
			['POST', `${rail}/inject_context`, { context: 'Voice call: customer sent a photo of the broken kettle' }],
			['POST', `${rail}/support`, { command: 'takeover' }],
			['POST', `${rail}/support`, { message: 'Hi Alex, Sam here. A replacement is on its way.' }],
			['POST', `${rail}/support`, { command: 'end' }],
			['POST', `${rail}/support`, { command: 'close' }],
		]);
		expect(requests.every((r) => r.headers['api-token'] === DEMO.osviToken)).toBe(true);

		expect(result.outputOf('Customer Asks')[0].json).toMatchObject({
			session_id: sessionId,
			help_requested: true,
			mode: 'ai',
		});
		expect(result.outputOf('Get Active')[0].json).toMatchObject({
			id: sessionId,
			agent_uuid: DEMO.agents.support,
			help_requested: true,
		});
		expect(result.outputOf('Inject Call Summary')[0].json).toEqual({
			session_id: sessionId,
			context: ['Ordered a blue kettle last week', 'Voice call: customer sent a photo of the broken kettle'],
		});
		expect(result.outputOf('Take Over')[0].json).toMatchObject({ command: 'takeover', active_human: expect.any(String) });
		expect(result.outputOf('Operator Replies')[0].json).toMatchObject({ state: 'ok', session_id: sessionId });
		expect(result.outputOf('Hand Back')[0].json).toMatchObject({ command: 'end', active_human: null });
		expect(result.outputOf('Close Session')[0].json).toEqual({ state: 'ok', session_id: sessionId, command: 'close' });

		const session = sandbox.current.osvi.sessions.get(sessionId)!;
		expect(session.status).toBe('closed');
		expect(session.messages.map((m) => [m.role, m.text])).toEqual([
			['customer', 'My kettle arrived broken, can I talk to a human?'],
			['agent', expect.any(String)],
			['operator', 'Hi Alex, Sam here. A replacement is on its way.'],
		]);
	});
});
