// `npm run test:queue`: this package in n8n's queue mode, set up the way teams scale n8n out: Redis
// and PostgreSQL as real servers (scripts/n8n/services.ts; installed with apt-get when missing),
// an n8n main instance and one worker with EXECUTIONS_MODE=queue, the package installed for each
// from the packed tarball. A published webhook workflow (OSVI Chat → Send, open.cx Session →
// Send) must run on the worker with the same items and the same API requests as in regular mode,
// and stopping the worker mid-run, then restarting it, must lose no message and duplicate none.
//
//   --n8n-version=<v>  (or OSVI_N8N_VERSION) the n8n to run; default 2.40.7
//   QUEUE_REDIS=host:port, QUEUE_POSTGRES=postgres://…   reuse running servers (scripts/n8n/services.ts)
//   QUEUE_KEEP=1       keep the user folders (n8n logs: main.log, worker-*.log) and print their paths
import assert from 'node:assert/strict';
import type { ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import { sandboxCredentials } from '../../scripts/n8n/fixtures';
import { DEFAULT_N8N_VERSION, ensureN8n, requestedVersions, seconds, type N8nInstall } from '../../scripts/n8n/install';
import { N8n, type N8nServer, type WorkflowFile } from '../../scripts/n8n/n8n';
import { buildAndPack, installPackage } from '../../scripts/n8n/package';
import { exitOnSignals, freePort, killAllChildren, log, startChild, stopChild, StepError, tail } from '../../scripts/n8n/proc';
import { type RecordedRequest, Sandbox } from '../../scripts/n8n/sandbox';
import { ensureServerPackages, startPostgres, startRedis, type PostgresServer, type RedisServer } from '../../scripts/n8n/services';

const OVERALL_TIMEOUT_MS = 15 * 60_000;
const WORKFLOW: WorkflowFile = JSON.parse(readFileSync(join(__dirname, 'queue-relay.workflow.json'), 'utf8'));
const WEBHOOK_PATH = 'queue-relay';

interface Message {
	customer_id: string;
	name: string;
	email: string;
	message: string;
}

const batch = (tag: string): Message[] => [
	{ customer_id: '+15551110001', name: 'Ana Ortiz', email: 'ana.ortiz@example.com', message: `${tag}: Do you ship to Canada?` },
	{ customer_id: '+15551110002', name: 'Ben Okafor', email: 'ben.okafor@example.com', message: `${tag}: Can a human call me?` },
];

/** A running `n8n worker`, its output kept for the log checks. */
class Worker {
	output = '';
	readonly exited: Promise<number | null>;

	constructor(readonly child: ChildProcess) {
		const collect = (chunk: Buffer) => {
			this.output += chunk.toString();
		};
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
		this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
	}

	static async start(n8n: N8n, timeoutMs = 3 * 60_000): Promise<Worker> {
		const child = startChild(n8n.install.node, [n8n.install.n8nBin, 'worker', '--concurrency=5'], {
			cwd: n8n.userFolder,
			env: n8n.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const worker = new Worker(child);
		const deadline = Date.now() + timeoutMs;
		while (!/n8n worker is now ready/.test(worker.output)) {
			if (child.exitCode !== null) throw new StepError('n8n worker', `exited with ${child.exitCode}\n${tail(worker.output)}`);
			if (Date.now() > deadline) throw new StepError('n8n worker', `not ready after ${timeoutMs / 1000} s\n${tail(worker.output)}`);
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
		return worker;
	}
}

/** What a run returned and sent, with the values that differ between any two runs (ids, times) blanked. */
function normalize(value: unknown): unknown {
	return JSON.parse(
		JSON.stringify(value)
			.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
			.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g, '<time>'),
	);
}

/** The API requests a run made, in a stable order (items run concurrently), secrets left out. */
function requestSummary(requests: RecordedRequest[]): string[] {
	return requests.map((r) => JSON.stringify(normalize({ api: r.api, method: r.method, path: r.path, body: r.body, status: r.status }))).sort();
}

async function post(server: N8nServer, messages: Message[]): Promise<{ status: number; items: unknown }> {
	const response = await fetch(`${server.url}/webhook/${WEBHOOK_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ messages }),
		signal: AbortSignal.timeout(120_000),
	});
	const text = await response.text();
	let items: unknown = text;
	try {
		items = JSON.parse(text);
	} catch {
		/* keep the text for the assertion message */
	}
	return { status: response.status, items };
}

async function setLatency(sandbox: Sandbox, ms: number): Promise<void> {
	const response = await fetch(`${sandbox.osviUrl}/__sandbox/latency`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ms }),
	});
	assert.equal(response.status, 200, `sandbox latency: ${await response.text()}`);
}

/** An n8n in its own user folder with the package installed from the tarball, the way users install it. */
async function prepare(install: N8nInstall, tarball: string, name: string, env: NodeJS.ProcessEnv, folders: string[]): Promise<N8n> {
	const folder = mkdtempSync(join(tmpdir(), `n8n-nodes-osvi-queue-${name}-`));
	folders.push(folder);
	await installPackage(tarball, folder);
	return new N8n(install, folder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env });
}

function queueEnv(redis: RedisServer, postgres: PostgresServer): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Its own key prefix, so a reused Redis never hands this run's jobs to someone else's workers.
		QUEUE_BULL_PREFIX: `osvi-queue-test-${randomBytes(4).toString('hex')}`,
		QUEUE_HEALTH_CHECK_ACTIVE: 'false',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		DB_POSTGRESDB_DATABASE: postgres.database,
		// Main and workers must share the key that encrypts credentials in the database.
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		// "Enqueued execution …" (main) and "Worker started execution …" (worker) are info lines.
		N8N_LOG_LEVEL: 'info',
		// A crashed worker's job counts as stalled once its lock expires and the stalled check runs:
		// n8n's defaults (60 s lock, 30 s check) made short so the crash check takes seconds.
		QUEUE_WORKER_LOCK_DURATION: '10000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		// n8n 1.x runs a crashed worker's job once more from the start by default, sending again
		// what was already sent; 0 (what the README asks 1.x users to set) never does. 2.x always uses 0.
		QUEUE_WORKER_MAX_STALLED_COUNT: '0',
	};
}

const results: Array<{ name: string; ok: boolean }> = [];

async function check(name: string, body: () => Promise<void>): Promise<void> {
	const started = Date.now();
	try {
		await body();
		results.push({ name, ok: true });
		process.stdout.write(`  ✓ ${name} (${seconds(started)} s)\n`);
	} catch (error) {
		results.push({ name, ok: false });
		process.stdout.write(`  ✗ ${name}\n${((error as Error).message ?? String(error)).replace(/^/gm, '      ')}\n`);
	}
}

async function main(): Promise<number> {
	const started = Date.now();
	// Armed once n8n, Redis and PostgreSQL are installed (a first install has its own timeouts).
	const armWatchdog = () =>
		setTimeout(() => {
			log(`queue run exceeded ${OVERALL_TIMEOUT_MS / 60_000} minutes after the install; stopping`);
			killAllChildren('SIGKILL');
			process.exit(1);
		}, OVERALL_TIMEOUT_MS).unref();

	const [version] = requestedVersions([DEFAULT_N8N_VERSION]);
	const folders: string[] = [];
	const stops: Array<() => Promise<void>> = [];
	const cleanup = async () => {
		for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
		for (const folder of folders.splice(0)) {
			if (process.env.QUEUE_KEEP) log(`kept ${folder}`);
			else rmSync(folder, { recursive: true, force: true });
		}
	};
	exitOnSignals(cleanup);

	try {
		const [install, tarball] = await Promise.all([
			ensureN8n(version),
			buildAndPack(),
			ensureServerPackages({ redis: !process.env.QUEUE_REDIS, postgres: !process.env.QUEUE_POSTGRES }),
		]);
		folders.push(dirname(tarball));
		armWatchdog();
		const [redis, postgres, sandbox] = await Promise.all([startRedis(), startPostgres(), Sandbox.start({ osvi: 0, opencx: 0 })]);
		stops.push(redis.stop, postgres.stop, () => sandbox.stop());
		const credentials = sandboxCredentials(sandbox);

		process.stdout.write(`\nn8n ${version} in regular mode (the reference)\n`);
		const regular = await prepare(install, tarball, 'regular', {}, folders);
		await regular.importCredentials(credentials);
		await regular.importWorkflows([WORKFLOW]);
		await regular.publishWorkflow(WORKFLOW.id);
		const reference = { response: { status: 0, items: undefined as unknown }, requests: [] as string[] };
		await check('the published webhook workflow runs in regular mode', async () => {
			const server = await regular.start(await freePort());
			try {
				assert.ok(await server.waitForPostWebhook(WEBHOOK_PATH), 'webhook never registered');
				await sandbox.reset();
				reference.response = await post(server, batch('first'));
				assert.equal(reference.response.status, 200, JSON.stringify(reference.response.items));
				assert.ok(Array.isArray(reference.response.items) && reference.response.items.length === 2, JSON.stringify(reference.response.items));
				reference.requests = requestSummary(await sandbox.requests());
			} finally {
				await server.stop();
			}
		});

		process.stdout.write(`\nn8n ${version} in queue mode: Redis, PostgreSQL, a main instance and a worker\n`);
		const env = queueEnv(redis, postgres);
		const mainN8n = await prepare(install, tarball, 'main', env, folders);
		const workerN8n = await prepare(install, tarball, 'worker', env, folders);
		await mainN8n.importCredentials(credentials);
		await mainN8n.importWorkflows([WORKFLOW]);
		await mainN8n.publishWorkflow(WORKFLOW.id);
		const server = await mainN8n.start(await freePort());
		stops.push(async () => {
			await server.stop();
			writeFileSync(join(mainN8n.userFolder, 'main.log'), server.output);
		});
		const workers: Worker[] = [];
		const startWorker = async () => {
			const worker = await Worker.start(workerN8n);
			const index = workers.push(worker);
			stops.push(async () => {
				await stopChild(worker.child, 40_000);
				writeFileSync(join(workerN8n.userFolder, `worker-${index}.log`), worker.output);
			});
			return worker;
		};
		let worker = await startWorker();
		log(`queue mode up after ${seconds(started)} s`);

		await check('the webhook run is enqueued by main and executed by the worker, with the same items and requests as in regular mode', async () => {
			assert.ok(await server.waitForPostWebhook(WEBHOOK_PATH), 'webhook never registered on main');
			await sandbox.reset();
			const response = await post(server, batch('first'));
			assert.equal(response.status, 200, JSON.stringify(response.items));
			assert.deepEqual(normalize(response.items), normalize(reference.response.items), 'items differ from regular mode');
			assert.deepEqual(requestSummary(await sandbox.requests()), reference.requests, 'API requests differ from regular mode');
			const enqueued = /Enqueued execution (\d+) \(job (\d+)\)/.exec(server.output);
			assert.ok(enqueued, `main did not log an enqueued execution:\n${tail(server.output)}`);
			const [, executionId, jobId] = enqueued;
			assert.match(worker.output, new RegExp(`Worker started execution ${executionId} \\(job ${jobId}\\)`), tail(worker.output));
			assert.match(worker.output, new RegExp(`Worker finished execution ${executionId} \\(job ${jobId}\\)`), tail(worker.output));
			process.stdout.write(`      main enqueued execution ${executionId} as job ${jobId}; the worker (pid ${worker.child.pid}) logged it started and finished\n`);
		});

		await check('the worker stopped mid-run (SIGTERM) finishes that run first; a webhook call while no worker runs waits in the queue and runs once the worker is back: no message lost, none sent twice', async () => {
			await sandbox.reset();
			// Every API answer takes 1.5 s, so the run is surely in flight when the worker is told to stop.
			await setLatency(sandbox, 1500);
			const inFlight = post(server, batch('in flight'));
			const deadline = Date.now() + 60_000;
			while (!(await sandbox.requests('osvi')).length) {
				assert.ok(Date.now() < deadline, 'the run never reached the OSVI API');
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			const stopStarted = Date.now();
			process.kill(-worker.child.pid!, 'SIGTERM');
			const code = await worker.exited;
			process.stdout.write(`      worker stopped ${seconds(stopStarted)} s after SIGTERM, exit code ${code}\n`);
			assert.match(worker.output, /Waiting for \d+ active executions? to finish/, tail(worker.output));
			const first = await inFlight;
			assert.equal(first.status, 200, `the in-flight call: ${JSON.stringify(first.items)}`);
			assert.equal((first.items as unknown[]).length, 2);

			await setLatency(sandbox, 0);
			const requestsBefore = (await sandbox.requests()).length;
			const queued = post(server, batch('queued'));
			await new Promise((resolve) => setTimeout(resolve, 3000));
			assert.equal((await sandbox.requests()).length, requestsBefore, 'a request went out while no worker was running');
			worker = await startWorker();
			const second = await queued;
			assert.equal(second.status, 200, `the queued call: ${JSON.stringify(second.items)}`);
			assert.equal((second.items as unknown[]).length, 2);

			const osvi = (await sandbox.requests('osvi')).filter((r) => r.path === '/v1/chat/inbound');
			const contents = osvi.map((r) => (r.body as { content: string }).content).sort();
			const expected = [...batch('in flight'), ...batch('queued')].map((m) => m.message).sort();
			assert.deepEqual(contents, expected, 'OSVI messages: each exactly once');
			const relayed = (await sandbox.requests('opencx')).filter((r) => r.method === 'POST' && /\/send$/.test(r.path));
			assert.equal(relayed.length, 4, `open.cx messages sent: ${relayed.map((r) => r.path).join(', ')}`);
			const texts = relayed.map((r) => JSON.stringify(r.body));
			assert.equal(new Set(texts).size, 4, 'an open.cx message was sent twice');
		});

		await check('a worker killed mid-run (SIGKILL) is not re-run by n8n: messages already sent stay sent once, the rest are never sent, the webhook call gets an error', async () => {
			await sandbox.reset();
			await setLatency(sandbox, 1500);
			const crashed = post(server, batch('crash'));
			const deadline = Date.now() + 60_000;
			while (!(await sandbox.requests('osvi')).length) {
				assert.ok(Date.now() < deadline, 'the run never reached the OSVI API');
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			process.kill(-worker.child.pid!, 'SIGKILL');
			await worker.exited;
			await setLatency(sandbox, 0);
			await new Promise((resolve) => setTimeout(resolve, 500));
			const sentBeforeCrash = (await sandbox.requests()).length;
			const killedAt = Date.now();
			worker = await startWorker();
			const response = await crashed;
			process.stdout.write(
				`      the webhook call answered ${response.status} ${seconds(killedAt)} s after the kill: ${JSON.stringify(response.items).slice(0, 200)}\n`,
			);
			assert.notEqual(response.status, 200, 'the crashed run cannot have finished');
			// Long enough for several stalled checks on the new worker: a retry would show up here.
			await new Promise((resolve) => setTimeout(resolve, 12_000));
			const after = await sandbox.requests();
			assert.equal(after.length, sentBeforeCrash, `requests after the crash: ${after.slice(sentBeforeCrash).map((r) => `${r.method} ${r.path}`).join(', ')}`);
			const osvi = after.filter((r) => r.path === '/v1/chat/inbound').map((r) => (r.body as { content: string }).content);
			assert.equal(new Set(osvi).size, osvi.length, 'an OSVI message was sent twice');
			process.stdout.write(`      ${osvi.length} of 2 OSVI messages were sent before the crash, each once; ${after.length} API requests in all, none after\n`);
			assert.match(server.output + worker.output, /failed to be processed too many times|stalled/i, 'neither n8n process logged the stalled job');
		});
	} catch (error) {
		results.push({ name: 'set-up', ok: false });
		process.stdout.write(`\n  ✗ set-up failed: ${(error as Error).message}\n`);
	} finally {
		await cleanup();
	}
	const passed = results.filter((r) => r.ok).length;
	process.stdout.write(`\nqueue took ${seconds(started)} s\nqueue: ${passed} passed, ${results.length - passed} failed\n`);
	return results.length > 0 && passed === results.length ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		log(error.stack ?? error.message);
		process.exit(1);
	},
);
