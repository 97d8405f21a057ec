import { endedCall, jsonOf, onlyRequest, runVoice, useSandbox } from '../helpers';

const sandbox = useSandbox({ callDurationMs: 60_000 });
const parameters = (callId: string, splitTurns = false) => ({ resource: 'call', operation: 'getTranscript', callId, splitTurns });

describe('Call → Get Transcript', () => {
	test('one item with the whole transcript', async () => {
		const call = endedCall(sandbox.current);
		const { items } = await runVoice(sandbox.current, { parameters: parameters(call.id) });
		expect(onlyRequest(sandbox.current)).toMatchObject({ method: 'GET', path: `/v1/call/${call.id}/transcript` });
		expect(jsonOf(items)).toHaveLength(1);
		expect(items[0].json.call_id).toBe(call.id);
		expect(items[0].json.transcript).toHaveLength(3);
	});

	test.each([
		['roleContent', { role: 'user', content: 'Yes, go ahead.', timestamp: expect.stringMatching(/\+05:30$/) }],
		['speakerText', { speaker: 'User', text: 'Yes, go ahead.', start_time: 3 }],
	] as const)('One Item per Turn passes each turn through as OSVI sent it (%s turns)', async (shape, second) => {
		sandbox.current.voice.transcriptShape = shape;
		const call = endedCall(sandbox.current);
		const { items } = await runVoice(sandbox.current, { parameters: parameters(call.id, true) });
		expect(items).toHaveLength(3);
		expect(items[1].json).toEqual(second);
	});

	test('a call nobody answered has an empty transcript: one item, or no items per turn', async () => {
		const call = endedCall(sandbox.current, '+919876540001');
		expect(jsonOf((await runVoice(sandbox.current, { parameters: parameters(call.id) })).items)).toEqual([
			{ call_id: call.id, transcript: [] },
		]);
		expect((await runVoice(sandbox.current, { parameters: parameters(call.id, true) })).items).toEqual([]);
	});
});
