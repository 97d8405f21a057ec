// Shared setup for the OSVI Voice tests: one sandbox per test file, and the node run against it.
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { OsviVoice } from '../../nodes/OsviVoice/OsviVoice.node';
import { errorsOf, jsonOf, runNode, useSandbox, type RunNodeResult } from '../harness';
import { DEMO, type RecordedRequest, type Sandbox } from '../sandbox';

export { DEMO, errorsOf, jsonOf, useSandbox };
export type { Sandbox };
export const osviVoice = new OsviVoice();

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An agent typed By ID (a literal, or an expression such as `={{ $json.agent }}`). */
export const agentById = (value: string) => ({ __rl: true, mode: 'id', value });

export interface VoiceRun {
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	apiToken?: string;
}

/** Runs OSVI Voice once after a Manual Trigger, against the sandbox. */
export async function runVoice(sandbox: Sandbox, run: VoiceRun): Promise<RunNodeResult> {
	return await runNode({
		node: osviVoice,
		parameters: run.parameters,
		items: run.items,
		continueOnFail: run.continueOnFail,
		credentials: { osviApi: { apiToken: run.apiToken ?? DEMO.osviToken, baseUrl: sandbox.osviUrl } },
	});
}

/** The OSVI requests the node sent, in arrival order. */
export function osviRequests(sandbox: Sandbox): RecordedRequest[] {
	return sandbox.requestsTo('osvi');
}

/** The only OSVI request of the test; fails the test when there was not exactly one. */
export function onlyRequest(sandbox: Sandbox): RecordedRequest {
	const requests = osviRequests(sandbox);
	expect(requests).toHaveLength(1);
	return requests[0];
}

/** A call that has ended as picked, straight in the sandbox's state. */
export function endedCall(sandbox: Sandbox, phoneNumber = '+919876543210') {
	const call = sandbox.voice.startCall({ agentUuid: DEMO.agents.support, phoneNumber, personName: 'Asha' });
	sandbox.voice.cancelTimers();
	sandbox.voice.endCall(call, ['email']);
	return call;
}
