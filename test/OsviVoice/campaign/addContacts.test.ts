import type { INodeExecutionData } from 'n8n-workflow';

import { agentById, DEMO, errorsOf, jsonOf, osviRequests, runVoice, useSandbox } from '../helpers';

const sandbox = useSandbox();
const CAMPAIGN = DEMO.campaigns.outbound;

const addContacts = (extra: Record<string, unknown> = {}) => ({
	resource: 'campaign',
	operation: 'addContacts',
	campaignId: String(CAMPAIGN),
	agent: agentById(DEMO.agents.support),
	...extra,
});

/** n distinct plausible Indian numbers. */
const people = (n: number): INodeExecutionData[] =>
	Array.from({ length: n }, (_, i) => ({ json: { phone: `9${String(i).padStart(9, '0')}`, person_name: `Person ${i}`, plan: 'Pro' } }));

const contactsSent = () => osviRequests(sandbox.current).map((r) => (r.body as { contacts: unknown[] }).contacts.length);

describe('Campaign → Add Contacts', () => {
	test('one request for a few items: phone, name and prompt variables from each item', async () => {
		const { items, error } = await runVoice(sandbox.current, {
			parameters: addContacts({
				variables: { variable: [{ key: 'plan', value: '={{ $json.plan }}' }] },
				enqueue: true,
			}),
			items: [
				{ json: { phone: '98765 43210', person_name: 'Asha', plan: 'Pro' } },
				{ json: { phone: '+919123456789', person_name: 'Ravi', plan: 'Basic' } },
				{ json: { phone: '9876543210', person_name: 'A', plan: 'Pro' } },
			],
		});
		expect(error).toBeUndefined();
		const [request, ...more] = osviRequests(sandbox.current);
		expect(more).toHaveLength(0);
		expect(request).toMatchObject({ method: 'POST', path: `/v1/campaigns/${CAMPAIGN}/contacts` });
		expect(request.headers['api-token']).toBe(DEMO.osviToken);
		expect(request.body).toEqual({
			agent_uuid: DEMO.agents.support,
			enqueue: true,
			contacts: [
				{ phone: '9876543210', person_name: 'Asha', plan: 'Pro' },
				{ phone: '+919123456789', person_name: 'Ravi', plan: 'Basic' },
				{ phone: '9876543210', person_name: 'A', plan: 'Pro' },
			],
		});
		expect(jsonOf(items)).toEqual([
			{
				campaign_upload_id: expect.any(Number),
				contacts_received: 3,
				contacts_accepted: 2,
				duplicates_removed: 1,
				enqueued: true,
				queued_calls: 2,
				dnd_skipped: [],
				dnd_skipped_count: 0,
				first_item: 0,
				last_item: 2,
			},
		]);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('Input Items As They Are sends each item whole, its other fields as prompt variables', async () => {
		sandbox.current.voice.dnd.push({ id: 1, agentUuid: DEMO.agents.support, phone: '+919000000001', reason: null, createdAt: new Date() });
		const { items } = await runVoice(sandbox.current, { parameters: addContacts({ contactSource: 'input' }), items: people(3) });
		expect(osviRequests(sandbox.current)[0].body).toEqual({
			agent_uuid: DEMO.agents.support,
			enqueue: false,
			contacts: jsonOf(people(3)),
		});
		expect(items[0].json).toMatchObject({ contacts_received: 3, contacts_accepted: 2, dnd_skipped_count: 1 });
	});

	test('25,000 items go out as exactly 3 requests of 10,000, 10,000 and 5,000, one output item each', async () => {
		const { items, error } = await runVoice(sandbox.current, { parameters: addContacts({ contactSource: 'input' }), items: people(25_000) });
		expect(error).toBeUndefined();
		expect(contactsSent()).toEqual([10_000, 10_000, 5_000]);
		expect(jsonOf(items).map((i) => [i.first_item, i.last_item, i.contacts_received, i.contacts_accepted, i.duplicates_removed])).toEqual([
			[0, 9_999, 10_000, 10_000, 0],
			[10_000, 19_999, 10_000, 10_000, 0],
			[20_000, 24_999, 5_000, 5_000, 0],
		]);
		expect(new Set(jsonOf(items).map((i) => i.campaign_upload_id)).size).toBe(3);
		expect(sandbox.current.voice.campaigns.get(CAMPAIGN)!.uploads.map((u) => u.contacts.length)).toEqual([10_000, 10_000, 5_000]);
	});

	test('with Continue On Fail a failed request is one error item naming its item range; the other chunks are added', async () => {
		sandbox.current.addFault({ api: 'osvi', path: `/v1/campaigns/${CAMPAIGN}/contacts`, kind: 'status', status: 500, times: 1 });
		const { items } = await runVoice(sandbox.current, {
			parameters: addContacts({ contactSource: 'input' }),
			items: people(25_000),
			continueOnFail: true,
		});
		expect(contactsSent()).toEqual([10_000, 10_000, 5_000]);
		expect(errorsOf(items)).toEqual([expect.stringMatching(/\(500: internal_server_error\).*\[items 0–9999\]$/), undefined, undefined]);
		expect(items[0].pairedItem).toHaveLength(10_000);
		expect(jsonOf(items.slice(1)).map((i) => i.contacts_accepted)).toEqual([10_000, 5_000]);
	});

	test('without Continue On Fail a failed request stops the node and says which items were already added', async () => {
		// Items from 10,000 on name a campaign OSVI does not know: the second request fails.
		const { error } = await runVoice(sandbox.current, {
			parameters: addContacts({ contactSource: 'input', campaignId: '={{ $itemIndex < 10000 ? "101" : "999" }}' }),
			items: people(15_000),
		});
		expect(contactsSent()).toEqual([10_000, 5_000]);
		expect(error?.message).toMatch(/404: Campaign not found.*\[items 10000–14999\]/);
		expect((error as { description?: string } | undefined)?.description).toMatch(/Already added before this failure: items 0–9999 \(upload \d+\)\./);
	});

	test('items for different campaigns go in separate requests, in input order', async () => {
		await runVoice(sandbox.current, {
			parameters: addContacts({ contactSource: 'input', campaignId: '={{ $json.campaign }}' }),
			items: [
				{ json: { phone: '9000000001', campaign: 101 } },
				{ json: { phone: '9000000002', campaign: 101 } },
				{ json: { phone: '9000000003', campaign: 102 } },
			],
		});
		expect(osviRequests(sandbox.current).map((r) => [r.path, (r.body as { contacts: unknown[] }).contacts.length])).toEqual([
			['/v1/campaigns/101/contacts', 2],
			['/v1/campaigns/102/contacts', 1],
		]);
	});

	describe('bad input fails before any request, naming the field and the item', () => {
		test.each([
			[{ phone: 'call me' }, /Phone Number "call me" is not a phone number.*\[item 1\]/],
			[{ phone: '' }, /Phone Number is empty.*\[item 1\]/],
		])('%p', async (bad, message) => {
			const input = people(3);
			input[1] = { json: { ...input[1].json, ...bad } };
			const { error } = await runVoice(sandbox.current, { parameters: addContacts(), items: input });
			expect(error?.message).toMatch(message);
			expect((error as { description?: string } | undefined)?.description).toMatch(/None of the 3 items was sent/);
			expect(osviRequests(sandbox.current)).toHaveLength(0);
		});

		test('a malformed campaign ID', async () => {
			const { error } = await runVoice(sandbox.current, { parameters: addContacts({ campaignId: 'june' }), items: people(1) });
			expect(error?.message).toMatch(/Campaign ID "june" is not a campaign ID/);
			expect(osviRequests(sandbox.current)).toHaveLength(0);
		});

		test('an input item without phone, with Input Items As They Are', async () => {
			const { error } = await runVoice(sandbox.current, { parameters: addContacts({ contactSource: 'input' }), items: [{ json: { name: 'x' } }] });
			expect(error?.message).toMatch(/The input item has no phone field/);
		});

		test('with Continue On Fail the bad item is an error item and the rest is sent in one request', async () => {
			const input = people(3);
			input[1] = { json: { phone: 'call me' } };
			const { items } = await runVoice(sandbox.current, { parameters: addContacts(), items: input, continueOnFail: true });
			expect(errorsOf(items)).toEqual([expect.stringMatching(/"call me"/), undefined]);
			expect(contactsSent()).toEqual([2]);
			expect(items[1].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		});
	});
});
