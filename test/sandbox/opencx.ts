// open.cx routes: chat sessions, history, contacts; bearer keys with scopes; NestJS-style errors.
import { cursorPage } from './cursor';
import {
	CHANNEL_TYPES,
	ContactInput,
	OcxAttachment,
	OcxContact,
	OcxEvent,
	OcxSession,
	OpenCxState,
	SESSION_STATUSES,
	SessionStatus,
} from './opencx-state';
import { bodyObject, isPlainObject, matchRoute, queryValue, route } from './router';
import type { ApiModule, ApiRequest, ApiResponse } from './types';

const REASONS: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/** NestJS ErrorDto; validation failures carry `message` as an array. */
export function nestError(status: number, message?: string | string[]): Record<string, unknown> {
	const reason = REASONS[status] ?? 'Error';
	return { statusCode: status, message: message ?? reason, error: reason };
}
const fail = (status: number, message?: string | string[]): ApiResponse => ({ status, body: nestError(status, message) });
const invalid = (...messages: string[]): ApiResponse => fail(400, messages);
const empty = (): ApiResponse => ({ status: 200 });
const created = (body: unknown): ApiResponse => ({ status: 201, body });
const json = (body: unknown): ApiResponse => ({ status: 200, body });

// RFC 9562 UUIDs plus nil and max, as in opencx.md §1.4.
const UUID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

type Scalar = string | number | boolean;

/** Session custom_data: flat, values string/number/boolean. Contact custom_data: strings only. */
function customDataErrors(value: unknown, prefix: string, stringsOnly: boolean): string[] {
	if (value === undefined) return [];
	if (!isPlainObject(value)) return [`${prefix} must be an object`];
	return Object.entries(value)
		.filter(([, v]) => (stringsOnly ? typeof v !== 'string' : !['string', 'number', 'boolean'].includes(typeof v)))
		.map(([k]) => `${prefix}.${k} must be ${stringsOnly ? 'a string' : 'a string, number or boolean'}`);
}

function contactInputErrors(value: unknown, prefix: string, customDataStringsOnly: boolean): string[] {
	if (value === undefined) return [];
	if (!isPlainObject(value)) return [`${prefix} must be an object`];
	const errors: string[] = [];
	for (const f of ['email', 'phone', 'phone_number', 'name', 'avatar_url']) {
		const v = value[f];
		if (v !== undefined && v !== null && typeof v !== 'string') errors.push(`${prefix}.${f} must be a string`);
	}
	if (typeof value.email === 'string' && value.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.email)) {
		errors.push(`${prefix}.email must be an email`);
	}
	return [...errors, ...customDataErrors(value.custom_data, `${prefix}.custom_data`, customDataStringsOnly)];
}

/** ISO-8601 query filter; returns an error message or the epoch ms. */
function dateParam(req: ApiRequest, name: string): number | string | undefined {
	const v = queryValue(req, name);
	if (v === undefined || v === '') return undefined;
	const ms = Date.parse(v);
	return Number.isNaN(ms) ? `${name} must be a valid ISO 8601 date string` : ms;
}

/** created_/updated_ after/before filters shared by the session and contact lists. */
function dateFilters(req: ApiRequest): { errors: string[]; keep: (created: string, updated: string) => boolean } {
	const bounds: Record<string, number> = {};
	const errors: string[] = [];
	for (const name of ['created_after', 'created_before', 'updated_after', 'updated_before']) {
		const v = dateParam(req, name);
		if (typeof v === 'string') errors.push(v);
		else if (v !== undefined) bounds[name] = v;
	}
	const within = (at: string, after?: number, before?: number) => {
		if (after === undefined && before === undefined) return true;
		const t = Date.parse(at);
		return (after === undefined || t > after) && (before === undefined || t < before);
	};
	return {
		errors,
		keep: (c, u) => within(c, bounds.created_after, bounds.created_before) && within(u, bounds.updated_after, bounds.updated_before),
	};
}

const oneOf = (name: string, values: readonly string[]) => `${name} must be one of the following values: ${values.join(', ')}`;
const asList = (v: unknown): unknown[] | undefined => (v === undefined || v === null ? undefined : Array.isArray(v) ? v : [v]);
const sessionKey = (s: OcxSession) => `${s.created_at}|${String(s.seq).padStart(10, '0')}`;

export function openCxApi(state: OpenCxState): ApiModule {
	const notFound = () => fail(404, 'Chat session not found');

	const routes = [
		route('POST /chat/sessions', (req) => {
			const b = bodyObject(req);
			const errors = [
				...customDataErrors(b.custom_data, 'custom_data', false),
				...contactInputErrors(b.contact, 'contact', false),
			];
			if (b.contact_id !== undefined && (typeof b.contact_id !== 'string' || !UUID.test(b.contact_id))) {
				errors.push('contact_id must be a UUID');
			}
			const channel = isPlainObject(b.channel) ? b.channel.type : undefined;
			if (b.channel !== undefined && (typeof channel !== 'string' || !CHANNEL_TYPES.includes(channel))) {
				errors.push(oneOf('channel.type', CHANNEL_TYPES));
			}
			if (b.verified !== undefined && b.verified !== null && typeof b.verified !== 'boolean') errors.push('verified must be a boolean value');
			if (errors.length) return invalid(...errors);

			let contactId: string | null = null;
			if (typeof b.contact_id === 'string') {
				if (!state.contacts.has(b.contact_id)) return fail(404, 'Contact not found');
				contactId = b.contact_id;
			} else if (isPlainObject(b.contact)) {
				// Verified contacts write custom_data; others write non_verified_custom_data.
				contactId = state.upsertContact(b.contact as ContactInput, b.verified === true).id;
			}
			const session = state.createSession({
				contactId,
				channel: channel as string | undefined,
				customData: b.custom_data as Record<string, Scalar> | undefined,
			});
			return created({ id: session.id });
		}),

		route('GET /chat/sessions', (req) => {
			const errors: string[] = [];
			const status = queryValue(req, 'status');
			if (status && !(SESSION_STATUSES as readonly string[]).includes(status)) errors.push(oneOf('status', SESSION_STATUSES));
			const channel = queryValue(req, 'channel_type');
			if (channel && !CHANNEL_TYPES.includes(channel)) errors.push(oneOf('channel_type', CHANNEL_TYPES));
			const handedOff = queryValue(req, 'handed_off');
			if (handedOff !== undefined && handedOff !== 'true' && handedOff !== 'false') errors.push('handed_off must be a boolean value');
			const dates = dateFilters(req);
			errors.push(...dates.errors);
			if (errors.length) return invalid(...errors);

			const matching = [...state.sessions.values()]
				.filter(
					(s) =>
						(!status || s.status === status) &&
						(!channel || s.channel.type === channel) &&
						(handedOff === undefined || s.handedOff === (handedOff === 'true')) &&
						dates.keep(s.created_at, s.updated_at),
				)
				.map((s) => ({ s, key: sessionKey(s) })) // keys built once: benchmarks seed thousands
				.sort((a, b) => (a.key < b.key ? 1 : -1)); // newest first
			const page = cursorPage(matching, (x) => x.key, 'desc', queryValue(req, 'cursor'), state.pageSize);
			if (!page) return invalid('cursor is invalid');
			return json({ items: page.items.map((x) => state.view(x.s)), next: page.next });
		}),

		route('POST /chat/sessions/filter', (req) => {
			const b = bodyObject(req);
			const errors: string[] = [];
			const sortBy = b.sort_by ?? 'last_message_at';
			const sortOrder = b.sort_order ?? 'desc';
			const page = b.page ?? 1;
			const limit = b.limit ?? 25;
			if (sortBy !== 'last_message_at' && sortBy !== 'created_at') errors.push(oneOf('sort_by', ['last_message_at', 'created_at']));
			if (sortOrder !== 'asc' && sortOrder !== 'desc') errors.push(oneOf('sort_order', ['asc', 'desc']));
			if (!Number.isInteger(page) || (page as number) < 1) errors.push('page must not be less than 1');
			if (!Number.isInteger(limit)) errors.push('limit must be an integer number');
			else if ((limit as number) < 1) errors.push('limit must not be less than 1');
			else if ((limit as number) > 100) errors.push('limit must not be greater than 100');
			if (b.filters !== undefined && !isPlainObject(b.filters)) errors.push('filters must be an object');
			if (errors.length) return invalid(...errors);

			const keep = sessionFilter(isPlainObject(b.filters) ? b.filters : {});
			const field = sortBy === 'created_at' ? 'created_at' : 'lastMessageAt';
			const dir = sortOrder === 'asc' ? 1 : -1;
			const all = [...state.sessions.values()]
				.filter(keep)
				.sort((x, y) => (x[field] === y[field] ? x.seq - y.seq : x[field] < y[field] ? -1 : 1) * dir);
			const start = ((page as number) - 1) * (limit as number);
			return json({
				data: all.slice(start, start + (limit as number)).map((s) => state.view(s)),
				page,
				limit,
				has_next: start + (limit as number) < all.length,
				has_previous: (page as number) > 1,
			});
		}),

		route('GET /chat/sessions/search', (req) => {
			const q = (queryValue(req, 'q') ?? '').trim().toLowerCase();
			if (!q) return invalid('q should not be empty');
			const contactId = queryValue(req, 'contact_id');
			const hit = (v: string | null) => v !== null && v.toLowerCase().includes(q);
			const contacts = [...state.contacts.values()]
				.filter((c) => (!contactId || c.id === contactId) && (hit(c.name) || hit(c.email) || hit(c.phone_number)))
				.map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone_number }));
			const messages = [...state.sessions.values()]
				.filter((s) => !contactId || s.contactId === contactId)
				.flatMap((s) =>
					s.events
						.filter((e) => e.event.type === 'message' && hit(e.event.content.text))
						.map((e) => ({ id: e.id, session_id: s.id, message: e.event.content.text, type: e.event.sender.type })),
				);
			return json({ contacts, messages });
		}),

		route('GET /chat/sessions/:id', (_req, { id }) => {
			const s = state.sessions.get(id);
			return s ? json(state.view(s)) : notFound();
		}),

		route('PATCH /chat/sessions/:id', (req, { id }) => {
			const b = bodyObject(req);
			if (typeof b.status !== 'string' || !(SESSION_STATUSES as readonly string[]).includes(b.status)) {
				return invalid(oneOf('status', SESSION_STATUSES));
			}
			const s = state.sessions.get(id);
			if (!s) return notFound();
			const status = b.status as SessionStatus;
			s.status = status;
			s.updated_at = new Date().toISOString();
			if (status !== 'open' && b.generate_summary_and_sentiment_on_resolve === true) {
				const sentiment = status === 'closed_resolved' ? 'happy' : 'neutral';
				const turns = s.events.filter((e) => e.event.type === 'message').length;
				s.sentiment = sentiment;
				s.handoff = { summary: `Conversation of ${turns} message(s), ${status.replace('closed_', '')}.`, sentiment };
			}
			if (b.reflect_status_change_for_integration === true) s.integrationSyncs++;
			return empty();
		}),

		route('POST /chat/sessions/:id/send', (req, { id }) => send(req, id)),

		route('GET /chat/sessions/:id/history', (req, { id }) => {
			const s = state.sessions.get(id);
			if (!s) return notFound();
			// Events are append-only, so their position is a stable key. The order and whether items
			// carry an id are open in the docs: both are switchable (assumed default: oldest first, ids).
			const indexed = s.events.map((e, i) => ({ e, key: String(i).padStart(10, '0') }));
			const newestFirst = state.historyOrder === 'newest-first';
			if (newestFirst) indexed.reverse();
			const page = cursorPage(indexed, (x) => x.key, newestFirst ? 'desc' : 'asc', queryValue(req, 'cursor'), state.pageSize);
			if (!page) return invalid('cursor is invalid');
			const item = (e: OcxEvent) => {
				const { id, ...rest } = structuredClone(e);
				return state.historyItemIds ? { id, ...rest } : rest;
			};
			return json({ items: page.items.map((x) => item(x.e)), next: page.next });
		}),

		route('POST /contacts', (req) => {
			const b = bodyObject(req);
			if (!isPlainObject(b.contact)) return invalid('contact must be an object');
			const errors = contactInputErrors(b.contact, 'contact', true);
			if (errors.length) return invalid(...errors);
			return created({ id: state.createContact(b.contact as ContactInput).id });
		}),

		route('GET /contacts', (req) => {
			const dates = dateFilters(req);
			if (dates.errors.length) return invalid(...dates.errors);
			const key = (c: OcxContact) => `${c.created_at}|${c.id}`;
			const matching = [...state.contacts.values()]
				.filter((c) => dates.keep(c.created_at, c.updated_at))
				.sort((a, b) => (key(a) < key(b) ? 1 : -1));
			const page = cursorPage(matching, key, 'desc', queryValue(req, 'cursor'), state.pageSize);
			if (!page) return invalid('cursor is invalid');
			return json({ items: page.items.map((c) => state.contactView(c)), next: page.next });
		}),

		route('PATCH /contacts/:id', (req, { id }) => {
			const b = bodyObject(req);
			if (!isPlainObject(b.contact)) return invalid('contact must be an object');
			const errors = contactInputErrors(b.contact, 'contact', true);
			if (errors.length) return invalid(...errors);
			const contact = state.contacts.get(id);
			if (!contact) return fail(404, 'Contact not found');
			state.updateContact(contact, b.contact as ContactInput);
			return empty();
		}),

		route('DELETE /contacts/:id', (_req, { id }) => {
			// Deleting a contact leaves its conversations in place.
			return state.contacts.delete(id) ? empty() : fail(404, 'Contact not found');
		}),
	];

	function sessionFilter(f: Record<string, unknown>): (s: OcxSession) => boolean {
		const statuses = asList(f.status);
		const channels = asList(f.channels ?? f.channel);
		const contacts = asList(f.contact_ids ?? f.contact_id);
		const sentiments = asList(f.sentiment);
		const handedOff = typeof f.handed_off === 'boolean' ? f.handed_off : f.handed_off === 'true' ? true : f.handed_off === 'false' ? false : undefined;
		return (s) =>
			(!statuses || statuses.includes(s.status)) &&
			(!channels || channels.includes(s.channel.type)) &&
			(!contacts || contacts.includes(s.contactId)) &&
			(!sentiments || sentiments.includes(s.sentiment)) &&
			(handedOff === undefined || s.handedOff === handedOff);
	}

	function send(req: ApiRequest, id: string): ApiResponse {
		const b = bodyObject(req);
		const errors: string[] = [];
		if (b.sender !== 'contact' && b.sender !== 'agent') errors.push(oneOf('sender', ['contact', 'agent']));
		const message = b.message;
		if (!isPlainObject(message)) {
			errors.push('message must be an object');
		} else {
			if (message.type !== undefined && typeof message.type !== 'string') errors.push('message.type must be a string');
			if (message.text !== undefined && typeof message.text !== 'string') errors.push('message.text must be a string');
			if (message.attachments !== undefined && !Array.isArray(message.attachments)) errors.push('message.attachments must be an array');
			const attachments = Array.isArray(message.attachments) ? message.attachments : [];
			attachments.forEach((a, i) => {
				if (!isPlainObject(a) || typeof a.name !== 'string' || typeof a.mime_type !== 'string') {
					errors.push(`message.attachments.${i} must have a name and a mime_type`);
				} else if (typeof a.url !== 'string' && typeof a.base64 !== 'string') {
					errors.push(`message.attachments.${i} must have a url or base64 content`);
				}
			});
			const text = typeof message.text === 'string' ? message.text.trim() : '';
			if (!text && attachments.length === 0) errors.push('message.text should not be empty when there are no attachments');
		}
		errors.push(...customDataErrors(b.custom_data, 'custom_data', false));
		errors.push(...contactInputErrors(b.contact, 'contact', true));
		if (b.agent !== undefined) {
			if (!isPlainObject(b.agent)) errors.push('agent must be an object');
			else if (b.agent.id !== undefined && typeof b.agent.id !== 'number') errors.push('agent.id must be a number');
		}
		if (b.should_take_over_session_from_ai !== undefined && typeof b.should_take_over_session_from_ai !== 'boolean') {
			errors.push('should_take_over_session_from_ai must be a boolean value');
		}
		if (errors.length) return invalid(...errors);

		const s = state.sessions.get(id);
		if (!s) return notFound();
		const msg = message as { text?: string; attachments?: Array<Record<string, string>> };

		// Both custom_data buckets are merged: callers send only the keys to add or change.
		if (b.custom_data) Object.assign(s.custom_data, b.custom_data as Record<string, Scalar>);
		if (isPlainObject(b.contact)) {
			const existing = s.contactId ? state.contacts.get(s.contactId) : undefined;
			if (existing) state.updateContact(existing, b.contact as ContactInput);
			else s.contactId = state.createContact(b.contact as ContactInput).id;
		}

		const agent = isPlainObject(b.agent) ? (b.agent as { id?: number; name?: string }) : undefined;
		const fromAgent = b.sender === 'agent';
		if (fromAgent && b.should_take_over_session_from_ai === true && !s.assist_mode) {
			state.takeOver(s, agent?.name ?? 'Agent');
		}
		const contactName = (s.contactId && state.contacts.get(s.contactId)?.name) || 'Contact';
		const sender = fromAgent ? { type: 'human_agent', name: agent?.name ?? 'Agent' } : { type: 'contact', name: contactName };
		const event = state.addEvent(s, 'message', sender, msg.text ?? '', {
			attachments: (msg.attachments ?? []).map((a) => attachmentView(state, a)),
		});

		const aiAnswers = !fromAgent && state.aiWillReply(s);
		if (state.sendResponseStyle === 'ack') {
			// Newest documented answer: the message id only; the AI's reply lands in history later.
			if (aiAnswers) state.scheduleAiAnswer(s, msg.text ?? '');
			return created({ success: true, data: { message: { id: event.id } } });
		}
		// Older documented answers carry the AI's reply (or nothing, when it does not answer).
		const answer = aiAnswers ? state.aiAnswer(s, msg.text ?? '') : undefined;
		if (state.sendResponseStyle === 'ai-response') {
			// No answer (the AI is silent or a human holds the session): empty text, an assumption.
			return created({ ai_response: { text: answer ? answer.event.event.content.text : '' } });
		}
		const result = {
			success: true,
			code: 'ok',
			autopilotResponse: answer
				? {
						type: 'text',
						value: { error: false, content: answer.event.event.content.text },
						id: answer.event.id,
						mightSolveUserIssue: !answer.handedOff,
						completelyAndFullyCoveredUserIssue: false,
						debugInfo: {},
						mode: null,
						didExitMode: false,
					}
				: null,
			uiResponse: null,
			sessionIsHandedOff: s.handedOff,
			resolveArgs: null,
			toolCallResultsQuickReplySuggestions: [],
		};
		return created(state.sendResponseStyle === 'autopilot' ? { success: true, data: result } : result);
	}

	function handle(req: ApiRequest): ApiResponse {
		const match = matchRoute(routes, req.method, req.segments);
		if (!match) return fail(404, `Cannot ${req.method} ${req.path}`);
		const auth = req.headers.authorization ?? '';
		const key = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? '';
		const family = req.segments[0] === 'contacts' ? 'contacts' : 'chat-sessions';
		const scope = `${family}:${req.method === 'GET' ? 'read' : 'write'}`;
		const allowed = state.hasScope(key, scope);
		if (allowed === undefined) return fail(401, 'Unauthorized');
		if (!allowed) return fail(403, `Missing scope: ${scope}`);
		if (req.bodyError !== undefined) return invalid(`Invalid JSON body: ${req.bodyError}`);
		return match.handler(req, match.params);
	}

	return {
		handle: (req) => handle(req),
		errorBody: (status, message) => nestError(status, message),
	};
}

function attachmentView(state: OpenCxState, a: Record<string, string>): OcxAttachment {
	const id = state.newId();
	return {
		id,
		name: a.name,
		size: a.base64 ? Buffer.from(a.base64, 'base64').length : 0,
		type: a.mime_type,
		url: a.url ?? `https://files.sandbox.local/${id}/${encodeURIComponent(a.name)}`,
	};
}
