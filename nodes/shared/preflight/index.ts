import {
	NodeConnectionTypes,
	sleep,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
	type PreSendAction,
} from 'n8n-workflow';

import { batchingOf, itemsStartedWith } from './batching';

/*
 * Every item is checked before any item is sent. RoutingNode starts each item's preSend steps in
 * one synchronous loop and runs the requests concurrently, so a per-item check alone would let
 * items 1 and 3 go out while item 2 fails the node. Here every preSend step records its item's
 * outcome for the run, and the node's last step holds each item until all items are settled:
 * with Continue On Fail off, one invalid item keeps every item from being sent.
 *
 * Batching with an interval starts later batches after a pause, so each batch is checked on its
 * own: after an invalid item no later item is sent, but earlier batches are already out.
 */

interface RunCheck {
	/** The context of each item that started its preSend steps in this run. */
	items: Map<number, IExecuteSingleFunctions>;
	highestStarted: number;
	settled: Set<number>;
	failed: Set<number>;
	waiting: Array<() => void>;
}

/** One check per node run: every item's context shares that run's execute data. */
const runs = new WeakMap<object, RunCheck>();

/** Requests of items held back because another item is invalid; the routed request skips them. */
const stopped = new WeakSet<object>();

const runKey = (context: IExecuteSingleFunctions) => {
	const key = context.getExecuteData?.();
	return typeof key === 'object' && key !== null ? key : undefined;
};

/** Registers the item's start in its run and returns the run. */
function startItem(context: IExecuteSingleFunctions): RunCheck | undefined {
	const key = runKey(context);
	if (!key) return undefined;
	const index = context.getItemIndex();
	let run = runs.get(key);
	// Node-level "Retry On Fail" reruns the node with the same execute data: a new context for an
	// item already seen means a new run.
	const seen = run?.items.get(index);
	if (!run || (seen && seen !== context)) {
		run = { items: new Map(), highestStarted: -1, settled: new Set(), failed: new Set(), waiting: [] };
		runs.set(key, run);
	}
	run.items.set(index, context);
	run.highestStarted = Math.max(run.highestStarted, index);
	return run;
}

function settle(run: RunCheck, index: number): void {
	run.settled.add(index);
	if (run.settled.size < run.items.size) return;
	const waiting = run.waiting.splice(0);
	for (const resume of waiting) resume();
}

function inputCount(context: IExecuteSingleFunctions): number {
	// Execute Once hands RoutingNode only the first item, while the execute data keeps them all.
	if (context.getNode().executeOnce) return 1;
	const data = context.getExecuteData().data;
	return (data[NodeConnectionTypes.Main] ?? data[NodeConnectionTypes.AiTool])?.[0]?.length ?? 1;
}

/** Names the item in the failure that stops the whole node, as n8n's own messages do. */
function nameTheItem(context: IExecuteSingleFunctions, error: unknown): unknown {
	const total = inputCount(context);
	if (context.continueOnFail() || total < 2 || typeof error !== 'object' || error === null) return error;
	const failure = error as { message: string; description?: string | null };
	const batched = itemsStartedWith(batchingOf(context), context.getItemIndex(), total) < total;
	failure.message = `${failure.message} [item ${context.getItemIndex()}]`;
	failure.description = [
		failure.description,
		batched
			? 'No later item was sent; items of earlier batches (Batching with an interval) already were.'
			: `None of the ${total} items was sent: every item is checked before any is sent.`,
	]
		.filter(Boolean)
		.join(' ');
	return error;
}

/**
 * With Batching's interval, RoutingNode sleeps between batches before it listens to the items'
 * outcomes, so a failure thrown meanwhile would be an unhandled rejection. Waits until the last
 * item has started, or until a whole interval passes without a new one (the loop stopped early).
 */
export async function untilEveryBatchStarted(context: IExecuteSingleFunctions): Promise<void> {
	const { interval } = batchingOf(context);
	const key = runKey(context);
	const run = key && runs.get(key);
	if (!interval || !run) return;
	const last = inputCount(context) - 1;
	let seen = run.highestStarted;
	while (run.highestStarted < last) {
		await sleep(interval + 20);
		if (run.highestStarted === seen) return;
		seen = run.highestStarted;
	}
}

/** A preSend step that records its item's outcome for the run. */
function recordingItsOutcome(step: PreSendAction): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const run = startItem(this);
		try {
			return await step.call(this, requestOptions);
		} catch (error) {
			if (run) {
				run.failed.add(this.getItemIndex());
				settle(run, this.getItemIndex());
			}
			await untilEveryBatchStarted(this);
			throw nameTheItem(this, error);
		}
	};
}

type Described = { routing?: INodeProperties['routing']; options?: unknown[]; values?: unknown[] };

/** The property with every preSend step recorded, down through options, collections and fixed collections. */
function recordPreSends<T>(property: T): T {
	const described = property as Described;
	let copy: Described = described;
	const preSend = described.routing?.send?.preSend;
	if (preSend?.length) {
		copy = {
			...copy,
			routing: { ...copy.routing, send: { ...copy.routing?.send, preSend: preSend.map(recordingItsOutcome) } },
		};
	}
	if (Array.isArray(copy.options)) copy = { ...copy, options: copy.options.map(recordPreSends) };
	if (Array.isArray(copy.values)) copy = { ...copy, values: copy.values.map(recordPreSends) };
	return copy as T;
}

export function everyPreSendRecordingItsOutcome(properties: INodeProperties[]): INodeProperties[] {
	return properties.map(recordPreSends);
}

/**
 * The node's last preSend step: waits until every started item of the run has passed or failed
 * its checks, then lets this item's request go, unless Continue On Fail is off and an item failed.
 */
export const releaseCheckedItem: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const run = startItem(this);
	if (!run) return requestOptions;
	// This step may be an item's first, run inside RoutingNode's loop: let the loop start the rest.
	await sleep(0);
	settle(run, this.getItemIndex());
	if (run.settled.size < run.items.size) await new Promise<void>((resume) => run.waiting.push(resume));
	if (this.continueOnFail()) return requestOptions;
	// Fewer items started than expected: RoutingNode already failed the node on one of them.
	const expected = itemsStartedWith(batchingOf(this), this.getItemIndex(), inputCount(this));
	if (run.failed.size > 0 || run.items.size < expected) stopped.add(requestOptions);
	return requestOptions;
};

export function isStopped(requestOptions: object): boolean {
	return stopped.has(requestOptions);
}

/**
 * This try of the node's run: one object per try, and how many of its items passed their checks
 * (the items whose requests go on to the routed request, sent or held back).
 */
export function currentTry(context: IExecuteSingleFunctions): { run: object; checkedItems: number } | undefined {
	const key = runKey(context);
	const run = key && runs.get(key);
	return run ? { run, checkedItems: run.items.size - run.failed.size } : undefined;
}
