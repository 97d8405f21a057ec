import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { isObject } from '../../shared/fields/checks';
import { unexpectedResponseError } from '../shared/errors';
import { openCxRequest } from '../shared/transport';

/** Non-blank text, trimmed; undefined otherwise. */
export const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Longest search text sent; open.cx documents only a minimum length (1). */
const MAX_SEARCH = 200;

/** One page of a cursor list (`{ items, next }`); its `next` is the editor's token for the page after. */
export async function listPage(
	context: ILoadOptionsFunctions,
	url: string,
	cursor: string | undefined,
	toItem: (item: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const page = await openCxRequest.call(context, { method: 'GET', url, qs: cursor ? { cursor } : {} });
	if (!Array.isArray(page.items)) throw unexpectedResponseError(context, 'expected { items, next }', page);
	const next = typeof page.next === 'string' && page.next !== '' && page.next !== cursor ? page.next : undefined;
	return { results: page.items.filter(isObject).map(toItem), paginationToken: next };
}

/** `GET /chat/sessions/search`: contacts by name, email or phone, and messages by text. */
export async function searchHits(
	context: ILoadOptionsFunctions,
	query: string,
): Promise<{ contacts: IDataObject[]; messages: IDataObject[] }> {
	const body = await openCxRequest.call(context, {
		method: 'GET',
		url: '/chat/sessions/search',
		qs: { q: query.slice(0, MAX_SEARCH) },
	});
	if (!Array.isArray(body.contacts) || !Array.isArray(body.messages)) {
		throw unexpectedResponseError(context, 'expected { contacts, messages } from search', body);
	}
	return { contacts: body.contacts.filter(isObject), messages: body.messages.filter(isObject) };
}
