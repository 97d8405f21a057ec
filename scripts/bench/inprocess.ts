// In-process overhead, run by scripts/bench/run.ts as a child process on the repo's Node and
// n8n-core: our Send Message through n8n-core's engine (test/harness runNode), against the same N
// requests sent with plain Node http, all at once (what RoutingNode does), to the same sandbox at
// zero latency. Alternates the sides, prints one JSON line.
//
//   node -r ts-node/register/transpile-only scripts/bench/inprocess.ts --osvi-url URL --items N --runs R
import '../../test/setup-env';

import http from 'http';

import type { INodeExecutionData } from 'n8n-workflow';

import { OsviChat } from '../../nodes/OsviChat/OsviChat.node';
import { runNode } from '../../test/harness';
import { SANDBOX_SECRETS } from '../n8n/sandbox';
import { prepareSandbox, sandboxStats } from './sandbox';

export interface InProcessRun {
	/** Wall time of all N calls. */
	ms: number;
	/** Ours only: the node's own executionTime from the run data. */
	nodeMs?: number;
	maxConcurrent: number;
}

export interface InProcessResult {
	items: number;
	ours: InProcessRun[];
	raw: InProcessRun[];
}

function arg(name: string): string {
	const index = process.argv.indexOf(name);
	if (index < 0 || !process.argv[index + 1]) throw new Error(`missing ${name}`);
	return process.argv[index + 1];
}

const customer = (i: number) => ({ customerId: `bench-${i}`, content: `Where is my order ${i}?` });

/** One POST /v1/chat/inbound with Node's http and its global agent; rejects unless OSVI said success. */
function rawSend(url: URL, i: number): Promise<void> {
	const { customerId, content } = customer(i);
	const payload = JSON.stringify({ agent_uuid: SANDBOX_SECRETS.agentUuid, customer_id: customerId, content });
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{
				method: 'POST',
				headers: {
					'API-Token': SANDBOX_SECRETS.osviToken,
					Accept: 'application/json',
					'Content-Type': 'application/json',
					'Content-Length': Buffer.byteLength(payload),
				},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const body = JSON.parse(Buffer.concat(chunks).toString()) as { success?: boolean };
					if (res.statusCode === 200 && body.success) resolve();
					else reject(new Error(`raw send ${i}: ${res.statusCode} ${JSON.stringify(body)}`));
				});
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

async function main(): Promise<void> {
	const osviUrl = arg('--osvi-url');
	const items = Number(arg('--items'));
	const runs = Number(arg('--runs'));
	const sandbox = { osviUrl };
	const inbound = new URL('/v1/chat/inbound', osviUrl);
	const node = new OsviChat();
	const input: INodeExecutionData[] = Array.from({ length: items }, (_, i) => ({ json: customer(i) }));
	const parameters = {
		resource: 'message',
		operation: 'send',
		agent: { __rl: true, mode: 'id', value: SANDBOX_SECRETS.agentUuid },
		customerId: '={{ $json.customerId }}',
		content: '={{ $json.content }}',
	};
	const credentials = { osviApi: { apiToken: SANDBOX_SECRETS.osviToken, baseUrl: osviUrl } };

	const ours = async (): Promise<InProcessRun> => {
		await prepareSandbox(sandbox, { latencyMs: 0 });
		const started = performance.now();
		const result = await runNode({ node, parameters, credentials, items: input });
		const ms = performance.now() - started;
		if (result.error) throw result.error;
		if (result.items.length !== items) throw new Error(`ours returned ${result.items.length} items, expected ${items}`);
		const nodeMs = result.runData[node.description.defaults.name!]?.[0]?.executionTime;
		return { ms, nodeMs, maxConcurrent: (await sandboxStats(sandbox)).maxConcurrent };
	};
	const raw = async (): Promise<InProcessRun> => {
		await prepareSandbox(sandbox, { latencyMs: 0 });
		const started = performance.now();
		await Promise.all(Array.from({ length: items }, (_, i) => rawSend(inbound, i)));
		const ms = performance.now() - started;
		return { ms, maxConcurrent: (await sandboxStats(sandbox)).maxConcurrent };
	};
	const collect = () => (global as { gc?: () => void }).gc?.();

	// One unrecorded round warms the JIT and the sockets for both sides.
	await ours();
	await raw();
	const result: InProcessResult = { items, ours: [], raw: [] };
	for (let run = 0; run < runs; run++) {
		collect();
		result.ours.push(await ours());
		collect();
		result.raw.push(await raw());
	}
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
