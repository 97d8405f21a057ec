// Shared setup for the OSVI Voice tests: one sandbox per test file, and the node run against it.
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { OsviVoice } from '../../nodes/OsviVoice/OsviVoice.node';
import { errorsOf, jsonOf, runNode, useSandbox, type RunNodeResult } from '../harness';
import { DEMO, type Sandbox } from '../sandbox';

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

// Both OSVI nodes talk to the same API: the request readers are OSVI Chat's.
export { onlyRequest, osviRequests } from '../OsviChat/helpers';

/** A call that has ended as picked, straight in the sandbox's state. */
export function endedCall(sandbox: Sandbox, phoneNumber = '+919876543210') {
	const call = sandbox.voice.startCall({ agentUuid: DEMO.agents.support, phoneNumber, personName: 'Asha' });
	sandbox.voice.cancelTimers();
	sandbox.voice.endCall(call, ['email']);
	return call;
}
