/**
 * Delivers an HTTP request to a trigger node's `webhook()` the way n8n's webhook server does: a real
 * HTTP server reads the body (raw bytes kept on `req.rawBody`, JSON parsed into `req.body`, as n8n's
 * body parser does), n8n-core's own WebhookContext runs the node with the package's credentials, and
 * the answer is written the way n8n writes it for `responseMode: 'onReceived'`.
 *
 * The only part that stands in for n8n's server (packages/cli, not on npm as a library) is that
 * last step, a few lines in `answer` below; the e2e tests run the same nodes in the real server.
 */
import { randomUUID } from 'crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials';

export interface Delivery {
	node: INodeType;
	parameters?: INodeParameters;
	/** Credential data by type; the node gets a credential of each type listed here. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** A value to send as JSON, or a string/Buffer sent as is. */
	body?: unknown;
	headers?: Record<string, string>;
	/** Appended to the URL, e.g. "?secret=abc". */
	query?: string;
	/** Leave `req.rawBody` unset and make `readRawBody` unable to read it (a body consumed elsewhere). */
	withoutRawBody?: boolean;
}

export interface Received {
	status: number;
	/** The response body, parsed when it is JSON. */
	body: unknown;
	/** What the node handed n8n to start the workflow with; undefined when nothing would start. */
	items?: INodeExecutionData[];
}

function additionalDataFor(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	req: IncomingMessage,
	res: ServerResponse,
): IWorkflowExecuteAdditionalData {
	return {
		executionId: randomUUID(),
		credentialsHelper: new HarnessCredentialsHelper(credentials),
		httpRequest: req,
		httpResponse: res,
		variables: {},
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		instanceBaseUrl: 'http://localhost:5678/',
		restApiUrl: 'http://localhost:5678/rest',
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** n8n's body parser: raw bytes first, then JSON or text by content type (packages/cli middlewares/body-parser). */
async function parseLikeN8n(req: IncomingMessage, withoutRawBody: boolean): Promise<void> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const raw = Buffer.concat(chunks);
	const request = req as IncomingMessage & { body?: unknown; query?: IDataObject; params?: IDataObject };
	request.contentType = req.headers['content-type']?.split(';')[0].trim();
	request.readRawBody = async () => {};
	if (!withoutRawBody) request.rawBody = raw;
	request.body = {};
	if (raw.length && request.contentType === 'application/json') request.body = JSON.parse(raw.toString('utf8'));
	if (raw.length && request.contentType === 'text/plain') request.body = raw.toString('utf8');
	request.query = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
	request.params = {};
}

/**
 * What n8n 2.40's webhook server writes after `webhook()` returns, for responseMode onReceived
 * (packages/cli webhook-helpers.ts and webhook-on-received-response-extractor.ts).
 */
function answer(result: IWebhookResponseData, res: ServerResponse, responseData: unknown): void {
	if (result.noWebhookResponse) return;
	let body: unknown;
	if (result.workflowData === undefined) body = result.webhookResponse ?? { message: 'Webhook call received' };
	else if (responseData !== 'noData') body = responseData || (result.webhookResponse ?? { message: 'Workflow was started' });
	res.writeHead(200, { 'Content-Type': 'application/json' });
	res.end(body === undefined ? '' : JSON.stringify(body));
}

/** POSTs one delivery to the trigger's webhook and reports the response and the items it would start with. */
export async function deliver(delivery: Delivery): Promise<Received> {
	const { node: nodeType } = delivery;
	const description = nodeType.description;
	const credentials = delivery.credentials ?? {};
	const node: INode = {
		id: randomUUID(),
		name: description.defaults.name ?? description.displayName,
		type: `n8n-nodes-osvi.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: delivery.parameters ?? {},
		credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: `${type}-id`, name: type }])),
	};
	// n8n fills in parameter defaults before a node runs.
	node.parameters = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
	const workflow = new Workflow({
		id: randomUUID(),
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
		settings: {},
	});

	let items: INodeExecutionData[] | undefined;
	let failure: unknown;
	const server = createServer((req, res) => {
		void (async () => {
			try {
				await parseLikeN8n(req, !!delivery.withoutRawBody);
				const additionalData = additionalDataFor(credentials, req, res);
				const webhookData: IWebhookData = {
					httpMethod: 'POST',
					node: node.name,
					path: 'webhook',
					webhookDescription: description.webhooks![0],
					workflowId: workflow.id,
					workflowExecuteAdditionalData: additionalData,
				};
				const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
				const result = await nodeType.webhook!.call(context);
				items = result.workflowData?.[0];
				// n8n's default when a trigger's webhook description sets no responseData.
				answer(result, res, description.webhooks![0].responseData ?? 'firstEntryJson');
			} catch (error) {
				failure = error;
				res.writeHead(500);
				res.end(String(error));
			}
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		const { port } = server.address() as AddressInfo;
		const body = delivery.body;
		const raw = body === undefined || typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
		const response = await fetch(`http://127.0.0.1:${port}/webhook/${node.id}/webhook${delivery.query ?? ''}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...delivery.headers },
			body: raw as string | Buffer | undefined,
		});
		const text = await response.text();
		if (failure) throw failure;
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			/* not JSON */
		}
		return { status: response.status, body: parsed, items };
	} finally {
		await new Promise((resolve) => server.close(resolve));
	}
}

/** The items' json, for comparing with toEqual. */
export function jsonOf(received: Received): IDataObject[] | undefined {
	return received.items?.map((item) => item.json);
}
