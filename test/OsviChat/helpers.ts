// Shared setup for the OSVI Chat tests: one sandbox per test file, and the node run against it.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { OsviChat } from '../../nodes/OsviChat/OsviChat.node';
import { errorsOf, jsonOf, runNode, useSandbox, type RunNodeResult } from '../harness';
import { DEMO, type RecordedRequest, type Sandbox } from '../sandbox';

export { DEMO, errorsOf, jsonOf, useSandbox };
export const osviChat = new OsviChat();

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function credentialsFor(sandbox: Sandbox, apiToken: string = DEMO.osviToken) {
	return { osviApi: { apiToken, baseUrl: sandbox.osviUrl } };
}

/** An agent typed By ID (a literal, or an expression such as `={{ $json.agent }}`). */
export const agentById = (value: string) => ({ __rl: true, mode: 'id', value });

export interface OsviRun {
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	apiToken?: string;
}

/** Runs OSVI Chat once after a Manual Trigger, against the sandbox. */
export async function runOsvi(sandbox: Sandbox, run: OsviRun): Promise<RunNodeResult> {
	return await runNode({
		node: osviChat,
		parameters: run.parameters,
		items: run.items,
		continueOnFail: run.continueOnFail,
		credentials: credentialsFor(sandbox, run.apiToken),
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

/** Creates a v1 session straight in the sandbox's state, so a test starts from a known session. */
export function seedSession(sandbox: Sandbox, customerId = '+15551112222', agent: string = DEMO.agents.support) {
	return sandbox.osvi.createSession(agent, customerId, { first_name: 'Alex' }, ['Prefers email']);
}

export type { IDataObject, Sandbox };

/** Starts a legacy session straight in the sandbox's state. */
export function seedLegacySession(sandbox: Sandbox, agent: string = DEMO.agents.support) {
	const session = {
		id: sandbox.osvi.newId(),
		agentUuid: agent,
		metadata: {},
		startedAt: '2025-12-31T11:40:25.690486',
		closed: false,
		messages: [],
	};
	sandbox.osvi.legacySessions.set(session.id, session);
	return session;
}
