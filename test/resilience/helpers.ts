// The two nodes as n8n loads them (with n8n's own "Request Options": batching, timeout), run
// against one sandbox per test file.
import { DirectoryLoader } from 'n8n-core';
import type { INode, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { OpenCxSession } from '../../nodes/OpenCxSession/OpenCxSession.node';
import { OsviChat } from '../../nodes/OsviChat/OsviChat.node';
import {
	errorsOf,
	nodeFor,
	runNode,
	runWorkflow,
	TRIGGER_TYPE,
	type CredentialStore,
	type RunNodeOptions,
	type RunNodeResult,
	type WorkflowResult,
	useSandbox,
} from '../harness';
import { DEMO, type RecordedRequest, type Sandbox } from '../sandbox';

export { DEMO, type RecordedRequest, type Sandbox };

function asLoadedByN8n<T extends INodeType>(node: T): T {
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}

export const osviChat = asLoadedByN8n(new OsviChat());
export const openCxSession = asLoadedByN8n(new OpenCxSession());

export { errorsOf, useSandbox };

export interface Run {
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	executeOnce?: boolean;
	retryOnFail?: RunNodeOptions['retryOnFail'];
}

export const osviCredentials = (sandbox: Sandbox, apiToken: string = DEMO.osviToken): CredentialStore => ({
	osviApi: { apiToken, baseUrl: sandbox.osviUrl },
});

export const openCxCredentials = (sandbox: Sandbox, apiKey: string = DEMO.opencxKey): CredentialStore => ({
	openCxApi: { apiKey, baseUrl: sandbox.opencxUrl },
});

export const runOsvi = async (sandbox: Sandbox, run: Run): Promise<RunNodeResult> =>
	await runNode({ node: osviChat, credentials: osviCredentials(sandbox), ...run });

export const runOpenCx = async (sandbox: Sandbox, run: Run): Promise<RunNodeResult> =>
	await runNode({ node: openCxSession, credentials: openCxCredentials(sandbox), ...run });

/** Short waits, so retries cost milliseconds in tests; the policy is the same. */
export const FAST_RETRIES = { maxWait: 0.02 };

/** An agent typed By ID. */
export const agentById = (value: string) => ({ __rl: true, mode: 'id', value });

/** `METHOD /path` of each recorded request, in arrival order. */
export const routes = (requests: RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path}`);

/** n `{ json }` items built by `make`. */
export const itemsOf = <T extends object>(n: number, make: (i: number) => T): INodeExecutionData[] =>
	Array.from({ length: n }, (_, i) => ({ json: make(i) as INodeExecutionData['json'] }));

/** Manual Trigger → `node`: the whole n8n run (IRun), for checks on everything n8n keeps of it. */
export async function runWhole(node: INodeType, run: Run & { credentials: CredentialStore }): Promise<WorkflowResult> {
	const target = nodeFor({ node, parameters: run.parameters, continueOnFail: run.continueOnFail });
	const trigger: INode = { id: 'trigger', name: 'Start', type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
	return await runWorkflow(
		{ nodes: [trigger, target], connections: { Start: { main: [[{ node: target.name, type: 'main', index: 0 }]] } } },
		{ credentials: run.credentials, nodeTypes: [node], items: run.items },
	);
}
