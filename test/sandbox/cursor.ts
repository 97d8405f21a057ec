// Opaque keyset cursors: a page starts after the last key seen, so items created while a client
// pages do not shift or duplicate what it already has.

export interface CursorPage<T> {
	items: T[];
	next: string | null;
}

const encode = (key: string): string => Buffer.from(JSON.stringify({ k: key })).toString('base64url');

function decode(cursor: string): string | undefined {
	try {
		const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
		return typeof parsed?.k === 'string' ? parsed.k : undefined;
	} catch {
		return undefined;
	}
}

/**
 * `items` must already be ordered by `key` (ascending for 'asc', descending for 'desc').
 * Returns undefined for a cursor we did not issue.
 */
export function cursorPage<T>(
	items: T[],
	key: (item: T) => string,
	order: 'asc' | 'desc',
	cursor: string | undefined,
	size: number,
): CursorPage<T> | undefined {
	let rest = items;
	if (cursor !== undefined && cursor !== '') {
		const after = decode(cursor);
		if (after === undefined) return undefined;
		rest = items.filter((it) => (order === 'asc' ? key(it) > after : key(it) < after));
	}
	const page = rest.slice(0, size);
	return { items: page, next: rest.length > size ? encode(key(page[page.length - 1])) : null };
}
