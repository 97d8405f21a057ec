// Each RoutingNode behaviour the package relies on (nodes/shared/request/routingNodeBehaviours.ts),
// shown on a bare declarative node so a change in n8n fails here with the behaviour's name.
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import {
	ROUTING_NODE_BEHAVIOURS,
	type RoutingNodeBehaviour,
} from '../../nodes/shared/request/routingNodeBehaviours';
import { DirectoryLoader } from 'n8n-core';

import { runNode } from '../harness';

let server: Server;
let baseURL: string;
/** What happened, in order: preSend steps, requests arriving at the server. */
const events: string[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			events.push(`request ${req.url}`);
			const status = Number(/\/status\/(\d+)/.exec(req.url ?? '')?.[1] ?? 200);
			res.statusCode = status;
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ path: req.url, body: body ? JSON.parse(body) : null }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => (events.length = 0));

/** Runs `check`; when it fails, the failure names the behaviour that changed. */
async function behaviour(name: RoutingNodeBehaviour, check: () => void | Promise<void>): Promise<void> {
	try {
		await check();
	} catch (error) {
		throw new Error(
			`RoutingNode behaviour changed: ${name} (${ROUTING_NODE_BEHAVIOURS[name]})\n${(error as Error).message}`,
		);
	}
}

/** A declarative node as n8n loads it (with its Request Options: batching, timeout, proxy). */
function bareNode(properties: INodeProperties[], extra: Partial<INodeTypeDescription> = {}): INodeType {
	const node: INodeType = {
		description: {
			displayName: 'Bare',
			name: 'bare',
			group: ['transform'],
			version: 1,
			description: 'A bare declarative node',
			defaults: { name: 'Bare' },
			inputs: ['main'],
			outputs: ['main'],
			requestDefaults: { baseURL, ignoreHttpStatusErrors: true },
			properties,
			...extra,
		},
	};
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}

/** The operation selector with one option, carrying `routing`. */
const operation = (routing: INodeProperties['routing']): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'go',
	options: [{ name: 'Go', value: 'go', action: 'Go', routing }],
});

const recording = (label: string) =>
	async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		events.push(`${label} ${this.getItemIndex()}`);
		return requestOptions;
	};

const items = (count: number): INodeExecutionData[] => Array.from({ length: count }, (_, i) => ({ json: { i } }));

test('preSendLoop: every item’s preSend steps start before any request is sent', async () => {
	const node = bareNode([operation({ request: { method: 'POST', url: '/go' }, send: { preSend: [recording('preSend')] } })]);
	const result = await runNode({ node, parameters: { operation: 'go' }, items: items(3) });
	await behaviour('preSendLoop', () => {
		expect(result.error).toBeUndefined();
		const firstRequest = events.findIndex((e) => e.startsWith('request'));
		expect(events.slice(0, firstRequest)).toEqual(['preSend 0', 'preSend 1', 'preSend 2']);
	});
});

test('preSendOrder and operationOptionRouting: the operation option’s steps first, then each property’s in order', async () => {
	const field = (name: string): INodeProperties => ({
		displayName: name,
		name,
		type: 'string',
		default: 'x',
		routing: { send: { preSend: [recording(name)] } },
	});
	const marked = async (items: INodeExecutionData[]) => items.map((item) => ({ json: { ...item.json, marked: true } }));
	const node = bareNode([
		operation({
			request: { method: 'POST', url: '/option-url' },
			send: { preSend: [recording('option')] },
			output: { postReceive: [marked] },
		}),
		field('first'),
		field('last'),
	]);
	const result = await runNode({ node, parameters: { operation: 'go' } });
	await behaviour('operationOptionRouting', () => {
		expect(events).toContain('request /option-url');
		expect(result.items[0].json).toMatchObject({ path: '/option-url', marked: true });
	});
	await behaviour('preSendOrder', () => {
		expect(events.filter((e) => !e.startsWith('request'))).toEqual(['option 0', 'first 0', 'last 0']);
	});
});

test('executeOnceFirstItem: RoutingNode gets the first item only, the execute data keeps all', async () => {
	let inExecuteData = -1;
	const counting = async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		events.push(`preSend ${this.getItemIndex()}`);
		inExecuteData = this.getExecuteData().data.main?.[0]?.length ?? -1;
		return requestOptions;
	};
	const node = bareNode([operation({ request: { method: 'POST', url: '/go' }, send: { preSend: [counting] } })]);
	const result = await runNode({ node, parameters: { operation: 'go' }, items: items(3), executeOnce: true });
	await behaviour('executeOnceFirstItem', () => {
		expect(result.items).toHaveLength(1);
		expect(events.filter((e) => e.startsWith('preSend'))).toEqual(['preSend 0']);
		expect(inExecuteData).toBe(3);
	});
});

test('batchingSleepsInLoop: with an interval, a batch is sent before the next one starts its steps', async () => {
	const node = bareNode([operation({ request: { method: 'POST', url: '/go' }, send: { preSend: [recording('preSend')] } })]);
	const result = await runNode({
		node,
		parameters: { operation: 'go', requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 200 } } } },
		items: items(2),
	});
	await behaviour('batchingSleepsInLoop', () => {
		expect(result.error).toBeUndefined();
		expect(events).toEqual(['preSend 0', 'request /go', 'preSend 1', 'request /go']);
	});
});

test('paginationFunction: paginate on hands each request to the function, whose makeRoutingRequest runs postReceive', async () => {
	const calls: number[] = [];
	async function pagination(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) {
		calls.push(this.getItemIndex());
		return await this.makeRoutingRequest({ ...requestData, options: { ...requestData.options, url: '/through-function' } });
	}
	const marked = async (items: INodeExecutionData[]) => items.map((item) => ({ json: { ...item.json, marked: true } }));
	const node = bareNode(
		[
			operation({ request: { method: 'GET', url: '/go' }, output: { postReceive: [marked] } }),
			{ displayName: 'Paged', name: 'paged', type: 'boolean', default: true, routing: { send: { paginate: true } } },
		],
		{ requestOperations: { pagination } },
	);
	const result = await runNode({ node, parameters: { operation: 'go' }, items: items(2) });
	await behaviour('paginationFunction', () => {
		expect(calls).toEqual([0, 1]);
		expect(result.items.map((i) => i.json)).toEqual([
			{ path: '/through-function', body: null, marked: true },
			{ path: '/through-function', body: null, marked: true },
		]);
	});
});

test('ignoreHttpStatusErrors: a failed response reaches postReceive with its status', async () => {
	const statusOf = async (_items: INodeExecutionData[], response: IN8nHttpFullResponse) => [
		{ json: { status: response.statusCode } as IDataObject },
	];
	const node = bareNode([operation({ request: { method: 'GET', url: '/status/418' }, output: { postReceive: [statusOf] } })]);
	const result = await runNode({ node, parameters: { operation: 'go' } });
	await behaviour('ignoreHttpStatusErrors', () => {
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ status: 418 }]);
	});
});

test('onlyShownAndAddedRouting: hidden properties and collection options not added send nothing', async () => {
	const sent = (name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
		displayName: name,
		name,
		type: 'string',
		default: 'default',
		routing: { send: { type: 'body', property: name } },
		...extra,
	});
	const node = bareNode([
		operation({ request: { method: 'POST', url: '/go' } }),
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			default: 'a',
			options: [
				{ name: 'A', value: 'a' },
				{ name: 'B', value: 'b' },
			],
		},
		sent('shown', { displayOptions: { show: { mode: ['a'] } } }),
		sent('hidden', { displayOptions: { show: { mode: ['b'] } } }),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			options: [sent('added'), sent('notAdded')],
		},
	]);
	const result = await runNode({ node, parameters: { operation: 'go', mode: 'a', shown: 's', options: { added: 'v' } } });
	await behaviour('onlyShownAndAddedRouting', () => {
		expect(result.items[0].json.body).toEqual({ shown: 's', added: 'v' });
	});
});
