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
		// Another item is invalid and Continue On Fail is off: this item is never sent.
		if (isStopped(requestData.options)) return [];
		const send: SendRouted = async (data) =>
			await withRetries(this, api, data.options.method ?? 'GET', async () => await this.makeRoutingRequest(data));
		try {
			return pager ? await pager.call(this, requestData, send) : await send(requestData);
		} catch (error) {
			await untilEveryBatchStarted(this);
			throw error instanceof NodeOperationError ? error : new NodeApiError(this.getNode(), error as JsonObject);
		}
	};
}
