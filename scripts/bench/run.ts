// `npm run bench`: this package's nodes against n8n's HTTP Request node, in the real pinned n8n
// (scripts/n8n), against the API sandbox with a fixed simulated latency; plus the in-process
// overhead of Send Message against plain HTTP calls. Prints a table, writes BENCHMARKS.md.
// Exits non-zero when a run fails or returns the wrong number of items, never on speed.
//
//   npm run bench                  full run (about 20 minutes), writes BENCHMARKS.md
//   npm run bench -- --quick       small sizes, one run each (2–3 minutes); for CI: prints a short
//                                  summary, the report and log go to QUICK_DETAILS
//   npm run bench -- --help        every flag (scripts/bench/options.ts)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from 'os';
import { join, resolve } from 'path';

import { CREDENTIAL_IDS, sandboxCredentials } from '../n8n/fixtures';
import { cleanEnv, DEFAULT_N8N_VERSION, ensureN8n, type N8nInstall } from '../n8n/install';
import { N8n, type WorkflowFile } from '../n8n/n8n';
import { installPackage } from '../n8n/package';
import { exitOnSignals, freePort, killAllChildren, log, logTo, run } from '../n8n/proc';
import { REPO_ROOT, Sandbox } from '../n8n/sandbox';
import { executeMeasured } from './execute';
import type { InProcessResult } from './inprocess';
import { recordRun, type BenchResults, type GetAllResult, type Machine, type SendResult } from './measurements';
import { parseOptions, type BenchOptions } from './options';
import { packageUnderTest, type PackageUnderTest } from './package';
import { renderReport } from './report';
import { median, targets } from './stats';
import { prepareSandbox, sandboxStats } from './sandbox';
import {
	baselineWorkflow,
	getAllWorkflow,
	MEASURED_NODE,
	sendWorkflow,
	SPLIT_NODE,
	type GetAllCase,
	type SendCase,
	type Side,
} from './workflows';

const MINUTE = 60_000;
const SIDES: Side[] = ['ours', 'theirs'];
/** Where the quick mode (inside `npm run test:all`) keeps its report and log instead of printing them. */
const QUICK_DETAILS = join(tmpdir(), 'n8n-nodes-osvi-bench-quick.md');

async function machine(install: N8nInstall): Promise<Machine> {
	const n8nNode = (await run('n8n Node version', install.node, ['--version'], { timeoutMs: MINUTE })).stdout.trim();
	return {
		cpuModel: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		os: `${process.platform} ${release()}`,
		node: process.version,
		n8nNode,
		n8n: DEFAULT_N8N_VERSION,
		loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
	};
}

function sendLabel(c: SendCase): string {
	return `Send Message, ${c.side}, ${c.items} items, ${c.settings}`;
}

async function runInProcess(options: BenchOptions, sandbox: Sandbox, userFolder: string, sourceDir: string): Promise<InProcessResult> {
	// The in-process runner of the tree under test when it has one (a clean export of --commit), else this one.
	const cwd = existsSync(join(sourceDir, 'scripts', 'bench', 'inprocess.ts')) ? sourceDir : REPO_ROOT;
	const result = await run(
		'in-process benchmark',
		process.execPath,
		[
			'--expose-gc',
			'-r',
			'ts-node/register/transpile-only',
			'scripts/bench/inprocess.ts',
			'--osvi-url',
			sandbox.osviUrl,
			'--items',
			String(options.inprocessItems),
			'--runs',
			String(options.runs),
		],
		{
			cwd,
			env: cleanEnv({
				// Node resolves OsviChat.node to the codex OsviChat.node.json before the .ts file.
				TS_NODE_PREFER_TS_EXTS: 'true',
				N8N_USER_FOLDER: join(userFolder, 'inprocess'),
				N8N_LOG_LEVEL: 'silent',
			}),
			timeoutMs: 10 * MINUTE,
		},
	);
	const line = result.stdout.trim().split('\n').pop() ?? '';
	return JSON.parse(line) as InProcessResult;
}

async function main(): Promise<number> {
	const options = parseOptions(process.argv.slice(2));
	const started = Date.now();
	const phase = (name: string, since: number) => (results.durations[name] = Math.round((Date.now() - since) / 1000));
	const budget = options.quick ? 15 * MINUTE : 60 * MINUTE;
	const logLines: string[] = [];
	if (options.quick) logTo((line) => logLines.push(line));
	// Armed once n8n is installed: a first install (minutes, once per machine, possibly waiting for
	// another process's) is not part of the benchmark's budget.
	const armWatchdog = () =>
		setTimeout(() => {
			logTo(undefined);
			log(`benchmark exceeded ${budget / MINUTE} minutes; stopping`);
			killAllChildren('SIGKILL');
			process.exit(1);
		}, budget).unref();

	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-nodes-osvi-bench-'));
	let sandbox: Sandbox | undefined;
	let tested: PackageUnderTest | undefined;
	const cleanup = async () => {
		await sandbox?.stop();
		tested?.dispose();
		if (options.keep) log(`kept n8n user folder ${userFolder}`);
		else rmSync(userFolder, { recursive: true, force: true });
	};
	exitOnSignals(cleanup);

	const results: BenchResults = {
		startedAt: new Date().toISOString(),
		machine: undefined as unknown as Machine,
		options: {
			quick: options.quick,
			runs: options.runs,
			batchingRuns: options.batchingRuns,
			latencyMs: options.latencyMs,
			sizes: options.sizes,
			sessions: options.sessions,
			inprocessItems: options.inprocessItems,
		},
		send: [],
		getAll: [],
		failures: [],
		durations: {},
	};

	try {
		let step = Date.now();
		const install = await ensureN8n();
		armWatchdog();
		results.machine = await machine(install);
		tested = await packageUnderTest({ commit: options.commit, tarball: options.packageTarball, skipBuild: options.skipBuild });
		results.packageSource = tested.source;
		await installPackage(tested.tarball, userFolder);
		sandbox = await Sandbox.start({ osvi: 0, opencx: 0 });
		const n8n = new N8n(install, userFolder, {
			// Its own task-broker port (the Code node's runner), so an n8n already running here is no obstacle.
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			// Dozens of runs of up to 10,000 items would otherwise pile up in the database between runs.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false',
		});

		const sendCases: SendCase[] = options.suites.has('send')
			? options.sizes.flatMap((items) => options.settings.flatMap((settings) => SIDES.map((side) => ({ kind: 'send' as const, side, items, settings }))))
			: [];
		const getAllCases: GetAllCase[] = options.suites.has('getAll') ? SIDES.map((side) => ({ kind: 'getAll' as const, side })) : [];
		const baseline = baselineWorkflow();
		const workflowOf = new Map<SendCase | GetAllCase, WorkflowFile>();
		for (const c of sendCases) workflowOf.set(c, sendWorkflow(c, sandbox.osviUrl));
		for (const c of getAllCases) workflowOf.set(c, getAllWorkflow(c, sandbox.opencxUrl));
		await n8n.importCredentials(sandboxCredentials(sandbox));
		await n8n.importWorkflows([baseline, ...workflowOf.values()]);
		log(`set-up done in ${phase('setup', step)} s (credentials ${CREDENTIAL_IDS.osvi}, ${CREDENTIAL_IDS.opencx}; ${workflowOf.size} workflows)`);

		const nodeFlags = (label: string) => {
			if (!options.cpuProfDir) return options.nodeFlags;
			const dir = resolve(options.cpuProfDir, label.replace(/[^A-Za-z0-9]+/g, '-'));
			mkdirSync(dir, { recursive: true });
			return [...options.nodeFlags, '--cpu-prof', `--cpu-prof-dir=${dir}`];
		};
		const timeoutMs = 10 * MINUTE;

		const sendRun = async (c: SendCase, runIndex: number) => {
			await prepareSandbox(sandbox!, { latencyMs: options.latencyMs });
			const label = sendLabel(c);
			const execution = await executeMeasured(n8n, workflowOf.get(c)!.id, { timeoutMs, nodeFlags: nodeFlags(`${label} run ${runIndex}`) });
			const record = recordRun(label, runIndex, execution, await sandboxStats(sandbox!), { node: MEASURED_NODE, items: c.items });
			if (record.requests !== c.items) throw new Error(`${label}, run ${runIndex}: the sandbox answered ${record.requests} requests, expected ${c.items}`);
			log(`${label}, run ${runIndex}: node ${Math.round(record.nodeMs)} ms, process ${(record.processMs / 1000).toFixed(1)} s, CPU ${(record.cpuMs / 1000).toFixed(1)} s, ${record.expressions} expressions, max concurrency ${record.maxConcurrent}, peak RSS ${Math.round(record.peakRssMb)} MB`);
			return record;
		};

		if (sendCases.length || getAllCases.length) {
			// CPU an n8n run spends without the measured node (boot, trigger, Code node), subtracted
			// from each run's CPU time to estimate the node's own.
			step = Date.now();
			const cpu: number[] = [];
			const rss: number[] = [];
			for (let i = 0; i < Math.max(2, options.runs); i++) {
				const execution = await executeMeasured(n8n, baseline.id, { timeoutMs, nodeFlags: options.nodeFlags });
				if (execution.code !== 0) throw new Error(`baseline run failed: ${execution.error?.message ?? execution.code}`);
				if (i === 0) continue; // the first boot after install reads from a cold disk
				cpu.push(execution.cpuMs);
				rss.push(execution.peakRssMb);
				results.baselineExpressions = execution.expressions;
			}
			results.baselineCpuMs = median(cpu);
			results.baselinePeakRssMb = median(rss);
			log(`baseline: an n8n run without the measured node uses ${(results.baselineCpuMs / 1000).toFixed(1)} s CPU (${phase('baseline', step)} s)`);
		}

		if (sendCases.length) {
			step = Date.now();
			// One unrecorded pair first: the first n8n boot after an install reads everything from disk.
			for (const c of sendCases.filter((s) => s.items === sendCases[0].items && s.settings === sendCases[0].settings)) {
				try {
					await sendRun(c, 0);
				} catch (error) {
					results.failures.push(`warm-up: ${(error as Error).message}`);
				}
			}
			const bySize = new Map<string, { ours: SendResult; theirs: SendResult }>();
			for (const c of sendCases) {
				const key = `${c.items}/${c.settings}`;
				const entry = bySize.get(key) ?? ({} as { ours: SendResult; theirs: SendResult });
				entry[c.side] = { case: c, runs: [] };
				bySize.set(key, entry);
			}
			for (const pair of bySize.values()) {
				results.send.push(pair.ours, pair.theirs);
				const runs = pair.ours.case.settings === 'batch50' ? options.batchingRuns : options.runs;
				for (let runIndex = 1; runIndex <= runs; runIndex++) {
					for (const side of SIDES) {
						try {
							pair[side].runs.push(await sendRun(pair[side].case, runIndex));
						} catch (error) {
							results.failures.push((error as Error).message);
							log((error as Error).message);
						}
					}
				}
			}
			log(`Send Message done in ${phase('send', step)} s`);
		}

		if (getAllCases.length) {
			step = Date.now();
			const byCase = new Map(getAllCases.map((c) => [c, { case: c, sessions: 0, runs: [] } as GetAllResult]));
			results.getAll.push(...byCase.values());
			for (let runIndex = 1; runIndex <= options.runs; runIndex++) {
				for (const c of getAllCases) {
					const label = `Get Many sessions, ${c.side}`;
					try {
						const sessions = await prepareSandbox(sandbox, { latencyMs: options.latencyMs, opencxSessions: options.sessions });
						byCase.get(c)!.sessions = sessions;
						const execution = await executeMeasured(n8n, workflowOf.get(c)!.id, { timeoutMs, nodeFlags: nodeFlags(`${label} run ${runIndex}`) });
						const record = recordRun(label, runIndex, execution, await sandboxStats(sandbox), {
							node: MEASURED_NODE,
							items: sessions,
							countNode: c.side === 'theirs' ? SPLIT_NODE : undefined,
						});
						byCase.get(c)!.runs.push(record);
						log(`${label}, run ${runIndex}: node ${Math.round(record.nodeMs)} ms, process ${(record.processMs / 1000).toFixed(1)} s, CPU ${(record.cpuMs / 1000).toFixed(1)} s, ${record.requests} pages, peak RSS ${Math.round(record.peakRssMb)} MB`);
					} catch (error) {
						results.failures.push((error as Error).message);
						log((error as Error).message);
					}
				}
			}
			log(`Get Many done in ${phase('getAll', step)} s`);
		}

		if (options.suites.has('inprocess')) {
			step = Date.now();
			try {
				results.inprocess = await runInProcess(options, sandbox, userFolder, tested.sourceDir);
			} catch (error) {
				results.failures.push((error as Error).message);
				log((error as Error).message);
			}
			log(`in-process done in ${phase('inprocess', step)} s`);
		}
	} catch (error) {
		results.failures.push(`set-up: ${(error as Error).message}`);
		log((error as Error).message);
	} finally {
		await cleanup();
	}

	results.durations.total = Math.round((Date.now() - started) / 1000);
	if (results.machine) results.machine.loadAverageEnd = loadavg().map((l) => Math.round(l * 100) / 100);
	results.finishedAt = new Date().toISOString();
	const report = results.machine ? renderReport(results) : undefined;
	if (report && !options.quick) process.stdout.write(`\n${report}\n`);
	if (report && options.out) {
		writeFileSync(resolve(REPO_ROOT, options.out), report);
		log(`wrote ${options.out}`);
	}
	if (options.json) writeFileSync(resolve(options.json), `${JSON.stringify(results, null, 2)}\n`);
	log(`free memory at the end: ${Math.round(freemem() / 2 ** 20)} MB`);
	if (options.quick) {
		logTo(undefined);
		writeFileSync(QUICK_DETAILS, `${report ?? '# Benchmark (quick): set-up failed\n'}\n## Log\n\n\`\`\`\n${logLines.join('')}\`\`\`\n`);
		process.stdout.write(`${quickSummary(results)}\n`);
	}
	if (results.failures.length) {
		process.stdout.write(`\n${results.failures.length} failure(s):\n${results.failures.map((f) => `  - ${f}`).join('\n')}\n`);
		return 1;
	}
	return 0;
}

/** A few lines for `npm run test:all`: did every run work, and the ratios as a smoke signal. */
function quickSummary(results: BenchResults): string {
	const runs = [...results.send, ...results.getAll].reduce((n, r) => n + r.runs.length, 0);
	const speed = results.machine ? targets(results)[0].detail : '';
	return [
		`benchmark quick mode: ${runs} n8n runs${results.inprocess ? ' and the in-process comparison' : ''} in ${results.durations.total} s, ` +
			(results.failures.length ? `${results.failures.length} failure(s)` : 'every run returned the expected items'),
		`  node time, ours / HTTP Request node: ${speed || 'not measured'} (one small run: a smoke test; \`npm run bench\` measures)`,
		`  report and log: ${QUICK_DETAILS}`,
	].join('\n');
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		log(error.stack ?? error.message);
		process.exit(1);
	},
);
