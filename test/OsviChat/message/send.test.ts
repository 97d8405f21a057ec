import { agentById, DEMO, jsonOf, onlyRequest, osviRequests, runOsvi, seedSession, useSandbox, UUID } from '../helpers';

const sandbox = useSandbox();

const send = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	agent: agentById(DEMO.agents.support),
	customerId: '+15551112222',
	content: 'Where is my order?',
	...extra,
});

describe('Message → Send', () => {
	test('send message without session id resumes the customer’s session', async () => {
		const session = seedSession(sandbox.current);

		const { items, error } = await runOsvi(sandbox.current, { parameters: send() });

		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/inbound' });
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(request.body).toEqual({
			agent_uuid: DEMO.agents.support,
			customer_id: '+15551112222',
			content: 'Where is my order?',
		});
		expect(jsonOf(items)).toEqual([
			{
				session_id: session.id,
				reply: expect.any(String),
				state: 'default',
				mode: 'ai',
				help_requested: false,
			},
		]);
	});

	test('send message without any session starts one', async () => {
		const { items } = await runOsvi(sandbox.current, { parameters: send() });

		expect(items[0].json.session_id).toMatch(UUID);
		expect(sandbox.current.osvi.activeSession('+15551112222', DEMO.agents.support)?.id).toBe(items[0].json.session_id);
	});

	test('send message with a session id routes it to that session', async () => {
		const session = seedSession(sandbox.current);

		const { items } = await runOsvi(sandbox.current, { parameters: send({ sessionId: session.id }) });

		expect(onlyRequest(sandbox.current).body).toEqual({
			agent_uuid: DEMO.agents.support,
			customer_id: '+15551112222',
			content: 'Where is my order?',
			session_id: session.id,
		});
		expect(items[0].json.session_id).toBe(session.id);
	});

	test('a customer asking for a human comes back with help_requested', async () => {
		const { items } = await runOsvi(sandbox.current, {
			parameters: send({ content: 'I want to talk to a human agent please' }),
		});

		expect(items[0].json).toMatchObject({ help_requested: true, mode: 'ai' });
	});

	test('3 input items send 3 messages and give 3 replies in input order', async () => {
		const { items, error } = await runOsvi(sandbox.current, {
			parameters: send({ customerId: '={{ $json.customer }}', content: '={{ $json.text }}' }),
			items: [
				{ json: { customer: '+1001', text: 'first' } },
				{ json: { customer: '+1002', text: 'second' } },
				{ json: { customer: '+1003', text: 'third' } },
			],
		});

		expect(error).toBeUndefined();
		const bodies = osviRequests(sandbox.current).map((r) => r.body);
		expect(bodies).toHaveLength(3);
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ agent_uuid: DEMO.agents.support, customer_id: '+1001', content: 'first' },
				{ agent_uuid: DEMO.agents.support, customer_id: '+1002', content: 'second' },
				{ agent_uuid: DEMO.agents.support, customer_id: '+1003', content: 'third' },
			]),
		);
		const replies = jsonOf(items).map((r) => r.reply as string);
		expect(replies).toHaveLength(3);
		['first', 'second', 'third'].forEach((text, i) => expect(replies[i]).toContain(text));
		const sessionOf = (customer: string) =>
			sandbox.current.osvi.activeSession(customer, DEMO.agents.support)?.id;
		expect(jsonOf(items).map((r) => r.session_id)).toEqual([sessionOf('+1001'), sessionOf('+1002'), sessionOf('+1003')]);
	});
});
