// The benchmark's workflows: each side of a comparison gets the same trigger and the same input
// items, then either our node or n8n's HTTP Request node making the same calls.
import type { WorkflowFile } from '../n8n/n8n';
import { CREDENTIAL_IDS } from '../n8n/fixtures';
import { SANDBOX_SECRETS } from '../n8n/sandbox';

export type Side = 'ours' | 'theirs';
export type Settings = 'default' | 'batch50';

/** The node whose run data is measured, on both sides. */
export const MEASURED_NODE = 'Measured';
/** Split Out after the HTTP Request pages, so both sides end with one item per session. */
export const SPLIT_NODE = 'Split Out';
const TRIGGER = 'Start';
const ITEMS = 'Items';

const HTTP_REQUEST_VERSION = 4.5;
const BATCH = { batch: { batchSize: 50, batchInterval: 0 } };

const credential = {
	osviApi: { osviApi: { id: CREDENTIAL_IDS.osvi, name: 'OSVI sandbox' } },
	openCxApi: { openCxApi: { id: CREDENTIAL_IDS.opencx, name: 'open.cx sandbox' } },
};

type Node = WorkflowFile['nodes'][number];

/** n8n accepts any 16-character id; these stay readable in n8n's logs. */
function workflowId(...parts: Array<string | number>): string {
	const id = `bench${parts.join('')}`.replace(/[^A-Za-z0-9]/g, '');
	if (id.length > 16) throw new Error(`workflow id ${id} is longer than 16 characters`);
	return id.padEnd(16, '0');
}

function node(name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, x: number, extra = {}): Node {
	return { id: `${name.toLowerCase().replace(/\W/g, '-')}-${x}`, name, type, typeVersion, position: [x, 0], parameters, ...extra };
}

function chain(id: string, name: string, nodes: Node[]): WorkflowFile {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, nodes, connections, active: false, settings: { executionOrder: 'v1' } };
}

const trigger = () => node(TRIGGER, 'n8n-nodes-base.manualTrigger', 1, {}, 0);

/** N customers, one message each; built inside the workflow so both sides start from the same items. */
const customerItems = (count: number) =>
	node(
		ITEMS,
		'n8n-nodes-base.code',
		2,
		{
			jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { customerId: 'bench-' + i, content: 'Where is my order ' + i + '?' } }));`,
		},
		200,
	);

export interface SendCase {
	kind: 'send';
	side: Side;
	items: number;
	settings: Settings;
}

export interface GetAllCase {
	kind: 'getAll';
	side: Side;
}

/** Boot, trigger and a one-item Code node: what every run costs before the measured node starts. */
export function baselineWorkflow(): WorkflowFile {
	return chain(workflowId('Base'), 'bench: baseline (boot only)', [trigger(), customerItems(1)]);
}

export function sendWorkflow(c: SendCase, osviUrl: string): WorkflowFile {
	const measured =
		c.side === 'ours'
			? node(
					MEASURED_NODE,
					'n8n-nodes-osvi.osviChat',
					1,
					{
						resource: 'message',
						operation: 'send',
						agent: { __rl: true, mode: 'id', value: SANDBOX_SECRETS.agentUuid },
						customerId: '={{ $json.customerId }}',
						content: '={{ $json.content }}',
						...(c.settings === 'batch50' ? { requestOptions: { batching: BATCH } } : {}),
					},
					400,
					{ credentials: credential.osviApi },
				)
			: node(
					MEASURED_NODE,
					'n8n-nodes-base.httpRequest',
					HTTP_REQUEST_VERSION,
					{
						method: 'POST',
						url: `${osviUrl}/v1/chat/inbound`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'osviApi',
						sendBody: true,
						specifyBody: 'keypair',
						bodyParameters: {
							parameters: [
								{ name: 'agent_uuid', value: SANDBOX_SECRETS.agentUuid },
								{ name: 'customer_id', value: '={{ $json.customerId }}' },
								{ name: 'content', value: '={{ $json.content }}' },
							],
						},
						options: c.settings === 'batch50' ? { batching: BATCH } : {},
					},
					400,
					{ credentials: credential.osviApi },
				);
	return chain(
		workflowId('S', c.side === 'ours' ? 'O' : 'H', c.items, c.settings === 'batch50' ? 'B' : 'D'),
		`bench: Send Message, ${c.side}, ${c.items} items, ${c.settings}`,
		[trigger(), customerItems(c.items), measured],
	);
}

export function getAllWorkflow(c: GetAllCase, opencxUrl: string): WorkflowFile {
	const nodes =
		c.side === 'ours'
			? [
					node(
						MEASURED_NODE,
						'n8n-nodes-osvi.openCxSession',
						1,
						{ resource: 'session', operation: 'getAll', returnAll: true, filters: {} },
						200,
						{ credentials: credential.openCxApi },
					),
				]
			: [
					node(
						MEASURED_NODE,
						'n8n-nodes-base.httpRequest',
						HTTP_REQUEST_VERSION,
						{
							method: 'GET',
							url: `${opencxUrl}/chat/sessions`,
							authentication: 'predefinedCredentialType',
							nodeCredentialType: 'openCxApi',
							options: {
								pagination: {
									pagination: {
										paginationMode: 'updateAParameterInEachRequest',
										parameters: { parameters: [{ type: 'qs', name: 'cursor', value: '={{ $response.body.next }}' }] },
										paginationCompleteWhen: 'other',
										completeExpression: '={{ $response.body.next === null }}',
									},
								},
							},
						},
						200,
						{ credentials: credential.openCxApi },
					),
					node(SPLIT_NODE, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'items', include: 'noOtherFields' }, 400),
				];
	return chain(workflowId('G', c.side === 'ours' ? 'O' : 'H'), `bench: Get Many sessions, ${c.side}`, [trigger(), ...nodes]);
}
