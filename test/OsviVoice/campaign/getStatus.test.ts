import { DEMO, jsonOf, onlyRequest, osviRequests, runVoice, useSandbox } from '../helpers';

const sandbox = useSandbox();

describe('Campaign → Get Status', () => {
	test('returns the campaign, its calls by status and its uploads', async () => {
		const { items } = await runVoice(sandbox.current, { parameters: { resource: 'campaign', operation: 'getStatus', campaignId: '101' } });
		expect(onlyRequest(sandbox.current)).toMatchObject({ method: 'GET', path: '/v1/campaigns/101/status' });
		expect(jsonOf(items)).toEqual([
			{
				campaign: expect.objectContaining({ id: DEMO.campaigns.outbound, name: 'June renewals', status: 'active' }),
				calls: { total: 2, by_status: { picked: 1, not_picked: 1 } },
				uploads: [],
			},
		]);
	});

	test('an unknown campaign gives OSVI’s 404 and what to do', async () => {
		const { error } = await runVoice(sandbox.current, { parameters: { resource: 'campaign', operation: 'getStatus', campaignId: '999' } });
		expect(error?.message).toMatch(/\(404: Campaign not found\)\. Check the IDs in this node\./);
	});

	test('a campaign ID that is not a number fails before any request', async () => {
		const { error } = await runVoice(sandbox.current, { parameters: { resource: 'campaign', operation: 'getStatus', campaignId: '../calls' } });
		expect(error?.message).toMatch(/Campaign ID "..\/calls" is not a campaign ID/);
		expect(osviRequests(sandbox.current)).toHaveLength(0);
	});
});
