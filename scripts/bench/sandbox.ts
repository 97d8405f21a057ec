// The sandbox's admin API (test/sandbox/admin.ts) calls the benchmark needs between runs.
import type { Sandbox } from '../n8n/sandbox';

/** The sandbox child (scripts/n8n/sandbox.ts), or just its URL from another process. */
export type SandboxUrls = Pick<Sandbox, 'osviUrl'>;

export interface SandboxStats {
	maxConcurrent: number;
	inFlight: number;
	total: number;
	requests: number;
}

async function admin<T>(sandbox: SandboxUrls, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${sandbox.osviUrl}/__sandbox/${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(60_000),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`sandbox admin ${method} ${path} answered ${response.status}: ${text}`);
	return JSON.parse(text) as T;
}

/**
 * A clean sandbox for the next run: state back to the seed, counters zeroed, the latency set again
 * (reset restores the start-up latency) and, for listing runs, generated sessions on top of the
 * fixtures up to `opencxSessions` in all. Returns how many sessions open.cx now lists.
 */
export async function prepareSandbox(
	sandbox: SandboxUrls,
	options: { latencyMs: number; opencxSessions?: number },
): Promise<number> {
	await admin(sandbox, 'POST', 'reset');
	await admin(sandbox, 'POST', 'latency', { ms: options.latencyMs });
	const seed = (opencxSessions: number) =>
		admin<{ opencxSessions: number }>(sandbox, 'POST', 'seed', { opencxSessions });
	const fixtures = (await seed(0)).opencxSessions;
	if (!options.opencxSessions || options.opencxSessions <= fixtures) return fixtures;
	return (await seed(options.opencxSessions - fixtures)).opencxSessions;
}

export async function sandboxStats(sandbox: SandboxUrls): Promise<SandboxStats> {
	return await admin<SandboxStats>(sandbox, 'GET', 'stats');
}
