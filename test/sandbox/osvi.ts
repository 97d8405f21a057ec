// OSVI routes: Chat v1, legacy chat and active agents, with the error envelopes the docs describe.
import { agentReply, naiveMicros, OPERATOR_EMAIL, OsviAgent, OsviSession, OsviState, pushContext, wantsHuman } from './osvi-state';
import { bodyObject, isPlainObject, matchRoute, Params, queryValue, route } from './router';
import type { ApiModule, ApiRequest, ApiResponse } from './types';

// v1 errors carry one `error` string; legacy validation errors carry an `errors` array.
const fail = (status: number, error: string, extra: Record<string, unknown> = {}): ApiResponse => ({
	status,
	body: { success: false, error, ...extra },
});
const legacyFail = (status: number, ...errors: string[]): ApiResponse => ({ status, body: { success: false, errors } });
const ok = (data: unknown): ApiResponse => ({ status: 200, body: { success: true, data } });

/** The chat engine behind the API rejecting a support call is surfaced as a 502. */
const engineRejects = (sessionId: string, reason: string): ApiResponse =>
	fail(502, `Python engine returned 422 for POST /v1/chat/session/${sessionId}/support`, {
		upstream_body: { state: 'rejected', reason },
	});

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** One message per required string field that is absent, empty or not a string. */
function fieldErrors(body: Record<string, unknown>, fields: string[]): string[] {
	return fields.flatMap((f) => {
		const v = body[f];
		if (v === undefined || v === null || v === '') return [`${f} is required`];
		return typeof v === 'string' ? [] : [`${f} must be a string`];
	});
}

const SUPPORT_COMMANDS = ['takeover', 'tell', 'whisper', 'end', 'close'];

export function osviApi(state: OsviState): ApiModule {
	/** v1 agent gate: 404 unknown, 422 archived / inactive. */
	function agentError(uuid: string): ApiResponse | undefined {
		const agent = state.agent(uuid);
		if (!agent) return fail(404, 'agent_not_found');
		if (agent.status === 'archived') return fail(422, 'agent_archived');
		if (agent.status === 'inactive') return fail(422, 'agent_inactive');
		return undefined;
	}

	function legacyAgentError(uuid: string): ApiResponse | undefined {
		const agent = state.agent(uuid);
		if (!agent) return legacyFail(422, 'agent_uuid is invalid: agent not found');
		if (agent.status !== 'active') return legacyFail(422, `agent_uuid is invalid: agent is ${agent.status}`);
		return undefined;
	}

	function openSession(id: string): OsviSession | undefined {
		const s = state.sessions.get(id);
		return s && s.status !== 'closed' ? s : undefined;
	}

	const routes = [
		route('GET /v1/active_agents', () => ({
			// The one v1 endpoint answering with a bare array, no {success, data} wrapper.
			status: 200,
			body: state.agents
				.filter((a: OsviAgent) => a.status === 'active' && a.listed)
				.map((a) => ({ agent_id: a.uuid, name: a.name, status: 'active' })),
		})),

		route('POST /v1/chat/session', (req) => {
			const b = bodyObject(req);
			const [invalid] = fieldErrors(b, ['agent_uuid', 'customer_id']);
			if (invalid) return fail(400, invalid);
			if (b.input_fields !== undefined && !isPlainObject(b.input_fields)) return fail(400, 'input_fields must be an object');
			if (b.context !== undefined && !Array.isArray(b.context)) return fail(400, 'context must be an array of strings');
			const agentUuid = b.agent_uuid as string;
			const err = agentError(agentUuid);
			if (err) return err;
			const session = state.createSession(
				agentUuid,
				b.customer_id as string,
				(b.input_fields as Record<string, unknown> | undefined) ?? {},
				(b.context as unknown[] | undefined) ?? [],
			);
			return ok(state.view(session));
		}),

		route('POST /v1/chat/inbound', (req) => {
			const b = bodyObject(req);
			const [invalid] = fieldErrors(b, ['agent_uuid', 'customer_id', 'content']);
			if (invalid) return fail(400, invalid);
			const agentUuid = b.agent_uuid as string;
			const customerId = b.customer_id as string;
			const content = b.content as string;
			const err = agentError(agentUuid);
			if (err) return err;

			let session: OsviSession | undefined;
			if (b.session_id !== undefined && b.session_id !== null && b.session_id !== '') {
				session = openSession(String(b.session_id));
				if (!session || session.agentUuid !== agentUuid) return fail(404, 'session_not_found');
			} else {
				session = state.activeSession(customerId, agentUuid) ?? state.createSession(agentUuid, customerId, {}, []);
			}

			state.log(session, 'customer', content);
			let reply: string | null = null;
			// While an operator holds the session the message goes to them and the agent stays silent.
			if (session.mode === 'ai') {
				if (wantsHuman(content)) session.helpRequested = true;
				reply = agentReply(content);
				state.log(session, 'agent', reply);
			}
			return ok({
				session_id: session.id,
				reply,
				state: 'default',
				mode: session.mode,
				help_requested: session.helpRequested,
			});
		}),

		route('GET /v1/chat/session/active', (req) => {
			const customerId = queryValue(req, 'customer_id');
			if (!customerId) return fail(400, 'customer_id is required');
			const agentUuid = queryValue(req, 'agent_uuid');
			if (agentUuid) {
				if (!state.agent(agentUuid)) return fail(404, 'agent_not_found');
				const session = state.activeSession(customerId, agentUuid);
				return session ? ok(state.view(session)) : fail(404, 'session_not_found');
			}
			// Without an agent the data is keyed by agent UUID ({} when the customer has none).
			const byAgent: Record<string, unknown> = {};
			for (const s of state.sessions.values()) {
				if (s.status === 'active' && s.customerId === customerId) byAgent[s.agentUuid] = state.view(s);
			}
			return ok(byAgent);
		}),

		route('POST /v1/chat/session/:id/inject_context', (req, { id }) => {
			const b = bodyObject(req);
			if (typeof b.context !== 'string' || b.context.trim() === '') {
				return fail(400, 'context is required and must be a non-empty string');
			}
			const session = openSession(id);
			if (!session) return fail(404, 'session_not_found');
			session.context = pushContext(session.context, [b.context]);
			state.touch(session);
			return ok({ session_id: session.id, context: [...session.context] });
		}),

		route('POST /v1/chat/session/:id/support', (req, params) => support(req, params)),

		route('POST /chat_sessions', (req) => {
			const b = bodyObject(req);
			if (!str(b.agent_uuid)) return legacyFail(422, 'agent_uuid is required');
			if (b.metadata !== undefined && !isPlainObject(b.metadata)) return legacyFail(422, 'metadata must be an object');
			const err = legacyAgentError(b.agent_uuid as string);
			if (err) return err;
			const id = state.newId();
			const startedAt = naiveMicros();
			state.legacySessions.set(id, {
				id,
				agentUuid: b.agent_uuid as string,
				metadata: (b.metadata as Record<string, unknown> | undefined) ?? {},
				startedAt,
				closed: false,
				messages: [],
			});
			return ok({
				session_id: id,
				agent_name: state.agent(b.agent_uuid as string)?.name,
				started_at: startedAt,
				welcome_message: 'Hi! How can I help you today?',
			});
		}),

		route('POST /chat_messages/send_message', (req) => {
			const b = bodyObject(req);
			const errors = fieldErrors(b, ['agent_uuid', 'chat_session_id', 'message']);
			if (errors.length) return legacyFail(422, ...errors);
			const err = legacyAgentError(b.agent_uuid as string);
			if (err) return err;
			const session = state.legacySessions.get(b.chat_session_id as string);
			if (!session || session.agentUuid !== b.agent_uuid) return legacyFail(422, 'chat_session_id is invalid: session not found');
			if (session.closed) return legacyFail(422, 'chat_session_id is invalid: session is closed');
			const response = agentReply(b.message as string);
			session.messages.push({ role: 'customer', kind: 'message', text: b.message as string, at: naiveMicros() });
			session.messages.push({ role: 'agent', kind: 'message', text: response, at: naiveMicros() });
			return ok({ session_id: session.id, response, tool_calls: [], tool_results: [], current_state: null });
		}),

		route('POST /chat_sessions/:id/close_session', (req, { id }) => {
			const b = bodyObject(req);
			if (!str(b.agent_uuid)) return legacyFail(422, 'agent_uuid is required');
			const err = legacyAgentError(b.agent_uuid as string);
			if (err) return err;
			const session = state.legacySessions.get(id);
			if (!session || session.agentUuid !== b.agent_uuid) return legacyFail(422, 'id is invalid: session not found');
			session.closed = true;
			const customerTurns = session.messages.filter((m) => m.role === 'customer').length;
			return ok({ session_id: session.id, summary: `Conversation with ${customerTurns} customer message(s).` });
		}),
	];

	function support(req: ApiRequest, { id }: Params): ApiResponse {
		const b = bodyObject(req);
		const command = b.command === undefined || b.command === null || b.command === '' ? null : b.command;
		const message = str(b.message);
		if (command !== null && (typeof command !== 'string' || !SUPPORT_COMMANDS.includes(command))) {
			return fail(400, `command must be one of ${SUPPORT_COMMANDS.join(', ')}`);
		}
		if (command === null && !message) return fail(400, 'message is required when no command is given');
		if ((command === 'tell' || command === 'whisper') && !message) return fail(400, 'message is required');
		const session = openSession(id);
		if (!session) return fail(404, 'session_not_found');

		const done = (extra: Record<string, unknown> = {}) => ok({ state: 'ok', session_id: session.id, command, ...extra });
		switch (command) {
			case 'takeover':
				session.mode = 'support';
				session.activeHuman = OPERATOR_EMAIL;
				session.helpRequested = false;
				if (message) state.log(session, 'operator', message);
				else state.touch(session);
				return done({ active_human: session.activeHuman });
			case 'tell': {
				if (session.mode === 'support') return engineRejects(session.id, 'tell_not_allowed_during_takeover');
				state.log(session, 'operator', message as string, 'guidance');
				const reply = `Following your guidance: ${message}`;
				state.log(session, 'agent', reply);
				return done({ reply });
			}
			case 'whisper':
				state.log(session, 'operator', message as string, 'whisper');
				return done();
			case 'end':
				session.mode = 'ai';
				session.activeHuman = null;
				state.touch(session);
				return done({ active_human: null });
			case 'close':
				state.close(session);
				return done();
			default:
				if (session.mode !== 'support') return engineRejects(session.id, 'operator_message_requires_support_mode');
				state.log(session, 'operator', message as string);
				return done({ active_human: session.activeHuman });
		}
	}

	function handle(req: ApiRequest): ApiResponse {
		const match = matchRoute(routes, req.method, req.segments);
		if (!match) return fail(404, 'not_found');
		if (!state.tokens.has(req.headers['api-token'] ?? '')) return fail(401, 'Invalid API token');
		if (req.bodyError !== undefined) return fail(400, `Invalid JSON body: ${req.bodyError}`);
		return match.handler(req, match.params);
	}

	return {
		handle: (req) => handle(req),
		errorBody: (status, message) => ({ success: false, error: message ?? defaultError(status) }),
	};
}

function defaultError(status: number): string {
	if (status === 429) return 'rate_limited';
	if (status === 502) return 'Python engine unavailable';
	if (status >= 500) return 'internal_server_error';
	return `http_${status}`;
}
