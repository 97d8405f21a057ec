// What one benchmark run records, and the checks that make a run count (right item count, no error).
import type { NodeRun } from '../n8n/n8n';
import type { InProcessResult } from './inprocess';
import type { MeasuredExecution } from './execute';
import type { SandboxStats } from './sandbox';
import type { GetAllCase, SendCase } from './workflows';

export interface N8nRun {
	run: number;
	/** The measured node's own executionTime from the run data. */
	nodeMs: number;
	/** `n8n execute` from spawn to exit. */
	processMs: number;
	peakRssMb: number;
	peakTreeRssMb: number;
	/** CPU time of the n8n process, boot included: steadier than wall time on a busy machine. */
	cpuMs: number;
	/** Expressions n8n evaluated in the whole run (-1: not counted). */
	expressions: number;
	maxConcurrent: number;
	/** API requests the sandbox answered. */
	requests: number;
	/** Items the measured node (for Get Many on the HTTP side: Split Out) returned. */
	items: number;
	/** Get Many, HTTP side: Split Out's executionTime. */
	splitMs?: number;
}

export interface SendResult {
	case: SendCase;
	runs: N8nRun[];
}

export interface GetAllResult {
	case: GetAllCase;
	sessions: number;
	runs: N8nRun[];
}

export interface BenchResults {
	startedAt: string;
	finishedAt?: string;
	machine: Machine;
	/** Which build of the package was measured. */
	packageSource?: string;
	options: { quick: boolean; runs: number; batchingRuns: number; latencyMs: number; sizes: number[]; sessions: number; inprocessItems: number };
	send: SendResult[];
	getAll: GetAllResult[];
	inprocess?: InProcessResult;
	/** Median CPU time of an n8n run without the measured node. */
	baselineCpuMs?: number;
	/** Expressions such a run evaluates. */
	baselineExpressions?: number;
	/** Peak RSS of such a run: n8n booted, no measured node. */
	baselinePeakRssMb?: number;
	failures: string[];
	/** Seconds per phase, for keeping the run inside its time budget. */
	durations: Record<string, number>;
}

export interface Machine {
	cpuModel: string;
	cores: number;
	memoryGiB: number;
	os: string;
	node: string;
	n8nNode: string;
	n8n: string;
	loadAverage: number[];
	loadAverageEnd?: number[];
}

function outputOf(runs: NodeRun[] | undefined): { items: number; ms: number; error?: string } {
	const first = runs?.[0] as (NodeRun & { executionTime?: number }) | undefined;
	if (!first) return { items: 0, ms: 0, error: 'did not run' };
	const error = first.error ? `${first.error.message ?? ''} ${first.error.description ?? ''}`.trim() : undefined;
	return { items: first.data?.main?.[0]?.length ?? 0, ms: first.executionTime ?? 0, error };
}

/**
 * Turns an execution into a run record, or throws with what went wrong: n8n failed, the node
 * errored, or it returned the wrong number of items.
 */
export function recordRun(
	label: string,
	run: number,
	execution: MeasuredExecution,
	stats: SandboxStats,
	expect: { node: string; items: number; countNode?: string },
): N8nRun {
	const measured = outputOf(execution.runData[expect.node]);
	const counted = expect.countNode ? outputOf(execution.runData[expect.countNode]) : measured;
	const problems = [
		execution.code !== 0 && `n8n exited with ${execution.code}: ${execution.error?.message ?? ''} ${execution.error?.description ?? ''}`,
		measured.error && `${expect.node} failed: ${measured.error}`,
		counted.error && expect.countNode && `${expect.countNode} failed: ${counted.error}`,
		counted.items !== expect.items && `${expect.countNode ?? expect.node} returned ${counted.items} items, expected ${expect.items}`,
	].filter(Boolean);
	if (problems.length) throw new Error(`${label}, run ${run}: ${problems.join('; ')}`);
	return {
		run,
		nodeMs: measured.ms,
		processMs: execution.processMs,
		peakRssMb: execution.peakRssMb,
		peakTreeRssMb: execution.peakTreeRssMb,
		cpuMs: execution.cpuMs,
		expressions: execution.expressions,
		maxConcurrent: stats.maxConcurrent,
		requests: stats.total,
		items: counted.items,
		...(expect.countNode ? { splitMs: counted.ms } : {}),
	};
}
