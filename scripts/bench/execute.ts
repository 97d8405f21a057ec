// `n8n execute` with the measurements the benchmark needs: the process's wall time, and its peak
// memory, sampled from /proc while it runs (n8n and its children, such as the Code node's task
// runner). The run output is parsed with the e2e runner's parser.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';

import { parseRunOutput, type N8n, type NodeRun } from '../n8n/n8n';
import { startChild, StepError, tail } from '../n8n/proc';

export interface MeasuredExecution {
	code: number;
	runData: Record<string, NodeRun[]>;
	error?: { message?: string; description?: string };
	/** Spawn to exit of `n8n execute`, boot included. */
	processMs: number;
	/** Peak resident set of the n8n process itself (its getrusage maxRSS, else sampled VmHWM). */
	peakRssMb: number;
	/** Highest sampled sum of VmRSS over n8n and all its descendants. */
	peakTreeRssMb: number;
	/** CPU time (user + system) of the n8n process, boot included; 0 when it could not be read. */
	cpuMs: number;
	/** Expressions n8n evaluated in the whole run; -1 when they could not be counted. */
	expressions: number;
}

const SAMPLE_MS = 100;
const EXIT_STATS_HOOK = join(__dirname, 'exit-stats.js');

/** What exit-stats.js wrote for `pid`: peak RSS in kB, CPU time in µs, expressions evaluated (-1: unknown). */
function exitStats(file: string, pid: number | undefined): { maxRssKb: number; cpuUs: number; expressions: number } {
	if (!existsSync(file)) return { maxRssKb: 0, cpuUs: 0, expressions: -1 };
	const line = readFileSync(file, 'utf8')
		.split('\n')
		.find((l) => l.startsWith(`${pid} `));
	rmSync(file, { force: true });
	const [, maxRssKb, cpuUs, expressions] = (line ?? '').split(' ').map(Number);
	return { maxRssKb: maxRssKb || 0, cpuUs: cpuUs || 0, expressions: Number.isFinite(expressions) ? expressions : -1 };
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
	try {
		const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0; // exited between listing and reading
	}
}

/** pid and every descendant, from /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
	const found = [pid];
	for (let i = 0; i < found.length; i++) {
		let tasks: string[] = [];
		try {
			tasks = readdirSync(`/proc/${found[i]}/task`);
		} catch {
			continue;
		}
		for (const tid of tasks) {
			try {
				for (const child of readFileSync(`/proc/${found[i]}/task/${tid}/children`, 'utf8').trim().split(/\s+/)) {
					if (child) found.push(Number(child));
				}
			} catch {
				/* thread gone */
			}
		}
	}
	return found;
}

export interface ExecuteOptions {
	timeoutMs: number;
	/** Extra Node flags for the n8n process, e.g. ['--cpu-prof', '--cpu-prof-dir=…']. */
	nodeFlags?: string[];
}

export function executeMeasured(n8n: N8n, workflowId: string, options: ExecuteOptions): Promise<MeasuredExecution> {
	const step = `execute workflow ${workflowId}`;
	return new Promise((resolve, reject) => {
		const statsFile = join(n8n.userFolder, `exit-stats-${workflowId}.txt`);
		rmSync(statsFile, { force: true });
		// Output goes to files, not pipes: n8n exits right after printing the run, and Node writes to a
		// pipe asynchronously, so a run of 10,000 items printed into a pipe can be cut off at exit.
		const outFile = join(n8n.userFolder, `execute-${workflowId}.out`);
		const errFile = join(n8n.userFolder, `execute-${workflowId}.err`);
		const outFd = openSync(outFile, 'w');
		const errFd = openSync(errFile, 'w');
		const started = performance.now();
		const child = startChild(
			n8n.install.node,
			['-r', EXIT_STATS_HOOK, ...(options.nodeFlags ?? []), n8n.install.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
			{
				cwd: n8n.userFolder,
				// execute prints the run through n8n's logger at info level; at "error" it prints nothing.
				env: { ...n8n.env, N8N_LOG_LEVEL: 'info', BENCH_EXIT_STATS_FILE: statsFile },
				stdio: ['ignore', outFd, errFd],
			},
		);
		closeSync(outFd);
		closeSync(errFd);
		const readOutput = (file: string) => {
			const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
			rmSync(file, { force: true });
			return text;
		};

		let peakHwmKb = 0;
		let peakTreeKb = 0;
		const sample = () => {
			if (child.pid === undefined) return;
			peakHwmKb = Math.max(peakHwmKb, statusKb(child.pid, 'VmHWM'));
			const treeKb = processTree(child.pid).reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0);
			peakTreeKb = Math.max(peakTreeKb, treeKb);
		};
		const sampler = setInterval(sample, SAMPLE_MS);
		// VmHWM only grows, so the last reading before exit is the peak; read it on every exit path.
		child.on('exit', () => clearInterval(sampler));
		const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), options.timeoutMs);

		child.on('error', (error) => {
			clearInterval(sampler);
			clearTimeout(timer);
			reject(new StepError(step, error.message));
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			const processMs = performance.now() - started;
			const out = readOutput(outFile);
			const err = readOutput(errFile);
			if (signal) {
				reject(new StepError(step, `killed by ${signal} after ${Math.round(processMs / 1000)} s\n${tail(err)}`));
				return;
			}
			let raw: unknown;
			try {
				raw = parseRunOutput(`${out}\n${err}`);
			} catch (error) {
				reject(new StepError(step, `exit ${code}, no run data printed (${(error as Error).message})\n${tail(err)}`));
				return;
			}
			const resultData = ((raw as { data?: { resultData?: unknown } }).data?.resultData ?? {}) as {
				runData?: Record<string, NodeRun[]>;
				error?: MeasuredExecution['error'];
			};
			const stats = exitStats(statsFile, child.pid);
			resolve({
				code: code ?? 1,
				runData: resultData.runData ?? {},
				error: resultData.error,
				processMs,
				peakRssMb: Math.max(peakHwmKb, stats.maxRssKb) / 1024,
				peakTreeRssMb: peakTreeKb / 1024,
				cpuMs: stats.cpuUs / 1000,
				expressions: stats.expressions,
			});
		});
		sample();
	});
}
