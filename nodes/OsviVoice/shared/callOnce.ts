import {
	NodeApiError,
	NodeOperationError,
	type JsonObject,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { routedRequest } from '../../shared';
import { isStopped } from '../../shared/preflight';
import { failedResponseOf } from '../../shared/request/failedResponse';
import { OSVI } from '../../OsviChat/shared/api';

/*
 * Start Call dials a person, so it must never be sent twice for one item. The shared retries already
 * never repeat it after a lost connection or a 5xx other than 503. n8n's own node setting "Retry On
 * Fail" reruns the whole node with the same execute data, though; this remembers, per run of the
 * node and item, what the first try did: a call that was started comes back as it was, and a call
 * that may have been started fails again without a request.
 */

type Outcome = { started: INodeExecutionData[] } | { uncertain: true };

const outcomes = new WeakMap<object, Map<number, Outcome>>();

/** A failure after which OSVI may have placed the call: no answer, or a 5xx other than 503 that did not refuse. */
function mayHaveDialled(error: unknown): boolean {
	if (error instanceof NodeOperationError) return false;
	const response = failedResponseOf(error);
	if (!response) return true;
	return response.status >= 500 && response.status !== 503 && !response.refused;
}

const send = routedRequest(OSVI);

export async function startCallOnce(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const key = this.getExecuteData();
	const index = this.getItemIndex();
	let tries = outcomes.get(key);
	if (!tries) outcomes.set(key, (tries = new Map()));
	const earlier = tries.get(index);
	if (earlier && 'started' in earlier) return earlier.started;
	if (earlier) {
		throw new NodeOperationError(this.getNode(), 'Call not started again: an earlier try of this node may already have placed it', {
			itemIndex: index,
			description:
				'The first try lost its connection to OSVI or got a server error, so OSVI may have dialled the number. Check the calls in OSVI (Call → Get Many) before running this item again.',
		});
	}
	if (isStopped(requestData.options)) return await send.call(this, requestData);
	try {
		const started = await send.call(this, requestData);
		tries.set(index, { started });
		return started;
	} catch (error) {
		if (mayHaveDialled(error)) tries.set(index, { uncertain: true });
		// Already the node's own error (routedRequest turns every failure into one); kept as it is.
		throw error instanceof NodeOperationError ? error : new NodeApiError(this.getNode(), error as JsonObject);
	}
}

export const callOnceNote = 'Never sent twice for one item, even when a try fails midway';
