import {
	NodeApiError,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { isStopped, untilEveryBatchStarted } from '../preflight';
import type { ApiProfile } from './settings';
import {
	deliverySummary,
	earlierSend,
	keepDelivered,
	keepFailure,
	earlierError,
	settleSend,
	startSend,
} from './earlierTries';
import { isSafeMethod } from './retryPolicy';
import { withRetries } from './retries';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** Sends one routed request (its postReceive steps included), with retries and the rate limit. */
export type SendRouted = (requestData: RequestData) => Promise<INodeExecutionData[]>;

/** An operation's own paging, given the one way to send each page. */
export type Pager = (
	this: IExecutePaginationFunctions,
	requestData: RequestData,
	send: SendRouted,
) => Promise<INodeExecutionData[]>;

/**
 * The `requestOperations.pagination` function every request of a node goes through. RoutingNode
 * calls it for each item when `paginate` is on (the Retry and Rate Limit collection turns it on for
 * every operation), handing it `makeRoutingRequest`, which sends the request and runs the
 * operation's postReceive steps, so an API error arrives here as the node's own NodeApiError.
 * Without a pager it sends one request; operations that page pass theirs.
 */
export function routedRequest(api: ApiProfile, pager?: Pager) {
	return async function (this: IExecutePaginationFunctions, requestData: RequestData): Promise<INodeExecutionData[]> {
		const method = requestData.options.method ?? 'GET';
		// Sends are kept for n8n's Retry On Fail (earlierTries.ts); reads and paged lists are repeated.
		const isSend = !pager && !isSafeMethod(method);
		// Another item is invalid and Continue On Fail is off: this item is never sent.
		if (isStopped(requestData.options)) {
			if (isSend) settleSend(this, 'no');
			return [];
		}
		const send: SendRouted = async (data) =>
			await withRetries(this, api, data.options.method ?? 'GET', async () => await this.makeRoutingRequest(data));
		if (!isSend) {
			try {
				return pager ? await pager.call(this, requestData, send) : await send(requestData);
			} catch (error) {
				await untilEveryBatchStarted(this);
				throw asNodeError(this, error);
			}
		}
		const earlier = earlierSend(this, requestData.options);
		if (earlier && 'items' in earlier) {
			settleSend(this, 'yes');
			return earlier.items;
		}
		if (earlier) {
			settleSend(this, earlier.delivered ? 'yes' : 'maybe');
			throw await withSummary(this, earlierError(earlier));
		}
		startSend(this);
		try {
			const items = await send(requestData);
			keepDelivered(this, requestData.options, items);
			settleSend(this, 'yes');
			return items;
		} catch (error) {
			settleSend(this, keepFailure(this, requestData.options, error, api.name));
			await untilEveryBatchStarted(this);
			throw await withSummary(this, asNodeError(this, error));
		}
	};
}

function asNodeError(context: IExecutePaginationFunctions, error: unknown): Error {
	return error instanceof NodeOperationError || error instanceof NodeApiError
		? error
		: new NodeApiError(context.getNode(), error as JsonObject);
}

/** With Continue On Fail off, the error that stops the node says which items were delivered. */
async function withSummary<E extends object>(context: IExecutePaginationFunctions, error: E): Promise<E> {
	if (context.continueOnFail()) return error;
	const summary = await deliverySummary(context);
	const described = error as { description?: string | null };
	if (summary) described.description = [described.description, summary].filter(Boolean).join(' ');
	return error;
}
