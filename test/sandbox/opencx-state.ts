// open.cx's world: API keys with scopes, contacts, chat sessions and their event history, the fake AI.
import { Prng } from './random';

export const OPENCX_KEYS = {
	full: 'ocx_live_demo_sandbox_key',
	sessionsOnly: 'ocx_live_scoped_sessions_only',
	readOnly: 'ocx_live_scoped_read_only',
} as const;

export const CHANNEL_TYPES = ['web', 'email', 'phone_voice', 'slack', 'sms', 'whatsapp', 'instagram', 'messenger', 'api', 'web_voice'];
export const SESSION_STATUSES = ['open', 'closed_resolved', 'closed_unresolved'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
type Sentiment = 'angry' | 'happy' | 'neutral';

export interface OcxContact {
	id: string;
	email: string | null;
	phone_number: string | null;
	name: string | null;
	avatar_url: string | null;
	custom_data: Record<string, string>;
	non_verified_custom_data: Record<string, string>;
	created_at: string;
	updated_at: string;
}

export interface OcxAttachment {
	id: string;
	name: string;
	size: number;
	type: string;
	url: string;
}

export interface OcxEvent {
	id: string;
	created_at: string;
	event: {
		type: string;
		sender: { type: string; name: string };
		content: { type: 'text'; text: string };
		attachments: OcxAttachment[];
		context: Record<string, unknown>;
	};
}

export interface OcxSession {
	id: string;
	status: SessionStatus;
	ai_closure_type: 'assumed_resolved' | 'handed_off' | 'resolved' | null;
	sentiment: Sentiment | null;
	channel: { type: string };
	ticket_number: number;
	assist_mode: boolean;
	created_at: string;
	updated_at: string;
	contactId: string | null;
	language: string | null;
	custom_data: Record<string, string | number | boolean>;
	handoff: { summary: string; sentiment: Sentiment } | null;
	handedOff: boolean;
	lastMessageAt: string;
	/** Insertion order, the tie-breaker for equal timestamps in cursors. */
	seq: number;
	events: OcxEvent[];
	/** How many times a status change was pushed to an integration (reflect_status_change_for_integration). */
	integrationSyncs: number;
}

export interface ContactInput {
	email?: string | null;
	phone?: string | null;
	phone_number?: string | null;
	name?: string | null;
	avatar_url?: string | null;
	custom_data?: Record<string, string>;
}

const FIXTURE_CONTACTS: ContactInput[] = [
	{ name: 'Alice Martin', email: 'alice@example.com', phone: '+15550000001', custom_data: { plan: 'pro' } },
	{ name: 'Bob Chen', email: 'bob@example.com', phone: '+15550000002', custom_data: {} },
	{ name: 'Carla Díaz', email: 'carla@example.org', phone: '+34600000003', custom_data: { tier: 'gold' } },
	{ name: 'Dev Patel', email: 'dev.patel@example.net', phone: '+919800000004', custom_data: {} },
	{ name: "Erin O'Neil", email: null, phone: '+447700900005', custom_data: {} },
];

// [status, channel, contact index, handed off, first message]: one of each interesting case.
const FIXTURE_SESSIONS: Array<[SessionStatus, string, number, boolean, string]> = [
	['open', 'web', 0, false, 'Where is my order #1234?'],
	['open', 'whatsapp', 1, true, 'I want to talk to a human about a refund'],
	['closed_resolved', 'email', 2, false, 'How do I reset my password?'],
	['closed_unresolved', 'api', 3, true, 'The invoice total looks wrong'],
	['open', 'sms', 4, false, 'Do you ship to Ireland?'],
	['closed_resolved', 'phone_voice', 0, false, 'Cancel my subscription please'],
];

const FIXTURE_EPOCH = Date.parse('2026-01-05T09:00:00.000Z');
const HOUR = 3600_000;

/**
 * The documented /send answers (opencx.md §3.7): (a) the newest message-id ack, (b) the autopilot
 * result under `data`, (c) the same flat, (d) the old spec's `{ ai_response }`.
 */
export const SEND_RESPONSE_STYLES = ['ack', 'autopilot', 'autopilot-flat', 'ai-response'] as const;
export type SendResponseStyle = (typeof SEND_RESPONSE_STYLES)[number];
export const HISTORY_ORDERS = ['oldest-first', 'newest-first'] as const;
export type HistoryOrder = (typeof HISTORY_ORDERS)[number];

export const aiReplyText = (text: string): string => `AI: ${text}`;
export const HANDOFF_TEXT = 'Let me hand you over to a human agent.';
export const wantsHuman = (text: string): boolean => /\bhumans?\b/i.test(text);

export class OpenCxState {
	/** Key → granted scopes; "*" is a full-access key. */
	keys = new Map<string, Set<string>>();
	contacts = new Map<string, OcxContact>();
	sessions = new Map<string, OcxSession>();
	/** Which documented /send answer (opencx.md §3.7 a–d) the sandbox gives; see SEND_RESPONSE_STYLES. */
	sendResponseStyle: SendResponseStyle = 'ack';
	/** History order, which the docs leave open (assumed oldest first by default). */
	historyOrder: HistoryOrder = 'oldest-first';
	/** Whether history items carry `id` ("newer versions only", opencx.md §3.8). */
	historyItemIds = true;
	/** false = the AI never answers (to test reply timeouts). */
	aiReplies = true;
	pageSize: number;
	aiReplyDelayMs: number;
	private rng!: Prng;
	private nextTicket = 1001;
	private nextSeq = 1;
	private timers = new Set<NodeJS.Timeout>();

	constructor(private readonly opts: { seed?: number; pageSize?: number; sessions?: number; aiReplyDelayMs?: number } = {}) {
		this.pageSize = opts.pageSize ?? 20;
		this.aiReplyDelayMs = opts.aiReplyDelayMs ?? 30;
		this.reset();
	}

	reset(): void {
		this.cancelTimers();
		this.rng = new Prng((this.opts.seed ?? 1) ^ 0x0c0c);
		this.keys = new Map([
			[OPENCX_KEYS.full, new Set(['*'])],
			[OPENCX_KEYS.sessionsOnly, new Set(['chat-sessions:read', 'chat-sessions:write'])],
			[OPENCX_KEYS.readOnly, new Set(['chat-sessions:read', 'contacts:read'])],
		]);
		this.contacts.clear();
		this.sessions.clear();
		this.sendResponseStyle = 'ack';
		this.historyOrder = 'oldest-first';
		this.historyItemIds = true;
		this.aiReplies = true;
		this.pageSize = this.opts.pageSize ?? 20;
		this.aiReplyDelayMs = this.opts.aiReplyDelayMs ?? 30;
		this.nextTicket = 1001;
		this.nextSeq = 1;
		this.seedFixtures();
		this.seedSessions(this.opts.sessions ?? 6);
	}

	/** Pending AI replies must not fire into a reset or closed sandbox. */
	cancelTimers(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
	}

	newId(): string {
		return this.rng.uuid();
	}

	hasScope(key: string, scope: string): boolean | undefined {
		const scopes = this.keys.get(key);
		if (!scopes) return undefined;
		return scopes.has('*') || scopes.has(scope);
	}

	// ---- contacts ----

	createContact(input: ContactInput, verified = true, at = new Date().toISOString()): OcxContact {
		const contact: OcxContact = {
			id: this.rng.uuid(),
			email: input.email ?? null,
			phone_number: input.phone_number ?? input.phone ?? null,
			name: input.name ?? null,
			avatar_url: input.avatar_url ?? null,
			custom_data: verified ? { ...(input.custom_data ?? {}) } : {},
			non_verified_custom_data: verified ? {} : { ...(input.custom_data ?? {}) },
			created_at: at,
			updated_at: at,
		};
		this.contacts.set(contact.id, contact);
		return contact;
	}

	/** Merges fields and custom_data (send only the keys to change). */
	updateContact(contact: OcxContact, input: ContactInput, verified = true): void {
		if (input.email !== undefined) contact.email = input.email;
		const phone = input.phone_number ?? input.phone;
		if (phone !== undefined) contact.phone_number = phone;
		if (input.name !== undefined) contact.name = input.name;
		if (input.avatar_url !== undefined) contact.avatar_url = input.avatar_url;
		if (input.custom_data) {
			const bucket = verified ? contact.custom_data : contact.non_verified_custom_data;
			Object.assign(bucket, input.custom_data);
		}
		contact.updated_at = new Date().toISOString();
	}

	/** Create-session's inline contact is "created or updated": reuse one with the same email or phone. */
	upsertContact(input: ContactInput, verified: boolean): OcxContact {
		const phone = input.phone_number ?? input.phone;
		const existing = [...this.contacts.values()].find(
			(c) =>
				(input.email && c.email?.toLowerCase() === input.email.toLowerCase()) ||
				(!input.email && phone && c.phone_number === phone),
		);
		if (!existing) return this.createContact(input, verified);
		this.updateContact(existing, input, verified);
		return existing;
	}

	contactView(c: OcxContact): Record<string, unknown> {
		return {
			id: c.id,
			email: c.email,
			phone_number: c.phone_number,
			name: c.name,
			custom_data: { ...c.custom_data },
			created_at: c.created_at,
			updated_at: c.updated_at,
		};
	}

	// ---- sessions ----

	createSession(opts: {
		contactId?: string | null;
		channel?: string;
		customData?: Record<string, string | number | boolean>;
		at?: string;
		status?: SessionStatus;
	}): OcxSession {
		const at = opts.at ?? new Date().toISOString();
		const session: OcxSession = {
			id: this.rng.uuid(),
			status: opts.status ?? 'open',
			ai_closure_type: null,
			sentiment: null,
			channel: { type: opts.channel ?? 'api' },
			ticket_number: this.nextTicket++,
			assist_mode: false,
			created_at: at,
			updated_at: at,
			contactId: opts.contactId ?? null,
			language: 'en',
			custom_data: { ...(opts.customData ?? {}) },
			handoff: null,
			handedOff: false,
			lastMessageAt: at,
			seq: this.nextSeq++,
			events: [],
			integrationSyncs: 0,
		};
		this.sessions.set(session.id, session);
		return session;
	}

	/** The ChatSession object of opencx.md §3.0. */
	view(s: OcxSession): Record<string, unknown> {
		const contact = s.contactId ? this.contacts.get(s.contactId) : undefined;
		const view: Record<string, unknown> = {
			id: s.id,
			status: s.status,
			ai_closure_type: s.ai_closure_type,
			sentiment: s.sentiment,
			channel: { ...s.channel },
			ticket_number: s.ticket_number,
			assist_mode: s.assist_mode,
			created_at: s.created_at,
			updated_at: s.updated_at,
			language: s.language,
			custom_data: { ...s.custom_data },
		};
		if (contact) {
			view.contact = {
				id: contact.id,
				email: contact.email,
				phone_number: contact.phone_number,
				name: contact.name,
				custom_data: { ...contact.custom_data },
				non_verified_custom_data: { ...contact.non_verified_custom_data },
			};
		}
		if (s.handoff) view.handoff = { ...s.handoff };
		return view;
	}

	addEvent(
		s: OcxSession,
		type: string,
		sender: { type: string; name: string },
		text: string,
		extra: { attachments?: OcxAttachment[]; at?: string } = {},
	): OcxEvent {
		const at = extra.at ?? new Date().toISOString();
		const ev: OcxEvent = {
			id: this.rng.uuid(),
			created_at: at,
			event: { type, sender, content: { type: 'text', text }, attachments: extra.attachments ?? [], context: {} },
		};
		s.events.push(ev);
		s.updated_at = at;
		if (type === 'message') s.lastMessageAt = at;
		return ev;
	}

	/** The AI hands the conversation to humans: no more AI replies after this. */
	handOff(s: OcxSession, summary: string, at?: string): void {
		s.handedOff = true;
		s.ai_closure_type = 'handed_off';
		s.handoff = { summary, sentiment: 'neutral' };
		if (at) s.updated_at = at;
	}

	/** A human agent takes the session over from the AI (send with should_take_over_session_from_ai). */
	takeOver(s: OcxSession, agentName: string): void {
		s.assist_mode = true;
		this.handOff(s, `${agentName} took over the conversation from the AI.`);
		this.addEvent(s, 'human_agent_takeover', { type: 'human_agent', name: agentName }, `${agentName} took over`);
	}

	aiWillReply(s: OcxSession): boolean {
		return this.aiReplies && !s.handedOff && !s.assist_mode && s.status === 'open';
	}

	/**
	 * The AI's answer to one contact message: a reply, or a handoff when a human is asked for. Nothing
	 * links it to the message (the docs document no such field): it simply comes next in time.
	 */
	aiAnswer(s: OcxSession, text: string): { event: OcxEvent; handedOff: boolean } {
		const ai = { type: 'ai', name: 'AI' };
		if (wantsHuman(text)) {
			const event = this.addEvent(s, 'handoff', ai, HANDOFF_TEXT);
			this.handOff(s, `Customer asked for a human: ${text}`);
			return { event, handedOff: true };
		}
		return { event: this.addEvent(s, 'message', ai, aiReplyText(text)), handedOff: false };
	}

	/** The newest documented /send answers before the AI does; its reply lands in history later. */
	scheduleAiAnswer(s: OcxSession, text: string): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			if (this.sessions.get(s.id) === s && this.aiWillReply(s)) this.aiAnswer(s, text);
		}, this.aiReplyDelayMs);
		this.timers.add(timer);
	}

	// ---- seeding ----

	private seedFixtures(): void {
		const contacts = FIXTURE_CONTACTS.map((c, i) =>
			this.createContact(c, true, new Date(FIXTURE_EPOCH - (10 - i) * 24 * HOUR).toISOString()),
		);
		FIXTURE_SESSIONS.forEach(([status, channel, contactIdx, handedOff, text], i) => {
			const start = FIXTURE_EPOCH + i * 6 * HOUR;
			const s = this.createSession({ contactId: contacts[contactIdx].id, channel, status, at: iso(start) });
			this.seedConversation(s, text, handedOff, start);
		});
	}

	/** n more contacts, deterministic from the seed. */
	seedContacts(n: number): void {
		for (let i = 0; i < n; i++) {
			const k = this.contacts.size + 1;
			const at = iso(FIXTURE_EPOCH + this.rng.int(90 * 24) * HOUR);
			this.createContact(
				{ name: `Seed Contact ${k}`, email: `contact${k}@example.test`, phone: `+1555${String(k).padStart(7, '0')}`, custom_data: { source: 'seed' } },
				true,
				at,
			);
		}
	}

	/** n more sessions spread over statuses, channels and three months, deterministic from the seed. */
	seedSessions(n: number): void {
		const texts = ['Hello, I have a question', 'My package is late', 'Can I change my address?', 'I need a human please', 'Thanks for the help'];
		const contactIds = [...this.contacts.keys()];
		for (let i = 0; i < n; i++) {
			const start = FIXTURE_EPOCH + this.rng.int(90 * 24) * HOUR + this.rng.int(3600) * 1000;
			const s = this.createSession({
				contactId: contactIds.length ? this.rng.pick(contactIds) : null,
				channel: this.rng.pick(CHANNEL_TYPES),
				status: this.rng.pick(SESSION_STATUSES),
				at: iso(start),
			});
			if (this.rng.next() < 0.3) s.custom_data = { order_id: `ord_${1000 + s.ticket_number}`, priority: this.rng.pick(['high', 'low']) };
			const text = this.rng.pick(texts);
			this.seedConversation(s, text, wantsHuman(text), start);
		}
	}

	private seedConversation(s: OcxSession, text: string, handedOff: boolean, start: number): void {
		const contact = s.contactId ? this.contacts.get(s.contactId) : undefined;
		this.addEvent(s, 'message', { type: 'contact', name: contact?.name ?? 'Contact' }, text, { at: iso(start + 60_000) });
		if (handedOff) {
			this.addEvent(s, 'handoff', { type: 'ai', name: 'AI' }, HANDOFF_TEXT, { at: iso(start + 65_000) });
			this.handOff(s, `Customer asked: ${text}`, iso(start + 65_000));
		} else {
			this.addEvent(s, 'message', { type: 'ai', name: 'AI' }, aiReplyText(text), { at: iso(start + 65_000) });
		}
		if (s.status !== 'open') {
			s.sentiment = s.status === 'closed_resolved' ? 'happy' : 'neutral';
			if (!handedOff) s.ai_closure_type = s.status === 'closed_resolved' ? 'resolved' : 'assumed_resolved';
			s.updated_at = iso(start + 2 * HOUR);
		}
	}
}

const iso = (ms: number): string => new Date(ms).toISOString();
