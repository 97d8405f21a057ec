import {
	NodeConnectionTypes,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
	type PreSendAction,
} from 'n8n-workflow';

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
	settled: Set<number>;
	failed: Set<number>;
	waiting: Array<() => void>;
}

/** One check per node run: every item's context shares that run's execute data. */
const runs = new WeakMap<object, RunCheck>();

/** Requests of items held back because another item is invalid; the routed request skips them. */
const stopped = new WeakSet<object>();

function runOf(context: IExecuteSingleFunctions): RunCheck | undefined {
	const key = context.getExecuteData?.();
	if (typeof key !== 'object' || key === null) return undefined;
	const index = context.getItemIndex();
	let run = runs.get(key);
	// Node-level "Retry On Fail" reruns the node with the same execute data: a new context for an
	// item already seen means a new run.
	const seen = run?.items.get(index);
	if (!run || (seen && seen !== context)) {
		run = { items: new Map(), settled: new Set(), failed: new Set(), waiting: [] };
		runs.set(key, run);
	}
	run.items.set(index, context);
	return run;
}

function settle(run: RunCheck, index: number): void {
	run.settled.add(index);
	if (run.settled.size < run.items.size) return;
	const waiting = run.waiting.splice(0);
	for (const resume of waiting) resume();
}

function inputCount(context: IExecuteSingleFunctions): number {
	const data = context.getExecuteData().data;
	return (data[NodeConnectionTypes.Main] ?? data[NodeConnectionTypes.AiTool])?.[0]?.length ?? 1;
}

/** The items that start their steps before this item's batch is released: all, unless Batching has an interval. */
function itemsExpectedBy(context: IExecuteSingleFunctions, total: number): number {
	const { batching } = context.getNodeParameter('requestOptions', {}) as {
		batching?: { batch?: { batchSize?: number; batchInterval?: number } };
	};
	const interval = batching?.batch?.batchInterval ?? 0;
	if (!(interval > 0)) return total;
	const size = (batching?.batch?.batchSize ?? 0) > 0 ? Number(batching?.batch?.batchSize) : 1;
	return Math.min(total, (Math.floor(context.getItemIndex() / size) + 1) * size);
}

/** Names the item in the failure that stops the whole node, as n8n's own messages do. */
function nameTheItem(context: IExecuteSingleFunctions, error: unknown): unknown {
	const total = inputCount(context);
	if (context.continueOnFail() || total < 2 || typeof error !== 'object' || error === null) return error;
	const failure = error as { message: string; description?: string | null };
	const batched = itemsExpectedBy(context, total) < total;
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

/** A preSend step that records its item's outcome for the run. */
function recorded(step: PreSendAction): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const run = runOf(this);
		try {
			return await step.call(this, requestOptions);
		} catch (error) {
			if (run) {
				run.failed.add(this.getItemIndex());
				settle(run, this.getItemIndex());
			}
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
			routing: { ...copy.routing, send: { ...copy.routing?.send, preSend: preSend.map(recorded) } },
		};
	}
	if (Array.isArray(copy.options)) copy = { ...copy, options: copy.options.map(recordPreSends) };
	if (Array.isArray(copy.values)) copy = { ...copy, values: copy.values.map(recordPreSends) };
	return copy as T;
}

export function everyPreSendRecorded(properties: INodeProperties[]): INodeProperties[] {
	return properties.map(recordPreSends);
}

/**
 * The node's last preSend step: waits until every item of the run has passed or failed its checks,
 * then lets this item's request go, unless Continue On Fail is off and an item failed.
 */
export const releaseCheckedItem: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const run = runOf(this);
	if (!run) return requestOptions;
	settle(run, this.getItemIndex());
	if (run.settled.size < run.items.size) await new Promise<void>((resume) => run.waiting.push(resume));
	if (this.continueOnFail()) return requestOptions;
	// Fewer items than expected started: RoutingNode already failed the node on one of them.
	const missing = run.items.size < itemsExpectedBy(this, inputCount(this));
	if (run.failed.size > 0 || missing) stopped.add(requestOptions);
	return requestOptions;
};

export function isStopped(requestOptions: object): boolean {
	return stopped.has(requestOptions);
}

