// Every documented OSVI error, read from each of its envelopes, as the message the user sees;
// and, with Continue On Fail, as an error item between the good ones, in input order.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	agentById,
	DEMO,
	errorsOf,
	osviRequests,
	runOsvi,
	seedLegacySession,
	seedSession,
	useSandbox,
	type Sandbox,
} from '../helpers';

const sandbox = useSandbox();

interface ErrorCase {
	/** The parameters, and 3 input items of which the middle one fails. */
	setup(sandbox: Sandbox): { parameters: INodeParameters; items: IDataObject[] };
	status: number;
	message: string;
}

const sendToAgent = (agents: string[]) => ({
	parameters: {
		resource: 'message',
		operation: 'send',
		agent: agentById('={{ $json.agent }}'),
		customerId: '+15551112222',
		content: 'Hello',
	},
	items: agents.map((agent) => ({ agent })),
});

/** Inject Context into 3 fresh sessions; `prepare` breaks the middle one. */
function injectIntoThree(prepare: (sandbox: Sandbox, middleSessionId: string) => void) {
	return (sb: Sandbox) => {
		const ids = ['+1001', '+1002', '+1003'].map((customer) => seedSession(sb, customer).id);
		prepare(sb, ids[1]);
		return {
			parameters: { resource: 'session', operation: 'injectContext', sessionId: '={{ $json.id }}', context: 'Note' },
			items: ids.map((id) => ({ id })),
		};
	};
}

const faultOn = (status: number, body: unknown) => (sb: Sandbox, id: string) =>
	sb.addFault({ api: 'osvi', path: `/v1/chat/session/${id}/inject_context`, kind: 'status', status, body });

const cases: Record<string, ErrorCase> = {
	'agent_not_found (404)': {
		setup: () => sendToAgent([DEMO.agents.support, 'agent_Unknown_99', DEMO.agents.sales]),
		status: 404,
		message:
			'The agent was not found in OSVI (agent_not_found). Check the agent ID and that the agent belongs to the account of this API token.',
	},
	'agent_archived (422)': {
		setup: () => sendToAgent([DEMO.agents.support, DEMO.agents.archived, DEMO.agents.sales]),
		status: 422,
		message: 'The agent is archived in OSVI (agent_archived). Pick an active agent.',
	},
	'agent_inactive (422)': {
		setup: () => sendToAgent([DEMO.agents.support, DEMO.agents.inactive, DEMO.agents.sales]),
		status: 422,
		message:
			'The agent is not active in OSVI (agent_inactive). Activate it in the OSVI dashboard or pick an active agent.',
	},
	'session_not_found (404)': {
		setup: injectIntoThree((sb, id) => sb.osvi.close(sb.osvi.sessions.get(id)!)),
		status: 404,
		message:
			'OSVI has no such active session (session_not_found). Check the session ID, or the customer ID and agent, or create a session first.',
	},
	'missing parameter (400)': {
		setup: injectIntoThree(faultOn(400, { success: false, error: 'context is required' })),
		status: 400,
		message: 'OSVI rejected the request as incomplete (400: context is required). Fill in the missing or invalid field.',
	},
	'engine rejection with upstream_body reason (502)': {
		setup: (sb) => {
			const sessions = ['+1001', '+1002', '+1003'].map((customer) => seedSession(sb, customer));
			sessions[1].mode = 'support';
			return {
				parameters: { resource: 'support', operation: 'tell', sessionId: '={{ $json.id }}', message: 'Offer a discount' },
				items: sessions.map(({ id }) => ({ id })),
			};
		},
		status: 502,
		message:
			'OSVI does not allow Tell while an operator has taken over the session (tell_not_allowed_during_takeover). Send an operator message instead, or hand the session back to AI first.',
	},
	'engine failure with upstream_body null (502)': {
		setup: injectIntoThree(
			faultOn(502, { success: false, error: 'Python engine unavailable', upstream_body: null }),
		),
		status: 502,
		message: 'The OSVI chat engine failed (502: Python engine unavailable)',
	},
	'an unknown engine reason (502)': {
		setup: injectIntoThree(
			faultOn(502, {
				success: false,
				error: 'Python engine returned 409 for POST /v1/chat/session/x/inject_context',
				upstream_body: { state: 'rejected', reason: 'context_locked' },
			}),
		),
		status: 502,
		message: 'The OSVI chat engine rejected the request (502: context_locked)',
	},
	'legacy errors[] envelope (422)': {
		setup: () => ({
			parameters: { resource: 'legacy', operation: 'startSession', agent: agentById('={{ $json.agent }}') },
			items: [DEMO.agents.support, DEMO.agents.archived, DEMO.agents.sales].map((agent) => ({ agent })),
		}),
		status: 422,
		message: 'OSVI rejected the request (422: agent_uuid is invalid: agent is archived). Correct the fields OSVI names.',
	},
	'several legacy errors[] at once (422)': {
		setup: injectIntoThree(
			faultOn(422, { success: false, errors: ['agent_uuid is required', 'phone_number is invalid'] }),
		),
		status: 422,
		message:
			'OSVI rejected the request (422: agent_uuid is required; phone_number is invalid). Correct the fields OSVI names.',
	},
	'plain message envelope (500)': {
		setup: injectIntoThree(faultOn(500, { message: 'Internal failure' })),
		status: 500,
		message: 'OSVI failed to handle the request (500: Internal failure)',
	},
	'a body that is not OSVI’s (502 from a proxy)': {
		setup: injectIntoThree(faultOn(502, '<html>Bad Gateway</html>')),
		status: 502,
		message:
			'OSVI answered 502 with a body that is not an OSVI response. Check the Base URL in the OSVI API credential.',
	},
	'success: false on a 200': {
		setup: injectIntoThree(faultOn(200, { success: false, error: 'context_rejected' })),
		status: 200,
		message: 'OSVI returned an error (200: context_rejected)',
	},
};

describe('OSVI errors', () => {
	test.each(Object.entries(cases))('%s fails the run with a message saying what to do', async (_, errorCase) => {
		const { parameters, items } = errorCase.setup(sandbox.current);

		const result = await runOsvi(sandbox.current, { parameters, items: items.map((json) => ({ json })) });

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(errorCase.message);
		expect(osviRequests(sandbox.current).map((r) => r.status)).toContain(errorCase.status);
	});

	test.each(Object.entries(cases))(
		'%s with Continue On Fail becomes an error item between the good ones',
		async (_, errorCase) => {
			const { parameters, items } = errorCase.setup(sandbox.current);

			const result = await runOsvi(sandbox.current, {
				parameters,
				items: items.map((json) => ({ json })),
				continueOnFail: true,
			});

			expect(result.error).toBeUndefined();
			expect(osviRequests(sandbox.current)).toHaveLength(3);
			expect(errorsOf(result.items)).toEqual([undefined, errorCase.message, undefined]);
			expect(result.items[1].json).toEqual({ error: errorCase.message });
			expect(result.items[0].json).not.toHaveProperty('error');
			expect(result.items[2].json).not.toHaveProperty('error');
		},
	);

	describe('a wrong API token (401)', () => {
		const message = 'OSVI rejected the API token (401: Invalid API token). Check the API Token in the OSVI API credential.';
		const wrongToken = 'wrongtokenXYZ123';
		const parameters = { resource: 'agent', operation: 'getAll', returnAll: true };

		test('fails the run telling the user to check the credential, without showing the token', async () => {
			const result = await runOsvi(sandbox.current, { parameters, apiToken: wrongToken });

			expect(result.error?.message).toBe(message);
			expect(osviRequests(sandbox.current)[0]).toMatchObject({ status: 401 });
			expect(osviRequests(sandbox.current)[0].headers['api-token']).toBe(wrongToken);
			expect(JSON.stringify(result.runData)).not.toContain(wrongToken);
		});

		test('with Continue On Fail, every item becomes an error item', async () => {
			const result = await runOsvi(sandbox.current, {
				parameters,
				apiToken: wrongToken,
				items: [{ json: {} }, { json: {} }],
				continueOnFail: true,
			});

			expect(errorsOf(result.items)).toEqual([message, message]);
			expect(JSON.stringify(result.runData)).not.toContain(wrongToken);
		});
	});

	test('a token that is not 16 characters fails the run before anything is sent, naming only its length', async () => {
		const result = await runOsvi(sandbox.current, {
			parameters: { resource: 'agent', operation: 'getAll', returnAll: true },
			apiToken: 'tooShort9',
		});

		expect(result.error?.message).toBe(
			'The API Token in the OSVI API credential has 9 characters; OSVI tokens have 16. Copy it again from the OSVI dashboard under Settings → API.',
		);
		expect(osviRequests(sandbox.current)).toEqual([]);
		expect(JSON.stringify(result.runData)).not.toContain('tooShort9');
	});

	test('a legacy session that is gone fails with OSVI’s own wording', async () => {
		const session = seedLegacySession(sandbox.current);
		session.closed = true;

		const { error } = await runOsvi(sandbox.current, {
			parameters: {
				resource: 'legacy',
				operation: 'sendMessage',
				agent: agentById(DEMO.agents.support),
				sessionId: session.id,
				message: 'Hello',
			},
		});

		expect(error?.message).toBe(
			'OSVI rejected the request (422: chat_session_id is invalid: session is closed). Correct the fields OSVI names.',
		);
	});
});
