// Bad input fails its item before any request, with a message naming the field.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { agentById, DEMO, errorsOf, osviRequests, runOsvi, useSandbox } from '../helpers';

const sandbox = useSandbox();

const SESSION = '4718a326-417b-4dda-90d0-21fd65a11cb8';

const send = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	agent: agentById(DEMO.agents.support),
	customerId: '+15551112222',
	content: 'Hello',
	...extra,
});

const create = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'session',
	operation: 'create',
	agent: agentById(DEMO.agents.support),
	customerId: '+15551112222',
	...extra,
});

/** Values come from the input item through expressions, as from an AI agent or an earlier node. */
const badInputs: Record<string, { parameters: INodeParameters; item?: IDataObject; message: string }> = {
	'empty content': {
		parameters: send({ content: '={{ $json.text }}' }),
		item: { text: '   ' },
		message: 'Content is empty. Enter the customer’s message.',
	},
	'empty customer ID': {
		parameters: send({ customerId: '={{ $json.phone }}' }),
		item: { phone: '' },
		message: 'Customer ID is empty. Enter your ID for the customer, such as their phone number.',
	},
	'empty customer ID on Get Active': {
		parameters: { resource: 'session', operation: 'getActive', customerId: '={{ $json.phone }}' },
		item: { phone: '' },
		message: 'Customer ID is empty. Enter your ID for the customer, such as their phone number.',
	},
	'empty agent': {
		parameters: send({ agent: agentById('={{ $json.agent }}') }),
		item: { agent: '' },
		message: 'Agent is empty. Pick an agent from the list or enter its ID.',
	},
	'malformed agent ID': {
		parameters: send({ agent: agentById('={{ $json.agent }}') }),
		item: { agent: 'Support Bot' },
		message: 'Agent "Support Bot" is not an OSVI agent ID. Agent IDs look like agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og.',
	},
	'malformed agent ID on Get Active': {
		parameters: {
			resource: 'session',
			operation: 'getActive',
			customerId: '+15551112222',
			agent: agentById('={{ $json.agent }}'),
		},
		item: { agent: 'agent with spaces' },
		message:
			'Agent "agent with spaces" is not an OSVI agent ID. Agent IDs look like agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og.',
	},
	'malformed optional session ID on Send': {
		parameters: send({ sessionId: 'session-1' }),
		message: 'Session ID "session-1" is not a UUID. Use the ID from Session → Create or Get Active.',
	},
	'malformed session ID': {
		parameters: { resource: 'support', operation: 'takeover', sessionId: '../../v1/active_agents' },
		message:
			'Session ID "../../v1/active_agents" is not a UUID. Use the ID from Session → Create or Get Active.',
	},
	'empty session ID': {
		parameters: { resource: 'session', operation: 'close', sessionId: '={{ $json.id }}' },
		item: { id: '' },
		message: 'Session ID is empty. Use the ID from Session → Create or Get Active.',
	},
	'empty initial context entry': {
		parameters: create({ initialContext: ['Prefers email', ' '] }),
		message: 'Initial Context entry 2 is empty. Remove it or enter text.',
	},
	'empty injected context': {
		parameters: { resource: 'session', operation: 'injectContext', sessionId: SESSION, context: '={{ $json.note }}' },
		item: { note: '' },
		message: 'Context is empty. Enter the text to add to the session.',
	},
	'invalid JSON in input fields': {
		parameters: create({ inputFieldsMode: 'json', inputFieldsJson: '{"first_name": "Alex",}' }),
		message: 'Input Fields is not valid JSON.',
	},
	'a JSON array as input fields': {
		parameters: create({ inputFieldsMode: 'json', inputFieldsJson: '["Alex"]' }),
		message: 'Input Fields must be a JSON object, like {"first_name": "Alex"}.',
	},
	'an input field without a name': {
		parameters: create({ inputFields: { field: [{ key: 'first_name', value: 'Alex' }, { key: '', value: 'x' }] } }),
		message: 'Input Fields field 2 has no name. Enter a name or remove it.',
	},
	'empty operator message': {
		parameters: { resource: 'support', operation: 'tell', sessionId: SESSION, message: '={{ $json.text }}' },
		item: { text: '' },
		message: 'Message is empty. Enter the operator’s text.',
	},
	'empty legacy message': {
		parameters: {
			resource: 'legacy',
			operation: 'sendMessage',
			agent: agentById(DEMO.agents.support),
			sessionId: SESSION,
			message: '={{ $json.text }}',
		},
		item: { text: '' },
		message: 'Message is empty. Enter the customer’s message.',
	},
	'invalid JSON in legacy metadata': {
		parameters: {
			resource: 'legacy',
			operation: 'startSession',
			agent: agentById(DEMO.agents.support),
			metadataMode: 'json',
			metadataJson: 'person_name=Jane',
		},
		message: 'Metadata is not valid JSON.',
	},
};

describe('bad input', () => {
	test.each(Object.entries(badInputs))('%s fails before any request', async (_, bad) => {
		const result = await runOsvi(sandbox.current, {
			parameters: bad.parameters,
			items: [{ json: bad.item ?? {} }],
		});

		expect(result.error?.message).toBe(bad.message);
		expect(osviRequests(sandbox.current)).toEqual([]);
	});

	test.each(Object.entries(badInputs))(
		'%s with Continue On Fail is an error item and sends nothing',
		async (_, bad) => {
			const result = await runOsvi(sandbox.current, {
				parameters: bad.parameters,
				items: [{ json: bad.item ?? {} }],
				continueOnFail: true,
			});

			expect(result.items).toHaveLength(1);
			expect(result.items[0].error?.name).toBe('NodeOperationError');
			expect(result.items[0].error?.message).toBe(bad.message);
			expect(osviRequests(sandbox.current)).toEqual([]);
		},
	);

	test('with Continue On Fail, only the bad item is skipped and the others are sent in order', async () => {
		const result = await runOsvi(sandbox.current, {
			parameters: send({ content: '={{ $json.text }}' }),
			items: [{ json: { text: 'first' } }, { json: { text: '' } }, { json: { text: 'third' } }],
			continueOnFail: true,
		});

		expect(osviRequests(sandbox.current).map((r) => (r.body as { content: string }).content).sort()).toEqual([
			'first',
			'third',
		]);
		expect(errorsOf(result.items)).toEqual([undefined, 'Content is empty. Enter the customer’s message.', undefined]);
		expect(result.items[0].json.reply).toContain('first');
		expect(result.items[2].json.reply).toContain('third');
	});

	test('a literal malformed agent ID is caught by the editor’s check before the node runs', async () => {
		await expect(
			runOsvi(sandbox.current, { parameters: send({ agent: agentById('Support Bot') }) }),
		).rejects.toThrow('Not an OSVI agent ID; agent IDs start with agent_');
		expect(osviRequests(sandbox.current)).toEqual([]);
	});
});
