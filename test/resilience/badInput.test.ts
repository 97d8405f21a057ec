// Bad input, swept over every operation: wrong types, empty strings, 1 MB of content, unicode, and
// path-breaking strings in ids. Each case ends in a clear error or a correct request, never a
// crash, and no request ever leaves the operation's documented route.
import type { INodeParameters } from 'n8n-workflow';

import { agentById, runOpenCx, runOsvi, useSandbox, type RecordedRequest } from './helpers';
import { operations, type Operation } from './operations';

const sandbox = useSandbox();

const MEGABYTE = 'x'.repeat(1024 * 1024);
const UNICODE = 'Grüße 👋🏽 مرحبا 中文 \u202Eevil\u202C e\u0301';

/** Values every field gets; ids get the path-breaking ones too. */
const WRONG_TYPES: Record<string, unknown> = {
	'a number': 42,
	'a boolean': true,
	'an object': { a: 1 },
	'an array': ['a', 'b'],
	'null': null,
	'an empty string': '',
	'only spaces': '   ',
	'1 MB of text': MEGABYTE,
	'unicode': UNICODE,
};
const PATH_BREAKERS: Record<string, unknown> = {
	'a parent path': '../../v1/active_agents',
	'a query string': 'abc?admin=1',
	'a fragment': 'abc#frag',
	'an encoded slash': 'abc%2F..%2Fcontacts',
	'spaces': 'a b c',
	'a slash': 'abc/def',
};

/** The parameters with `field` read from the item's `value` by an expression. */
function withBadField(parameters: INodeParameters, field: string): INodeParameters {
	const expression = '={{ $json.value }}';
	if (field === 'agent') return { ...parameters, agent: agentById(expression) };
	if (field.endsWith('Json')) return { ...parameters, [field]: expression, [`${field.slice(0, -4)}Mode`]: 'json' };
	const [head, tail] = field.split('.');
	if (!tail) return { ...parameters, [head]: expression };
	return { ...parameters, [head]: { ...((parameters[head] as INodeParameters) ?? {}), [tail]: expression } };
}

/** A documented route as a pattern over the raw (still encoded) path: an id is one UUID segment. */
function routePattern(route: string): RegExp {
	const [method, path] = route.split(' ');
	const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
	return new RegExp(`^${method} ${path.replace(/:id/g, uuid)}$`);
}

const onRoute = (operation: Operation) => (request: RecordedRequest) =>
	operation.routes.some((route) => routePattern(route).test(`${request.method} ${request.rawPath}`));

const cases = operations.flatMap((operation) =>
	operation.fields.flatMap((field) =>
		Object.entries(field.kind === 'id' ? { ...WRONG_TYPES, ...PATH_BREAKERS } : WRONG_TYPES).map(
			([label, value]) => [`${operation.node} ${operation.name}: ${field.name} as ${label}`, operation, field, value] as const,
		),
	),
);

// Messages of a crash, not of a check: a TypeError leaking out, or an object printed as text.
const CRASH = /Cannot read|is not a function|is not iterable|\[object Object\]|Maximum call stack/;

/** The value at "body.a.b" or "query.q" of a recorded request. */
function onWire(request: RecordedRequest, path: string): unknown {
	const [where, ...keys] = path.split('.');
	const start: unknown = where === 'query' ? request.query : request.body;
	return keys.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), start);
}

test.each(cases)('%s gives a clear error or a correct request', async (_, operation, field, value) => {
	const parameters = withBadField(operation.parameters(sandbox.current), field.name);
	const run = operation.node === 'OSVI Chat' ? runOsvi : runOpenCx;

	const { error } = await run(sandbox.current, { parameters, items: [{ json: { value } as never }] });

	const requests = sandbox.current.requests;
	expect(requests.filter((request) => !onRoute(operation)(request))).toEqual([]);
	expect(requests.map((r) => r.status)).not.toContain(500);
	if (error) {
		expect(['NodeOperationError', 'NodeApiError']).toContain(error.name);
		expect(error.message).not.toMatch(CRASH);
		expect(error.message.length).toBeLessThan(400);
	} else {
		expect(requests.length).toBeGreaterThan(0);
	}
	// Text that was sent arrives as text: numbers and booleans are converted, unicode intact.
	const sent = requests[0];
	if (sent && field.wire && ['string', 'number', 'boolean'].includes(typeof value) && String(value).trim() !== '') {
		expect(onWire(sent, field.wire)).toBe(String(value));
	}
});
