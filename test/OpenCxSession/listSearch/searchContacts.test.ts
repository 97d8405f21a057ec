import { runListSearch } from '../../harness';
import { DEMO, openCxRequests, openCxSession, useSandbox, type Sandbox } from '../helpers';

const sandbox = useSandbox();

const credentials = (sb: Sandbox, apiKey: string = DEMO.opencxKey) => ({ openCxApi: { apiKey, baseUrl: sb.opencxUrl } });
const search = (filter?: string, token?: string) =>
	runListSearch(openCxSession, 'searchContacts', credentials(sandbox.current), filter, {}, token);

describe('contact picker (From List)', () => {
	test('lists contacts as "Name <email>" (or phone), valued by id', async () => {
		const result = await search();
		const [request] = openCxRequests(sandbox.current);
		expect([request.method, request.path, request.query]).toEqual(['GET', '/contacts', {}]);
		expect(result.results).toEqual(
			expect.arrayContaining([
				{ name: 'Alice Martin <alice@example.com>', value: expect.any(String) },
				{ name: "Erin O'Neil <+447700900005>", value: expect.any(String) },
			]),
		);
		const alice = [...sandbox.current.opencx.contacts.values()].find((c) => c.name === 'Alice Martin');
		expect(result.results.find((r) => r.name.startsWith('Alice'))?.value).toBe(alice?.id);
	});

	test('pages with the API cursor until the last page', async () => {
		sandbox.current.opencx.seedContacts(50);
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const page = await search(undefined, token);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken;
		} while (token);
		expect(new Set(seen).size).toBe(sandbox.current.opencx.contacts.size);
		expect(openCxRequests(sandbox.current)).toHaveLength(Math.ceil(sandbox.current.opencx.contacts.size / sandbox.current.opencx.pageSize));
	});

	test('a search goes to open.cx search and lists the contacts it matched by name, email or phone', async () => {
		const byEmail = await search('example.org');
		expect(openCxRequests(sandbox.current)[0]).toMatchObject({ path: '/chat/sessions/search', query: { q: 'example.org' } });
		expect(byEmail.results.map((r) => r.name)).toEqual(['Carla Díaz <carla@example.org>']);
		const byPhone = await search('+4477');
		expect(byPhone.results.map((r) => r.name)).toEqual(["Erin O'Neil <+447700900005>"]);
	});

	test('a key that may not search sessions fails naming the scope it lacks', async () => {
		sandbox.current.opencx.keys.set('ocx_live_contacts_only', new Set(['contacts:read']));
		await expect(
			runListSearch(openCxSession, 'searchContacts', credentials(sandbox.current, 'ocx_live_contacts_only'), 'alice'),
		).rejects.toThrow('The open.cx API key lacks the chat-sessions scope (403): Missing scope: chat-sessions:read');
	});
});
