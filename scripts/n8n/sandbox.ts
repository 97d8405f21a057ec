// Runs the API sandbox (test/sandbox/cli.ts) as a child process and talks to its admin API.
import type { ChildProcess } from 'child_process';
import { join } from 'path';

import { log, startChild, stopChild, StepError, tail } from './proc';

export const REPO_ROOT = join(__dirname, '..', '..');

/** Demo secrets the sandbox accepts (test/sandbox). */
export const SANDBOX_SECRETS = {
	osviToken: 'osvidemotoken016',
	openCxKey: 'ocx_live_demo_sandbox_key',
	agentUuid: 'agent_DemoSupport_01',
};

export interface RecordedRequest {
	api: 'osvi' | 'opencx';
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
	status: number;
}

export interface VoiceAdmin {
	callDurationMs: number;
	webhookShape: string;
	deliveries: Array<{ callId: string; url: string; body: Record<string, unknown>; status: number; error?: string }>;
}

export class Sandbox {
	private constructor(
		private readonly child: ChildProcess,
		readonly osviUrl: string,
		readonly opencxUrl: string,
	) {}

	/** Port 0 picks free ports (tests); `npm start` uses fixed ones so saved credentials keep working. */
	static async start(ports: { osvi: number; opencx: number }, timeoutMs = 60_000): Promise<Sandbox> {
		const child = startChild(
			process.execPath,
			[
				'-r',
				'ts-node/register/transpile-only',
				'test/sandbox/cli.ts',
				'--osvi-port',
				String(ports.osvi),
				'--opencx-port',
				String(ports.opencx),
				'--json-ready',
			],
			{ cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let output = '';
		const ready = await new Promise<{ osviUrl: string; opencxUrl: string }>((resolve, reject) => {
			const timer = setTimeout(() => reject(new StepError('start sandbox', `no ready line after ${timeoutMs / 1000} s\n${tail(output)}`)), timeoutMs);
			let buffered = '';
			child.stdout!.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				buffered += chunk.toString();
				let newline: number;
				while ((newline = buffered.indexOf('\n')) >= 0) {
					const line = buffered.slice(0, newline).trim();
					buffered = buffered.slice(newline + 1);
					if (!line.startsWith('{')) continue;
					try {
						const parsed = JSON.parse(line) as { osviUrl?: string; opencxUrl?: string };
						if (parsed.osviUrl && parsed.opencxUrl) {
							clearTimeout(timer);
							resolve({ osviUrl: parsed.osviUrl, opencxUrl: parsed.opencxUrl });
						}
					} catch {
						/* not the ready line */
					}
				}
			});
			child.stderr!.on('data', (chunk: Buffer) => {
				output += chunk.toString();
			});
			child.on('exit', (code) => {
				clearTimeout(timer);
				reject(new StepError('start sandbox', `exited with ${code} before it was ready\n${tail(output)}`));
			});
		});
		// Keep draining its output so a chatty sandbox never blocks on a full pipe.
		child.stdout!.resume();
		child.stderr!.resume();
		log(`sandbox ready: OSVI ${ready.osviUrl}, open.cx ${ready.opencxUrl}`);
		return new Sandbox(child, ready.osviUrl.replace(/\/+$/, ''), ready.opencxUrl.replace(/\/+$/, ''));
	}

	async stop(): Promise<void> {
		await stopChild(this.child);
	}

	private async admin(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.osviUrl}/__sandbox/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(10_000),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`sandbox admin ${method} ${path} answered ${response.status}: ${text}`);
		return text ? JSON.parse(text) : undefined;
	}

	async reset(): Promise<void> {
		await this.admin('POST', 'reset');
	}

	/** Adds generated open.cx sessions (and contacts), for paging through more than one page. */
	async seed(counts: { opencxSessions?: number; opencxContacts?: number }): Promise<void> {
		await this.admin('POST', 'seed', counts);
	}

	/** Fault rules as test/sandbox/README.md describes them (`path` may be {"regex": "..."}). */
	async addFaults(rules: unknown[]): Promise<void> {
		await this.admin('POST', 'faults', rules);
	}

	/** OSVI voice settings (call length, webhook shape) and the post-call webhook deliveries; changes last until reset. */
	async voice(settings?: { callDurationMs?: number; webhookShape?: 'perCall' | 'integration' }): Promise<VoiceAdmin> {
		return (await this.admin(settings ? 'POST' : 'GET', 'voice', settings)) as VoiceAdmin;
	}

	/** Switches the open.cx answer shapes the docs leave open (test/sandbox/README.md, "Open shapes"). */
	async openCxShapes(shapes: { historyOrder?: string; historyItemIds?: boolean; sendResponse?: string }): Promise<void> {
		await this.admin('POST', 'opencx/shapes', shapes);
	}

	async requests(api?: 'osvi' | 'opencx'): Promise<RecordedRequest[]> {
		return (await this.admin('GET', api ? `requests?api=${api}` : 'requests')) as RecordedRequest[];
	}
}
