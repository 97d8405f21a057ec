// Shared setup for the open.cx Session tests: one sandbox per test file, the node run against it.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { OpenCxSession } from '../../nodes/OpenCxSession/OpenCxSession.node';
import { errorsOf, jsonOf, runNode, useSandbox, type RunNodeResult } from '../harness';
import { DEMO, type RecordedRequest, type Sandbox } from '../sandbox';

export { DEMO, errorsOf, jsonOf, useSandbox };
export const openCxSession = new OpenCxSession();

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const BEARER = `Bearer ${DEMO.opencxKey}`;

export interface OpenCxRun {
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	apiKey?: string;
}

/** Runs open.cx Session once after a Manual Trigger, against the sandbox. */
export async function runOpenCx(sandbox: Sandbox, run: OpenCxRun): Promise<RunNodeResult> {
	return await runNode({
		node: openCxSession,
		parameters: run.parameters,
		items: run.items,
		continueOnFail: run.continueOnFail,
		credentials: { openCxApi: { apiKey: run.apiKey ?? DEMO.opencxKey, baseUrl: sandbox.opencxUrl } },
	});
}

/** The open.cx requests the node sent, in arrival order. */
export function openCxRequests(sandbox: Sandbox): RecordedRequest[] {
	return sandbox.requestsTo('opencx');
}

/** The only open.cx request of the test; fails the test when there was not exactly one. */
export function onlyRequest(sandbox: Sandbox): RecordedRequest {
	const requests = openCxRequests(sandbox);
	expect(requests).toHaveLength(1);
	expect(requests[0].headers.authorization).toBe(BEARER);
	return requests[0];
}

/** A fixture session straight from the sandbox's state (newest-first order is not assumed). */
export function anySession(sandbox: Sandbox, predicate: (s: IDataObject) => boolean = () => true) {
	const found = [...sandbox.opencx.sessions.values()].find((s) => predicate(s as unknown as IDataObject));
	if (!found) throw new Error('no sandbox session matches');
	return found;
}

/** A fresh open session with no messages, so the AI's answers in a test are the test's own. */
export function newSession(sandbox: Sandbox) {
	return sandbox.opencx.createSession({ channel: 'api' });
}

export function anyContact(sandbox: Sandbox) {
	return [...sandbox.opencx.contacts.values()][0];
}

export type { IDataObject, Sandbox };
