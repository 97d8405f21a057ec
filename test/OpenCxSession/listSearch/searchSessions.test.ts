import { runListSearch } from '../../harness';
import { BEARER, DEMO, openCxRequests, openCxSession, useSandbox, type Sandbox } from '../helpers';

const sandbox = useSandbox();

const credentials = (sb: Sandbox, apiKey: string = DEMO.opencxKey) => ({ openCxApi: { apiKey, baseUrl: sb.opencxUrl } });
const search = (filter?: string, token?: string) =>
	runListSearch(openCxSession, 'searchSessions', credentials(sandbox.current), filter, {}, token);

describe('session picker (From List)', () => {
	test('lists sessions newest first, named by ticket, contact, channel, status and date, valued by id', async () => {
		const result = await search();
		const [request] = openCxRequests(sandbox.current);
		expect([request.method, request.path, request.query, request.headers.authorization]).toEqual(['GET', '/chat/sessions', {}, BEARER]);

		const newest = [...sandbox.current.opencx.sessions.values()].sort((a, b) => (a.created_at < b.created_at ? 1 : -1))[0];
		const contact = newest.contactId ? sandbox.current.opencx.contacts.get(newest.contactId) : undefined;
		expect(result.results[0]).toEqual({
			name: [`#${newest.ticket_number}`, contact?.name ?? contact?.email ?? contact?.phone_number, newest.channel.type, newest.status, newest.created_at.slice(0, 10)]
				.filter(Boolean)
				.join(' · '),
			value: newest.id,
		});
		expect(result.results).toHaveLength(sandbox.current.opencx.sessions.size);
		expect(result.paginationToken).toBeUndefined();
	});

	test('pages with the API cursor: each token brings the next page, the last page has none', async () => {
		sandbox.current.opencx.seedSessions(45);
		const seen: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await search(undefined, token);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken;
			pages++;
		} while (token);
		expect(pages).toBe(Math.ceil(sandbox.current.opencx.sessions.size / sandbox.current.opencx.pageSize));
		expect(new Set(seen).size).toBe(sandbox.current.opencx.sessions.size);
		const cursors = openCxRequests(sandbox.current).map((r) => r.query.cursor);
		expect(cursors[0]).toBeUndefined();
		expect(cursors.slice(1).every((c) => typeof c === 'string' && c.length > 0)).toBe(true);
	});

	test('a search finds the sessions whose messages match, once each, through open.cx search', async () => {
		const result = await search('  password ');
		const [request] = openCxRequests(sandbox.current);
		expect([request.method, request.path, request.query]).toEqual(['GET', '/chat/sessions/search', { q: 'password' }]);
		const expected = [...sandbox.current.opencx.sessions.values()].filter((s) =>
			s.events.some((e) => e.event.type === 'message' && /password/i.test(e.event.content.text)),
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(result.results.map((r) => r.value).sort()).toEqual(expected.map((s) => s.id).sort());
		expect(result.results[0].name).toMatch(/^“.*password.*”$/i);
		expect(result.paginationToken).toBeUndefined();
	});

	test('a search without hits is an empty list', async () => {
		expect(await search('zzz-no-such-text')).toEqual({ results: [] });
	});

	test('a wrong key fails with the credential advice', async () => {
		await expect(
			runListSearch(openCxSession, 'searchSessions', credentials(sandbox.current, 'ocx_live_wrong')),
		).rejects.toThrow('The open.cx API key was rejected (401): Unauthorized');
	});
});
