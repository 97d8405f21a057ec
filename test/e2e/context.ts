// What an e2e case gets: the running n8n and sandbox, and helpers to read a run's output.
import assert from 'node:assert/strict';

import type { ExecutionResult, N8n, NodeItem } from '../../scripts/n8n/n8n';
import type { RecordedRequest, Sandbox } from '../../scripts/n8n/sandbox';

export interface E2eContext {
	n8n: N8n;
	sandbox: Sandbox;
}

export interface ExecutionCase {
	/** Behaviour, as a sentence. */
	name: string;
	/** Id of the workflow (test/e2e/workflows or examples) to run with `n8n execute`. */
	workflowId: string;
	/** Runs after the sandbox reset, before the workflow (to switch an open answer shape, inject faults). */
	before?: (ctx: E2eContext) => Promise<void>;
	check: (run: ExecutionResult, ctx: E2eContext) => Promise<void> | void;
}

/** Items a node put on its first output in its first run. */
export function output(run: ExecutionResult, node: string, outputIndex = 0): NodeItem[] {
	const nodeRuns = run.runData[node];
	assert.ok(nodeRuns?.length, `node "${node}" did not run (ran: ${Object.keys(run.runData).join(', ') || 'nothing'})`);
	const [first] = nodeRuns;
	assert.equal(first.error, undefined, `node "${node}" failed: ${first.error?.message} ${first.error?.description ?? ''}`);
	return first.data?.main?.[outputIndex] ?? [];
}

/** The single item a node returned. */
export function single(run: ExecutionResult, node: string): Record<string, unknown> {
	const items = output(run, node);
	assert.equal(items.length, 1, `node "${node}" returned ${items.length} items: ${JSON.stringify(items).slice(0, 500)}`);
	return items[0].json;
}

export function succeeded(run: ExecutionResult): void {
	assert.equal(
		run.code,
		0,
		`workflow failed: ${run.error?.message ?? ''} ${run.error?.description ?? ''} (node ${run.error?.node?.name ?? '?'})`,
	);
}

/** Recorded sandbox requests as "METHOD path" lines, in order: easy to compare and to read. */
export function routes(requests: RecordedRequest[]): string[] {
	return requests.map((r) => `${r.method} ${r.path}`);
}

export function body(request: RecordedRequest | undefined): Record<string, unknown> {
	assert.ok(request, 'expected a recorded request');
	return (request.body ?? {}) as Record<string, unknown>;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `actual` has every key of `expected` with a deep-equal value (other keys are ignored). */
export function assertSubset(actual: Record<string, unknown> | undefined, expected: Record<string, unknown>, what = 'value'): void {
	const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, actual?.[k]]));
	assert.deepEqual(picked, expected, `${what}: ${JSON.stringify(actual)}`);
}
