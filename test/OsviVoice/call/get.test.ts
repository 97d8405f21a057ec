import { DEMO, endedCall, jsonOf, onlyRequest, osviRequests, runVoice, useSandbox } from '../helpers';

const sandbox = useSandbox({ callDurationMs: 60_000 });

describe('Call → Get', () => {
	test('returns the call with its summary, extracted data and analysis', async () => {
		const call = endedCall(sandbox.current);
		const { items, error } = await runVoice(sandbox.current, { parameters: { resource: 'call', operation: 'get', callId: call.id } });
		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current)).toMatchObject({ method: 'GET', path: `/v1/call/${call.id}` });
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({
				call_id: call.id,
				agent_uuid: DEMO.agents.support,
				status: 'picked',
				phone_number: '+919876543210',
				caller_name: 'Asha',
				summary: expect.any(String),
				data_captured: { email: 'captured email' },
				post_call_analysis: { sentiment: 'positive', callback_required: false },
			}),
		]);
	});

	test('accepts the call_… form of the docs’ example too', async () => {
		const { error } = await runVoice(sandbox.current, { parameters: { resource: 'call', operation: 'get', callId: 'call_abc123xyz' } });
		expect(onlyRequest(sandbox.current).path).toBe('/v1/call/call_abc123xyz');
		expect(error?.message).toMatch(/OSVI could not find what the request names \(404: Call not found\)\. Check the IDs in this node\./);
	});

	test.each([['../calls'], ['abc def'], ['={{ "" }}'], ['7e0c1f7a-53c1-4b9f-9a57'], ['call_?x=1']])(
		'a malformed call ID %p fails before any request',
		async (callId) => {
			const { error } = await runVoice(sandbox.current, { parameters: { resource: 'call', operation: 'get', callId } });
			expect(error?.message).toMatch(/Call ID/);
			expect(osviRequests(sandbox.current)).toHaveLength(0);
		},
	);
});
