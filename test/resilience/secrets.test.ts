// The API token and key never leave the request header: not in outputs, error messages or
// descriptions, nor anywhere in what n8n keeps of the run, whether the operation succeeds or fails.
import type { INodeType } from 'n8n-workflow';

import { runListSearch, type WorkflowResult } from '../harness';
import {
	DEMO,
	FAST_RETRIES,
	openCxCredentials,
	openCxSession,
	osviChat,
	osviCredentials,
	runWhole,
	useSandbox,
	type Sandbox,
} from './helpers';
import { operations, type Operation } from './operations';

const sandbox = useSandbox();

const WRONG = { osvi: 'knownWrongToken1', opencx: 'ocx_live_known_wrong_key' };

interface NodeUnderTest {
	type: INodeType;
	secret: string;
	credentials: (sb: Sandbox, secret: string) => ReturnType<typeof osviCredentials>;
	/** The header the secret travels in, as the sandbox records it. */
	header: (secret: string) => [string, string];
}

const nodes: Record<Operation['node'], NodeUnderTest> = {
	'OSVI Chat': {
		type: osviChat,
		secret: DEMO.osviToken,
		credentials: osviCredentials,
		header: (secret) => ['api-token', secret],
	},
	'open.cx Session': {
		type: openCxSession,
		secret: DEMO.opencxKey,
		credentials: openCxCredentials,
		header: (secret) => ['authorization', `Bearer ${secret}`],
	},
};

/** Everything of a run a user or n8n's database could see. */
function everythingOf(result: WorkflowResult, nodeName: string): string[] {
	const items = result.outputOf(nodeName);
	const errors = [result.error, result.errorOf(nodeName), ...items.map((item) => item.error)].filter(Boolean) as Array<
		Error & { description?: string | null }
	>;
	return [
		JSON.stringify(result.run),
		JSON.stringify(items),
		...errors.flatMap((error) => [error.message, String(error.description ?? ''), JSON.stringify(error)]),
	];
}

const failures = {
	'succeeds': () => undefined,
	'fails with a 500': (sb: Sandbox) => sb.addFault({ kind: 'status', status: 500 }),
	'fails with a 429 after its retries': (sb: Sandbox) =>
		sb.addFault({ kind: 'status', status: 429, headers: { 'Retry-After': '0' } }),
	'loses its connection': (sb: Sandbox) => sb.addFault({ kind: 'drop' }),
};

const cases = operations.flatMap((operation) =>
	Object.entries(failures).flatMap(([outcome, inject]) =>
		[false, true].map(
			(continueOnFail) =>
				[
					`${operation.node} ${operation.name} ${outcome}${continueOnFail ? ' (Continue On Fail)' : ''}`,
					operation,
					inject,
					continueOnFail,
				] as const,
		),
	),
);

describe('a known API token or key', () => {
	test.each(cases)('%s: the secret appears nowhere in the run', async (_, operation, inject, continueOnFail) => {
		const node = nodes[operation.node];
		const parameters = { ...operation.parameters(sandbox.current), retryAndRateLimit: FAST_RETRIES };
		inject(sandbox.current);

		const result = await runWhole(node.type, {
			parameters,
			continueOnFail,
			credentials: node.credentials(sandbox.current, node.secret),
		});

		const [header, value] = node.header(node.secret);
		expect(sandbox.current.requests.length).toBeGreaterThan(0);
		expect(sandbox.current.requests.every((r) => r.headers[header] === value)).toBe(true);
		for (const text of everythingOf(result, node.type.description.defaults.name!)) {
			expect(text).not.toContain(node.secret);
		}
	});

	test.each(operations.map((operation) => [`${operation.node} ${operation.name}`, operation] as const))(
		'%s with a wrong token or key: rejected, and the wrong secret appears nowhere in the run',
		async (_, operation) => {
			const node = nodes[operation.node];
			const wrong = operation.node === 'OSVI Chat' ? WRONG.osvi : WRONG.opencx;

			const result = await runWhole(node.type, {
				parameters: operation.parameters(sandbox.current),
				credentials: node.credentials(sandbox.current, wrong),
			});

			expect(sandbox.current.requests.map((r) => r.status)).toEqual([401]);
			for (const text of everythingOf(result, node.type.description.defaults.name!)) {
				expect(text).not.toContain(wrong);
			}
		},
	);

	test('the agent list search, succeeding and failing, never shows the token', async () => {
		const found = await runListSearch(osviChat, 'searchAgents', osviCredentials(sandbox.current));
		const refused = await runListSearch(osviChat, 'searchAgents', osviCredentials(sandbox.current, WRONG.osvi)).catch(
			(error: Error) => error,
		);

		expect(found.results.length).toBeGreaterThan(0);
		expect(refused).toBeInstanceOf(Error);
		expect(JSON.stringify(found)).not.toContain(DEMO.osviToken);
		const error = refused as Error & { description?: string };
		for (const text of [error.message, String(error.description), JSON.stringify(error)]) {
			expect(text).not.toContain(WRONG.osvi);
		}
	});
});

describe('the success runs really succeed', () => {
	test.each(operations.map((operation) => [`${operation.node} ${operation.name}`, operation] as const))(
		'%s',
		async (_, operation) => {
			const node = nodes[operation.node];
			const result = await runWhole(node.type, {
				parameters: operation.parameters(sandbox.current),
				credentials: node.credentials(sandbox.current, node.secret),
			});
			expect(result.errorOf(node.type.description.defaults.name!)?.message).toBeUndefined();
		},
	);
});
