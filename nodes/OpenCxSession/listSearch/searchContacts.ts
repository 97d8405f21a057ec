import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listPage, searchHits, text } from './pages';

/** "Alice Martin <alice@example.com>", or whatever the contact has; `phone` in search results, `phone_number` in lists. */
function contactName(contact: IDataObject): string {
	const name = text(contact.name);
	const email = text(contact.email);
	const phone = text(contact.phone_number) ?? text(contact.phone);
	if (name && (email ?? phone)) return `${name} <${email ?? phone}>`;
	return name ?? email ?? phone ?? String(contact.id);
}

/**
 * Contacts for the picker: `GET /contacts` page by page, or, with a search, the contacts open.cx's
 * full-text search finds by name, email or phone.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const toItem = (contact: IDataObject) => ({ name: contactName(contact), value: String(contact.id) });
	const query = filter?.trim();
	if (!query) return await listPage(this, '/contacts', paginationToken, toItem);
	const { contacts } = await searchHits(this, query);
	return { results: contacts.filter((contact) => text(contact.id)).map(toItem) };
}
