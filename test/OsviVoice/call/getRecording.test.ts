import { DEMO, endedCall, osviRequests, runVoice, useSandbox } from '../helpers';

const sandbox = useSandbox({ callDurationMs: 60_000 });

describe('Call → Get Recording', () => {
	test('returns the presigned link and its expiry', async () => {
		const call = endedCall(sandbox.current);
		const { items } = await runVoice(sandbox.current, { parameters: { resource: 'call', operation: 'getRecording', callId: call.id } });
		expect(osviRequests(sandbox.current).map((r) => r.path)).toEqual([`/v1/call/${call.id}/recording`]);
		expect(items[0].json).toEqual({ call_id: call.id, recording_url: expect.stringContaining('/recordings/'), expires_in_seconds: 900 });
		expect(items[0].binary).toBeUndefined();
	});

	test('Download fetches the audio into a binary property, without sending the API token', async () => {
		const call = endedCall(sandbox.current);
		const { items, error } = await runVoice(sandbox.current, {
			parameters: { resource: 'call', operation: 'getRecording', callId: call.id, download: true, binaryPropertyName: 'audio' },
		});
		expect(error).toBeUndefined();
		const [meta, download] = osviRequests(sandbox.current);
		expect(meta.headers['api-token']).toBe(DEMO.osviToken);
		expect(download.path).toBe(`/recordings/${call.id}/recording.mp4`);
		expect(download.headers['api-token']).toBeUndefined();
		const binary = items[0].binary?.audio;
		expect(binary).toMatchObject({ mimeType: 'audio/mp4', fileName: 'recording.mp4', fileExtension: 'mp4' });
		expect(Buffer.from(binary!.data, 'base64').subarray(4, 8).toString()).toBe('ftyp');
		expect(items[0].json.call_id).toBe(call.id);
	});

	test('a refused download says the link expires and what to do', async () => {
		const call = endedCall(sandbox.current);
		sandbox.current.addFault({ api: 'osvi', path: `/recordings/${call.id}/recording.mp4`, kind: 'status', status: 403, body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>' });
		const { error } = await runVoice(sandbox.current, {
			parameters: { resource: 'call', operation: 'getRecording', callId: call.id, download: true, binaryPropertyName: 'data' },
		});
		expect(error?.message).toMatch(/The recording download failed \(403: Request has expired\)\. Recording links expire after 15 minutes/);
	});

	test('a call without a recording gives OSVI’s 404', async () => {
		const call = endedCall(sandbox.current, '+919876540002');
		const { error } = await runVoice(sandbox.current, { parameters: { resource: 'call', operation: 'getRecording', callId: call.id } });
		expect(error?.message).toMatch(/404: Recording not found/);
	});
});
