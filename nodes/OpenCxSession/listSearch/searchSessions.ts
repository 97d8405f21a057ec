import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { isObject } from '../../shared/fields/checks';
import { listPage, searchHits, text } from './pages';

/** "#1001 · Alice Martin · web · open · 2026-01-05": only the documented fields the session has. */
function sessionName(session: IDataObject): string {
	const contact = isObject(session.contact) ? session.contact : {};
	const channel = isObject(session.channel) ? text(session.channel.type) : undefined;
	const parts = [
		typeof session.ticket_number === 'number' ? `#${session.ticket_number}` : undefined,
		text(contact.name) ?? text(contact.email) ?? text(contact.phone_number),
		channel,
		text(session.status),
		text(session.created_at)?.slice(0, 10),
	].filter(Boolean);
	return parts.length ? parts.join(' · ') : String(session.id);
}

const excerpt = (message: string) => (message.length > 60 ? `${message.slice(0, 60)}…` : message);

/**
 * Sessions for the picker. Without a search, `GET /chat/sessions` page by page (the editor passes
 * the `next` cursor back as the pagination token). With one, open.cx's full-text search: the
 * sessions whose messages match, one entry per session, named after its first matching message.
 */
export async function searchSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = filter?.trim();
	if (!query) {
		return await listPage(this, '/chat/sessions', paginationToken, (session) => ({
			name: sessionName(session),
			value: String(session.id),
		}));
	}
	const { messages } = await searchHits(this, query);
	const results = new Map<string, INodeListSearchItems>();
	for (const message of messages) {
		const sessionId = text(message.session_id);
		if (!sessionId || results.has(sessionId)) continue;
		results.set(sessionId, { name: `“${excerpt(String(message.message ?? ''))}”`, value: sessionId });
	}
	return { results: [...results.values()] };
}
