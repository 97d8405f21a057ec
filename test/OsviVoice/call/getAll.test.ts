import { DEMO, jsonOf, osviRequests, runVoice, useSandbox } from '../helpers';

const sandbox = useSandbox({ callDurationMs: 60_000 });
const getAll = (extra: Record<string, unknown> = {}) => ({ resource: 'call', operation: 'getAll', ...extra });

describe('Call → Get Many', () => {
	test('Return All follows the pages, 100 a page, until the last page', async () => {
		sandbox.current.voice.seedCalls(194);
		const { items } = await runVoice(sandbox.current, { parameters: getAll({ returnAll: true }) });
		expect(items).toHaveLength(200);
		expect(osviRequests(sandbox.current).map((r) => r.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
		]);
		expect(new Set(jsonOf(items).map((c) => c.call_id)).size).toBe(200);
	});

	test('a Limit asks for no more than it needs', async () => {
		const { items } = await runVoice(sandbox.current, { parameters: getAll({ limit: 4 }) });
		expect(items).toHaveLength(4);
		expect(osviRequests(sandbox.current).map((r) => r.query)).toEqual([{ page: '1', per_page: '4' }]);
		expect(items[0].json).toEqual(
			expect.objectContaining({ call_id: expect.any(String), status: 'picked', created_at: expect.stringMatching(/\+05:30$/) }),
		);
	});

	test('sends every filter as OSVI names it', async () => {
		const { items, error } = await runVoice(sandbox.current, {
			parameters: getAll({
				returnAll: true,
				filters: {
					status: ['picked', 'not_picked'],
					agent: DEMO.agents.support,
					campaignId: 101,
					phoneNumber: '98765',
					callType: 'outbound',
					startDate: '2000-01-01',
					endDate: '2099-12-31T23:59:59+05:30',
				},
			}),
		});
		expect(error).toBeUndefined();
		expect(osviRequests(sandbox.current)[0].query).toEqual({
			status: 'picked,not_picked',
			agent_uuid: DEMO.agents.support,
			campaign_id: '101',
			phone_number: '98765',
			call_type: 'outbound',
			start_date: '2000-01-01',
			end_date: '2099-12-31T23:59:59+05:30',
			page: '1',
			per_page: '100',
		});
		expect(jsonOf(items).map((c) => [c.status, c.campaign_id])).toEqual([['picked', 101]]);
	});

	test('an empty status list sends no status', async () => {
		await runVoice(sandbox.current, { parameters: getAll({ limit: 1, filters: { status: [] } }) });
		expect(osviRequests(sandbox.current)[0].query).toEqual({ page: '1', per_page: '1' });
	});

	test.each([
		[{ startDate: 'last monday' }, /Start Date "last monday" is not a date/],
		[{ agent: 'support' }, /Agent "support" is not an OSVI agent ID/],
		[{ campaignUploadId: 1.5 }, /Campaign Upload ID must be a whole number/],
	])('bad filter %p fails before any request', async (filters, message) => {
		const { error } = await runVoice(sandbox.current, { parameters: getAll({ filters }) });
		expect(error?.message).toMatch(message);
		expect(osviRequests(sandbox.current)).toHaveLength(0);
	});

	test('an agent not on the account gives OSVI’s 404 with what to do', async () => {
		const { error } = await runVoice(sandbox.current, { parameters: getAll({ filters: { agent: 'agent_Elsewhere_9' } }) });
		expect(error?.message).toMatch(/agent_not_found/);
	});
});
