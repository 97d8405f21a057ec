// Start Call dials a person: no retry of ours, and no n8n "Retry On Fail" rerun, may start it twice.
import { randomUUID } from 'crypto';

import { nodeFor, runWorkflow, TRIGGER_TYPE } from '../../harness';
import { agentById, DEMO, errorsOf, osviRequests, osviVoice, runVoice, useSandbox } from '../helpers';

const sandbox = useSandbox({ callDurationMs: 60_000 });

const parameters = {
	resource: 'call',
	operation: 'start',
	agent: agentById(DEMO.agents.support),
	phoneNumber: '={{ $json.phone }}',
	countryCode: 'IN',
	retryAndRateLimit: { maxWait: 0.05 },
};
const items = [{ json: { phone: '9876543210' } }];

/** Manual Trigger → OSVI Voice with n8n's own node setting "Retry On Fail" (3 tries). */
async function runWithNodeRetries(input = items) {
	const node = { ...nodeFor({ node: osviVoice, parameters }), retryOnFail: true, maxTries: 3, waitBetweenTries: 1 };
	const trigger = { id: randomUUID(), name: 'Manual Trigger', type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	return await runWorkflow(
		{ nodes: [trigger, node], connections: { 'Manual Trigger': { main: [[{ node: node.name, type: 'main', index: 0 }]] } } },
		{ nodeTypes: [osviVoice], items: input, credentials: { osviApi: { apiToken: DEMO.osviToken, baseUrl: sandbox.current.osviUrl } } },
	);
}

const calls = () => osviRequests(sandbox.current).filter((r) => r.path === '/v1/call');

describe('Call → Start is never sent twice for one item', () => {
	test('a 500 is not retried, and the error says why', async () => {
		sandbox.current.addFault({ api: 'osvi', path: '/v1/call', kind: 'status', status: 500, times: 1 });
		const { error } = await runVoice(sandbox.current, { parameters, items });
		expect(calls()).toHaveLength(1);
		expect((error as { description?: string } | undefined)?.description).toMatch(/Not retried, and it may have been delivered: OSVI may have acted on it before the failure reached n8n/);
	});

	test('a lost connection is not retried', async () => {
		sandbox.current.addFault({ api: 'osvi', path: '/v1/call', kind: 'drop', times: 1 });
		const { error } = await runVoice(sandbox.current, { parameters, items });
		expect(calls()).toHaveLength(1);
		expect(error?.message).toMatch(/connection to OSVI was lost/);
	});

	test('a 503 is retried: OSVI turned the request away, so nothing was dialled', async () => {
		sandbox.current.addFault({ api: 'osvi', path: '/v1/call', kind: 'status', status: 503, times: 1 });
		const { items: out, error } = await runVoice(sandbox.current, { parameters, items });
		expect(error).toBeUndefined();
		expect(calls()).toHaveLength(2);
		expect(out[0].json.call_id).toBeDefined();
	});

	test('n8n’s Retry On Fail does not start the call again after a 500', async () => {
		sandbox.current.addFault({ api: 'osvi', path: '/v1/call', kind: 'status', status: 500, times: 1 });
		const result = await runWithNodeRetries();
		expect(calls()).toHaveLength(1);
		// The later try throws the first try's error again, which says the call may have been placed.
		const error = result.errorOf('OSVI Voice') as (Error & { description?: string }) | undefined;
		expect(error?.message).toMatch(/500/);
		expect(error?.description).toMatch(/may have been delivered.*Retry On Fail does not send it again/s);
	});

	test('n8n’s Retry On Fail returns the calls already started and retries only a call OSVI refused', async () => {
		// The first request is turned away (429, a wait longer than allowed), so the node fails on that item.
		sandbox.current.addFault({ api: 'osvi', path: '/v1/call', kind: 'status', status: 429, headers: { 'Retry-After': '600' }, times: 1 });
		const result = await runWithNodeRetries([{ json: { phone: '9876543210' } }, { json: { phone: '9123456789' } }]);
		const out = result.outputOf('OSVI Voice');
		expect(errorsOf(out)).toEqual([undefined, undefined]);
		// On the rerun the started call comes back as it was; only the refused one is sent again.
		expect(calls().map((r) => r.status).sort()).toEqual([200, 200, 429]);
		const started = [...sandbox.current.voice.calls.values()].filter((c) => c.status === 'in_progress').map((c) => c.id);
		expect(out.map((i) => i.json.call_id).sort()).toEqual(started.sort());
	});
});
