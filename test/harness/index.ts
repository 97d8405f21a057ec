/**
 * Runs workflows in-process through n8n-core's own engine (`WorkflowExecute`, and `RoutingNode` for
 * declarative nodes), exactly as the n8n app does, with the package's real credential classes.
 */
import { randomUUID } from 'crypto';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IConnections,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunData,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { HarnessCredentialsHelper, type CredentialStore } from './credentials';

export { credentialTypes, withDefaults } from './credentials';
export { testCredential } from './credential-test';
export { useSandbox } from './sandbox';

/** The prefix n8n gives a community package's node types. */
export const PACKAGE = 'n8n-nodes-osvi';
export const TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';
const TRIGGER_NAME = 'Manual Trigger';

/** Stands in for n8n's Manual Trigger; emits the items the test hands it (binary included). */
function manualTrigger(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Starts the workflow with the test items',
			defaults: { name: TRIGGER_NAME },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [items];
		},
	};
}

function nodeTypesOf(types: Record<string, INodeType | IVersionedNodeType>): INodeTypes {
	const find = (name: string) => {
		const type = types[name];
		if (!type) throw new Error(`The harness does not know node type ${name}`);
		return type;
	};
	return {
		getByName: find,
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(find(name), version),
		getKnownTypes: () => ({}),
	};
}

export function typeNameOf(node: INodeType): string {
	return `${PACKAGE}.${node.description.name}`;
}

export interface RunOptions {
	credentials?: CredentialStore;
	/** Our node types (or any other) the workflow uses; keyed in the workflow by `n8n-nodes-osvi.<name>`. */
	nodeTypes?: INodeType[];
	/** Items the Manual Trigger emits; default one empty item. */
	items?: INodeExecutionData[];
}

export interface WorkflowResult {
	run: IRun;
	runData: IRunData;
	/** The workflow's error, when a node failed the run. */
	error?: Error;
	/** A node's first output (main[0]) of its first run; [] if it did not run. */
	outputOf(nodeName: string): INodeExecutionData[];
	/** A node's error, when that node failed. */
	errorOf(nodeName: string): Error | undefined;
}

function additionalDataFor(
	credentials: CredentialStore,
	hooks?: ExecutionLifecycleHooks,
	executionId = randomUUID(),
): IWorkflowExecuteAdditionalData {
	// A plain object: n8n-core reads fields off it directly, and a catch-all Proxy breaks decryption.
	return {
		executionId,
		hooks,
		credentialsHelper: new HarnessCredentialsHelper(credentials),
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported by the harness');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Runs a workflow whose first node is a Manual Trigger (`n8n-nodes-base.manualTrigger`), as n8n's
 * editor does when you press "Execute workflow".
 */
export async function runWorkflow(
	workflowData: { nodes: INode[]; connections: IConnections },
	options: RunOptions = {},
): Promise<WorkflowResult> {
	const types: Record<string, INodeType> = {
		[TRIGGER_TYPE]: manualTrigger(options.items ?? [{ json: {} }]),
	};
	for (const type of options.nodeTypes ?? []) types[typeNameOf(type)] = type;

	const workflow = new Workflow({
		id: randomUUID(),
		name: 'harness',
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes: nodeTypesOf(types),
		settings: { executionOrder: 'v1' },
	});
	const startNode = workflowData.nodes.find((node) => node.type === TRIGGER_TYPE);
	if (!startNode) throw new Error('The workflow needs a Manual Trigger to start from');

	const workflowBase = {
		id: workflow.id,
		name: workflow.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowBase);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (fullRun: IRun) => resolve(fullRun));
	});
	const additionalData = additionalDataFor(options.credentials ?? {}, hooks, executionId);

	const execution = new WorkflowExecute(additionalData, 'manual');
	const returned = await execution.run({ workflow, startNode });
	const run = returned ?? (await finished);

	const runData = run.data.resultData.runData;
	const nodeError = (name: string) => runData[name]?.[0]?.error as Error | undefined;
	return {
		run,
		runData,
		error: run.data.resultData.error as Error | undefined,
		outputOf: (name) => runData[name]?.[0]?.data?.main?.[0] ?? [],
		errorOf: nodeError,
	};
}

export interface RunNodeOptions {
	node: INodeType;
	parameters: INodeParameters;
	credentials?: CredentialStore;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node setting "Execute Once": n8n runs the node for the first item only. */
	executeOnce?: boolean;
	/** The node settings "Retry On Fail", "Max. Tries" and "Wait Between Tries (ms)" (n8n turns 0 into 1000). */
	retryOnFail?: { maxTries: number; waitBetweenTries: number };
	typeVersion?: number;
	name?: string;
}

export interface RunNodeResult {
	/** The node's main[0] output. */
	items: INodeExecutionData[];
	/** The node's error when it failed the run (not set for Continue On Fail error items). */
	error?: Error;
	runData: IRunData;
}

/** Builds the node's INode: credentials of every type the node declares, named after the type. */
export function nodeFor(options: RunNodeOptions): INode {
	const description = options.node.description;
	const version = options.typeVersion ?? [description.version].flat().slice(-1)[0];
	const credentials = Object.fromEntries(
		(description.credentials ?? []).map((c) => [c.name, { id: `${c.name}-id`, name: c.name }]),
	);
	return {
		id: randomUUID(),
		name: options.name ?? description.defaults.name ?? description.displayName,
		type: typeNameOf(options.node),
		typeVersion: version,
		position: [200, 0],
		parameters: options.parameters,
		credentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.executeOnce ? { executeOnce: true } : {}),
		...(options.retryOnFail ? { retryOnFail: true, ...options.retryOnFail } : {}),
	};
}

/** Manual Trigger → the node, with the given input items. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const node = nodeFor(options);
	const trigger: INode = {
		id: randomUUID(),
		name: TRIGGER_NAME,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const result = await runWorkflow(
		{
			nodes: [trigger, node],
			connections: { [TRIGGER_NAME]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		},
		{ credentials: options.credentials, nodeTypes: [options.node], items: options.items },
	);
	return { items: result.outputOf(node.name), error: result.errorOf(node.name), runData: result.runData };
}

/** Calls one of the node's `methods.listSearch` functions the way the editor's resource locator does. */
export async function runListSearch(
	nodeType: INodeType,
	methodName: string,
	credentials: CredentialStore,
	filter?: string,
	parameters: INodeParameters = {},
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = nodeType.methods?.listSearch?.[methodName];
	if (!search) throw new Error(`${nodeType.description.name} has no list search ${methodName}`);
	const node = nodeFor({ node: nodeType, parameters });
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf({ [node.type]: nodeType }),
	});
	const additionalData = additionalDataFor(credentials);
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	return await search.call(context, filter, paginationToken);
}

/** Plain JSON of the items, for compact assertions. */
export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}

/** The error message of each output item (undefined for good items). */
export function errorsOf(items: INodeExecutionData[]): Array<string | undefined> {
	return items.map((item) => item.error?.message);
}

export type { CredentialStore, ICredentialDataDecryptedObject };

/** The canvas subtitle n8n's editor shows for a node with these parameters, evaluated as n8n does. */
export function subtitleFor(nodeType: INodeType, parameters: INodeParameters): string {
	const { description } = nodeType;
	const node: INode = {
		id: 'subtitle',
		name: 'Node',
		type: `${PACKAGE}.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf({ [node.type]: nodeType }),
	});
	return String(
		workflow.expression.getSimpleParameterValue(node, description.subtitle ?? '', 'manual', {}),
	);
}
