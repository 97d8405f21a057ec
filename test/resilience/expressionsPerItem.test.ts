// How many expressions n8n evaluates per item for the two Send operations, counted in n8n-core's
// own Expression class. In n8n 2.x each one runs in the expression sandbox: this is the node's main
// cost per item (BENCHMARKS.md), so a field that starts costing more shows here, not only in the
// benchmark. Nothing here is timed.
import { Expression } from 'n8n-workflow';

import { agentById, DEMO, runOsvi, useSandbox } from '../OsviChat/helpers';
import { newSession, runOpenCx } from '../OpenCxSession/helpers';

const sandbox = useSandbox();
const ITEMS = 5;

/** Every `={{ … }}` value n8n evaluated while `run` ran, with how often. */
async function expressionsDuring(run: () => Promise<unknown>): Promise<Record<string, number>> {
	const proto = Expression.prototype as unknown as { resolveSimpleParameterValue: (...args: unknown[]) => unknown };
	const original = proto.resolveSimpleParameterValue;
	const counts: Record<string, number> = {};
	proto.resolveSimpleParameterValue = function (value: unknown, ...rest: unknown[]) {
		if (typeof value === 'string' && value.startsWith('=')) counts[value] = (counts[value] ?? 0) + 1;
		return original.call(this, value, ...rest);
	};
	try {
		await run();
	} finally {
		proto.resolveSimpleParameterValue = original;
	}
	return counts;
}

const perItem = (counts: Record<string, number>) =>
	Object.fromEntries(Object.entries(counts).map(([expression, count]) => [expression, count / ITEMS]));

test('OSVI Message → Send: each field given by an expression is evaluated 3 times per item, the Base URL twice', async () => {
	const items = Array.from({ length: ITEMS }, (_, i) => ({ json: { customerId: `customer-${i}`, content: `Hello ${i}` } }));
	const counts = await expressionsDuring(
		async () =>
			await runOsvi(sandbox.current, {
				parameters: {
					resource: 'message',
					operation: 'send',
					agent: agentById(DEMO.agents.support),
					customerId: '={{ $json.customerId }}',
					content: '={{ $json.content }}',
				},
				items,
			}),
	);
	// RoutingNode's main pass and its base-URL pass each evaluate every entry of a name (1 + 1),
	// the field's sender reads it once (1); the credential adds no expression of its own.
	expect(perItem(counts)).toEqual({
		'={{ $json.customerId }}': 3,
		'={{ $json.content }}': 3,
		'={{$credentials.baseUrl.replace(/\\/+$/, "")}}': 2,
	});
});

test('open.cx Message → Send: the session ID and text, 3 times each per item; the URL is no expression', async () => {
	const session = newSession(sandbox.current);
	const items = Array.from({ length: ITEMS }, (_, i) => ({ json: { sessionId: session.id, text: `Hello ${i}` } }));
	const counts = await expressionsDuring(
		async () =>
			await runOpenCx(sandbox.current, {
				parameters: {
					resource: 'message',
					operation: 'send',
					sessionId: '={{ $json.sessionId }}',
					text: '={{ $json.text }}',
					options: { waitForAiReply: false },
				},
				items,
			}),
	);
	expect(perItem(counts)).toEqual({
		'={{ $json.sessionId }}': 3,
		'={{ $json.text }}': 3,
		'={{$credentials.baseUrl.replace(/\\/+$/, "")}}': 2,
	});
});
