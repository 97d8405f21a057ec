// The n8n CLI as a library: one user folder (database, encryption key, installed packages) per
// instance, every command with a timeout, output parsed where n8n prints JSON.
import type { ChildProcess } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { cleanEnv, majorOf, type N8nInstall } from './install';
import { log, run, startChild, stopChild, StepError, tail, type RunResult } from './proc';

const MINUTE = 60_000;

export interface CredentialFile {
	id: string;
	name: string;
	type: string;
	/** Plain values; n8n encrypts them on import. */
	data: Record<string, unknown>;
}

export interface WorkflowFile {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters?: Record<string, unknown>; [key: string]: unknown }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface NodeItem {
	json: Record<string, unknown>;
	[key: string]: unknown;
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<NodeItem[] | null> };
}

export interface ExecutionResult {
	/** n8n's exit code: 0 when the run succeeded. */
	code: number;
	runData: Record<string, NodeRun[]>;
	error?: { message?: string; description?: string; node?: { name?: string } };
	raw: unknown;
	stderr: string;
}

/** Environment for a quiet, offline n8n that keeps everything in `userFolder`. */
export function n8nEnv(install: N8nInstall, userFolder: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = cleanEnv();
	// Settings meant for someone's own n8n (its database, queue, URLs) must not reach this one.
	for (const key of Object.keys(env)) {
		if (/^(N8N_|DB_|QUEUE_|EXECUTIONS_|WEBHOOK_URL$|NODE_FUNCTION_ALLOW_)/.test(key)) delete env[key];
	}
	return {
		...env,
		PATH: install.path,
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'error',
		N8N_NO_COLOR: 'true',
		// The catalogue of verified community nodes comes from n8n's servers: offline it only logs errors.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		...extra,
	};
}

/**
 * The run n8n printed. `execute` logs it at info level, between other log lines, as
 * JSON.stringify(run, null, 2): it starts at a line "{" and ends at the next line "}".
 */
export function parseRunOutput(text: string): unknown {
	const lines = text.split(/\r?\n/);
	const start = lines.indexOf('{');
	const end = lines.indexOf('}', start);
	if (start < 0 || end < 0) throw new Error(`no run data in the output:\n${tail(text)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

/** A response body as JSON when it parses, else as text (n8n answers some webhooks in plain text). */
export async function jsonOrText(response: Response): Promise<unknown> {
	const text = await response.text();
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export class N8n {
	readonly env: NodeJS.ProcessEnv;

	constructor(
		readonly install: N8nInstall,
		readonly userFolder: string,
		extraEnv: NodeJS.ProcessEnv = {},
	) {
		mkdirSync(join(userFolder, '.n8n'), { recursive: true });
		this.env = n8nEnv(install, userFolder, extraEnv);
	}

	/** Where community packages live: <N8N_USER_FOLDER>/.n8n/nodes/node_modules/<package>. */
	get nodesDir(): string {
		return join(this.userFolder, '.n8n', 'nodes');
	}

	cli(
		step: string,
		args: string[],
		options: { timeoutMs?: number; allowFailure?: boolean; env?: NodeJS.ProcessEnv } = {},
	): Promise<RunResult> {
		return run(step, this.install.node, [this.install.n8nBin, ...args], {
			env: { ...this.env, ...options.env },
			cwd: this.userFolder,
			timeoutMs: options.timeoutMs ?? 2 * MINUTE,
			allowFailure: options.allowFailure,
		});
	}

	private writeInput(name: string, content: unknown): string {
		const file = join(this.userFolder, name);
		writeFileSync(file, JSON.stringify(content, null, 2));
		return file;
	}

	async importCredentials(credentials: CredentialFile[]): Promise<void> {
		const file = this.writeInput('import-credentials.json', credentials);
		await this.cli('import credentials', ['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(workflows: WorkflowFile[]): Promise<void> {
		const file = this.writeInput('import-workflows.json', workflows);
		await this.cli('import workflows', ['import:workflow', `--input=${file}`]);
	}

	/**
	 * Makes an imported workflow live (its webhooks answer once the server starts): n8n 2.x
	 * publishes it, n8n 1.x (no publishing yet) activates it.
	 */
	async publishWorkflow(id: string): Promise<void> {
		const args = majorOf(this.install.version) >= 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
		await this.cli(`publish workflow ${id}`, args);
	}

	/** Every node type this n8n loaded, as n8n describes them to the editor. */
	async exportNodes(): Promise<Array<{ name: string; displayName: string; [key: string]: unknown }>> {
		const file = join(this.userFolder, 'nodes.json');
		await this.cli('export nodes', ['export:nodes', `--output=${file}`]);
		return JSON.parse(readFileSync(file, 'utf8'));
	}

	/** `n8n execute --rawOutput`; resolves for failed runs too (code 1) as long as n8n printed the run. */
	async execute(workflowId: string, timeoutMs = 2 * MINUTE): Promise<ExecutionResult> {
		const result = await this.cli(`execute workflow ${workflowId}`, ['execute', `--id=${workflowId}`, '--rawOutput'], {
			timeoutMs,
			allowFailure: true,
			// execute prints the run through n8n's logger at info level; at "error" it prints nothing.
			env: { N8N_LOG_LEVEL: 'info' },
		});
		let raw: unknown;
		try {
			raw = parseRunOutput(`${result.stdout}\n${result.stderr}`);
		} catch (error) {
			throw new StepError(
				`execute workflow ${workflowId}`,
				`exit ${result.code}, no run data printed (${(error as Error).message})\n${tail(result.stderr)}`,
			);
		}
		const resultData = ((raw as { data?: { resultData?: unknown } }).data?.resultData ?? {}) as {
			runData?: Record<string, NodeRun[]>;
			error?: ExecutionResult['error'];
		};
		return { code: result.code, runData: resultData.runData ?? {}, error: resultData.error, raw, stderr: result.stderr };
	}

	/** `n8n start`, resolved once /healthz answers. */
	async start(port: number, extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 3 * MINUTE): Promise<N8nServer> {
		const child = startChild(this.install.node, [this.install.n8nBin, 'start'], {
			cwd: this.userFolder,
			env: { ...this.env, N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', ...extraEnv },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const server = new N8nServer(child, `http://localhost:${port}`);
		await server.waitUntilReady(timeoutMs);
		return server;
	}
}

/**
 * Why n8n stopped, from its output: the lines reporting errors and port clashes (the task broker
 * reports its clash at info level), else the last lines.
 */
export function startFailureReason(output: string): string {
	// Stack frames, and what n8n logs at every offline start (no Python runner, n8n.io unreachable), say nothing.
	const noise = /^\s+at |Python task runner|ENOTFOUND|api\.n8n\.io|system task run failed/;
	const lines = output.split(/\r?\n/).filter((line) => line.trim() && !noise.test(line));
	const reasons = lines.filter((line) => /error|in use|EADDRINUSE|EACCES|cannot|could not|failed/i.test(line));
	return (reasons.length ? reasons.slice(-10) : lines.slice(-15)).join('\n') || '(n8n printed nothing)';
}

export class N8nServer {
	output = '';
	private cookie = '';

	constructor(
		readonly child: ChildProcess,
		readonly url: string,
	) {
		const collect = (chunk: Buffer) => {
			this.output = (this.output + chunk.toString()).slice(-100_000);
		};
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
	}

	async waitUntilReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null) {
				// n8n logs why it stops just before exiting: let those lines arrive.
				await new Promise((resolve) => setTimeout(resolve, 500));
				throw new StepError('n8n start', `exited with ${this.child.exitCode}\n${startFailureReason(this.output)}`);
			}
			try {
				// n8n 1.x answers /healthz/readiness before its REST API is mounted (404 until then).
				const ready = await fetch(`${this.url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
				if (ready.ok && (await fetch(`${this.url}/rest/settings`, { signal: AbortSignal.timeout(5000) })).ok) return;
			} catch {
				/* not listening yet */
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new StepError('n8n start', `not ready after ${timeoutMs / 1000} s\n${tail(this.output)}`);
	}

	/**
	 * Waits until n8n has registered the POST webhook at `path` (published workflows are activated
	 * after the server already answers /healthz). A GET to it then says "not registered for GET".
	 */
	async waitForPostWebhook(path: string, timeoutMs = 30_000): Promise<boolean> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			try {
				const response = await fetch(`${this.url}/webhook/${path}`, { signal: AbortSignal.timeout(5000) });
				const text = await response.text();
				if (response.status !== 404 || /not registered for GET/i.test(text)) return true;
			} catch {
				/* retry */
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		return false;
	}

	/** Calls n8n's internal REST API as the signed-in user (after `login`). */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
				// n8n rejects state-changing browser calls without it (CSRF guard).
				'browser-id': 'n8n-nodes-osvi-e2e',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		return { status: response.status, body: (await jsonOrText(response)) as T };
	}

	async login(email: string, password: string): Promise<void> {
		const response = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': 'n8n-nodes-osvi-e2e' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
			signal: AbortSignal.timeout(30_000),
		});
		if (!response.ok) throw new StepError('n8n login', `${response.status} ${await response.text()}`);
		const setCookie = response.headers.getSetCookie();
		this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
		log(`signed in to ${this.url} as ${email}`);
	}

	async stop(): Promise<void> {
		await stopChild(this.child, 10_000);
	}
}
