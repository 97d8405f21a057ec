// Child processes for the n8n scripts: every one gets a timeout, and every long-lived one is
// killed when this process exits, so a failed run never leaves n8n or the sandbox behind.
import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';
import { createServer, type AddressInfo } from 'net';

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	timeoutMs: number;
	/** Stream the child's output to this process's stderr while it runs. */
	echo?: boolean;
	/** Resolve with a non-zero code instead of throwing. */
	allowFailure?: boolean;
}

const children = new Set<ChildProcess>();

function killTree(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		// Children are started detached, so -pid reaches the whole group (npm → node → n8n).
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

export function killAllChildren(signal: NodeJS.Signals = 'SIGTERM'): void {
	for (const child of children) killTree(child, signal);
}

process.on('exit', () => killAllChildren('SIGKILL'));

let logSink: ((line: string) => void) | undefined;

/** Sends `log` lines to `sink` instead of stderr (the benchmark's quick mode keeps them in a file); undefined restores stderr. */
export function logTo(sink: ((line: string) => void) | undefined): void {
	logSink = sink;
}

export function log(message: string): void {
	const line = `[n8n] ${message}\n`;
	if (logSink) logSink(line);
	else process.stderr.write(line);
}

export class StepError extends Error {
	constructor(
		readonly step: string,
		message: string,
	) {
		super(`${step} failed: ${message}`);
	}
}

/** Start a process in its own process group and track it for cleanup. */
export function startChild(command: string, args: string[], options: SpawnOptions): ChildProcess {
	const child = spawn(command, args, { ...options, detached: true });
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killTree(child, 'SIGTERM');
	const timer = setTimeout(() => killTree(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

/** Run a command to completion; throws a StepError naming `step` on failure or timeout. */
export function run(step: string, command: string, args: string[], options: RunOptions): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = startChild(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout!.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (options.echo) process.stderr.write(chunk);
		});
		child.stderr!.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			if (options.echo) process.stderr.write(chunk);
		});
		const timer = setTimeout(() => {
			timedOut = true;
			killTree(child, 'SIGKILL');
		}, options.timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(new StepError(step, `could not start ${command}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const result = { code: code ?? 1, stdout, stderr };
			if (timedOut) {
				reject(new StepError(step, `timed out after ${Math.round(options.timeoutMs / 1000)} s\n${tail(stderr || stdout)}`));
			} else if ((code !== 0 || signal) && !options.allowFailure) {
				reject(
					new StepError(
						step,
						`${command} ${args.join(' ')} exited with ${signal ?? code}\n${tail(stderr || stdout)}`,
					),
				);
			} else {
				resolve(result);
			}
		});
	});
}

export function tail(text: string, lines = 30): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

const cleanups: Array<() => Promise<void>> = [];
let stopping = false;

/**
 * Ctrl-C, SIGTERM or SIGHUP: run the cleanups (at most 15 s), kill every child, exit with the
 * conventional code. Installed when this module loads, so no entry point leaves children behind
 * (they run in their own process groups and would not get the terminal's signal).
 */
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		log(`${signal} received, stopping…`);
		const done = () => {
			killAllChildren('SIGKILL');
			process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
		};
		setTimeout(done, 15_000).unref();
		Promise.allSettled(cleanups.map((cleanup) => cleanup())).then(done, done);
	});
}

/** Run `cleanup` before exiting on a signal. */
export function exitOnSignals(cleanup: () => Promise<void>): void {
	cleanups.push(cleanup);
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}
