import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { routedRequest, type SendRouted } from '../../shared/request/routedRequest';
import { OPEN_CX } from './api';
import { unexpectedResponseError } from './errors';

/** The filter endpoint's largest page. */
const MAX_FILTER_PAGE_SIZE = 100;

/** How many items the operation wants: Infinity for Return All, else the Limit. */
function wantedCount(context: IExecutePaginationFunctions): number {
	if (context.getNodeParameter('returnAll', false) as boolean) return Infinity;
	return context.getNodeParameter('limit', 50) as number;
}

/**
 * One response body per page, each page sent (and retried) on its own: our postReceive steps keep
 * the envelope, so the pager can read it.
 */
async function fetchPage(
	context: IExecutePaginationFunctions,
	send: SendRouted,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	options: Partial<DeclarativeRestApiSettings.HttpRequestOptions>,
): Promise<IDataObject> {
	const [page] = await send({
		...requestData,
		options: { ...requestData.options, ...options },
	});
	const body = page?.json;
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw unexpectedResponseError(context, 'expected a page object', body);
	}
	return body;
}

/** Adds a page's items to the results, up to `wanted`; the page itself is then dropped. */
function take(results: INodeExecutionData[], pageItems: unknown[], wanted: number): void {
	for (const json of pageItems) {
		if (results.length >= wanted) return;
		results.push({ json: json as IDataObject });
	}
}

/**
 * Cursor lists (`GET /chat/sessions`, `/contacts`, `/chat/sessions/{id}/history`): `{ items, next }`.
 * Follows `next` until it is null (Return All) or the Limit is reached, without asking for a page
 * it would not use. Holds the results plus one page.
 */
async function cursorPages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	send: SendRouted,
): Promise<INodeExecutionData[]> {
	const wanted = wantedCount(this);
	const results: INodeExecutionData[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	do {
		const qs = { ...(requestData.options.qs ?? {}), ...(cursor ? { cursor } : {}) };
		const body = await fetchPage(this, send, requestData, { qs });
		if (!Array.isArray(body.items)) {
			throw unexpectedResponseError(this, 'expected { items, next }', body);
		}
		take(results, body.items, wanted);
		cursor = typeof body.next === 'string' && body.next !== '' ? body.next : undefined;
		// A cursor seen before would loop forever; treat it as the end.
		if (cursor && seen.has(cursor)) break;
		if (cursor) seen.add(cursor);
	} while (cursor && results.length < wanted);
	return results;
}

/**
 * Page lists (`POST /chat/sessions/filter`): body `page` (1-based) and `limit`, answered with
 * `{ data, page, limit, has_next }`. Same contract as the cursor pager.
 */
async function numberedPages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	send: SendRouted,
): Promise<INodeExecutionData[]> {
	const wanted = wantedCount(this);
	// A fixed page size: changing it between pages would shift the page boundaries.
	const limit = Math.min(wanted, MAX_FILTER_PAGE_SIZE);
	const results: INodeExecutionData[] = [];
	let page = 1;
	let hasNext: boolean;
	do {
		const body = await fetchPage(this, send, requestData, {
			body: { ...((requestData.options.body as IDataObject) ?? {}), page, limit },
		});
		if (!Array.isArray(body.data)) {
			throw unexpectedResponseError(this, 'expected { data, has_next }', body);
		}
		take(results, body.data, wanted);
		hasNext = body.has_next === true && body.data.length > 0;
		page++;
	} while (hasNext && results.length < wanted);
	return results;
}

export const cursorPagination = routedRequest(OPEN_CX, cursorPages);
export const pagePagination = routedRequest(OPEN_CX, numberedPages);
