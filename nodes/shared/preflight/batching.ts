import type { IExecuteSingleFunctions } from 'n8n-workflow';

/** n8n's own Request Options → Batching, as RoutingNode reads it. */
export interface Batching {
	size: number;
	/** Milliseconds RoutingNode sleeps before each batch after the first; 0 when there is no pause. */
	interval: number;
}

export function batchingOf(context: IExecuteSingleFunctions): Batching {
	const { batching } = context.getNodeParameter('requestOptions', {}) as {
		batching?: { batch?: { batchSize?: number; batchInterval?: number } };
	};
	const size = Number(batching?.batch?.batchSize ?? 0);
	const interval = Number(batching?.batch?.batchInterval ?? 0);
	return { size: size > 0 ? size : 1, interval: interval > 0 ? interval : 0 };
}

/**
 * How many items RoutingNode has started once the batch of item `index` has: all of them, unless
 * batches are paused between, when it is every item up to the end of that batch.
 */
export function itemsStartedWith(batching: Batching, index: number, total: number): number {
	if (!batching.interval) return total;
	return Math.min(total, (Math.floor(index / batching.size) + 1) * batching.size);
}
