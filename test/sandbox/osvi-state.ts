// OSVI's world: agents, v1 chat sessions with their message logs, and legacy sessions.
import { Prng } from './random';

export const OSVI_TOKEN = 'osvidemotoken016';
export const OPERATOR_EMAIL = 'operator@sandbox.local';
const ACCOUNT_ID = 7;
const CONTEXT_LIMIT = 5;

export interface OsviAgent {
	uuid: string;
	name: string;
	/** The integer a session reports as chat_agent_id (never the agent_… uuid). */
	numericId: number;
	status: 'active' | 'inactive' | 'archived';
	/** false for a chat agent that /v1/active_agents leaves out but that works everywhere. */
	listed: boolean;
}

export interface OsviMessage {
	role: 'customer' | 'agent' | 'operator';
	/** guidance (tell) and whisper never reach the customer. */
	kind: 'message' | 'guidance' | 'whisper';
	text: string;
	at: string;
}

export interface OsviSession {
	id: string;
	agentUuid: string;
	customerId: string;
	mode: 'ai' | 'support';
	helpRequested: boolean;
	status: 'active' | 'dormant' | 'closed';
	inputFields: Record<string, unknown>;
	stateFields: Record<string, unknown>;
	context: string[];
	activeHuman: string | null;
	createdAt: string;
	updatedAt: string;
	messages: OsviMessage[];
}

export interface OsviLegacySession {
	id: string;
	agentUuid: string;
	metadata: Record<string, unknown>;
	startedAt: string;
	closed: boolean;
	messages: OsviMessage[];
}

export const DEMO_AGENTS = {
	support: 'agent_DemoSupport_01',
	sales: 'agent_DemoSales_02',
	archived: 'agent_Archived_03',
	inactive: 'agent_Inactive_04',
	unlisted: 'agent_ChatOnly_05',
} as const;

function seedAgents(): OsviAgent[] {
	return [
		{ uuid: DEMO_AGENTS.support, name: 'Demo Support Agent', numericId: 41, status: 'active', listed: true },
		{ uuid: DEMO_AGENTS.sales, name: 'Demo Sales Agent', numericId: 42, status: 'active', listed: true },
		{ uuid: DEMO_AGENTS.archived, name: 'Archived Agent', numericId: 43, status: 'archived', listed: false },
		{ uuid: DEMO_AGENTS.inactive, name: 'Inactive Agent', numericId: 44, status: 'inactive', listed: false },
		{ uuid: DEMO_AGENTS.unlisted, name: 'Chat-only Agent', numericId: 45, status: 'active', listed: false },
	];
}

/** v1 timestamps: UTC with microseconds and "Z", like the docs' examples. */
export const utcMicros = (d = new Date()): string => d.toISOString().replace('Z', '000Z');
/** Legacy timestamps are naive (no zone). */
export const naiveMicros = (d = new Date()): string => d.toISOString().replace('Z', '000');

/** Keeps the last 5 non-empty strings, oldest dropped first. */
export function pushContext(list: string[], entries: unknown[]): string[] {
	const kept = entries.filter((e): e is string => typeof e === 'string' && e.trim() !== '');
	return [...list, ...kept].slice(-CONTEXT_LIMIT);
}

export class OsviState {
	tokens = new Set<string>([OSVI_TOKEN]);
	agents: OsviAgent[] = seedAgents();
	sessions = new Map<string, OsviSession>();
	legacySessions = new Map<string, OsviLegacySession>();
	private rng: Prng;

	constructor(private readonly seed = 1) {
		this.rng = new Prng(seed);
	}

	reset(): void {
		this.tokens = new Set([OSVI_TOKEN]);
		this.agents = seedAgents();
		this.sessions.clear();
		this.legacySessions.clear();
		this.rng = new Prng(this.seed);
	}

	newId(): string {
		return this.rng.uuid();
	}

	agent(uuid: string): OsviAgent | undefined {
		return this.agents.find((a) => a.uuid === uuid);
	}

	activeSession(customerId: string, agentUuid: string): OsviSession | undefined {
		for (const s of this.sessions.values()) {
			if (s.status === 'active' && s.customerId === customerId && s.agentUuid === agentUuid) return s;
		}
		return undefined;
	}

	/** One active session per customer + agent: opening a new one closes the previous. */
	createSession(agentUuid: string, customerId: string, inputFields: Record<string, unknown>, context: unknown[]): OsviSession {
		const previous = this.activeSession(customerId, agentUuid);
		if (previous) this.close(previous);
		const now = utcMicros();
		const session: OsviSession = {
			id: this.newId(),
			agentUuid,
			customerId,
			mode: 'ai',
			helpRequested: false,
			status: 'active',
			inputFields,
			stateFields: {},
			context: pushContext([], context),
			activeHuman: null,
			createdAt: now,
			updatedAt: now,
			messages: [],
		};
		this.sessions.set(session.id, session);
		return session;
	}

	close(session: OsviSession): void {
		session.status = 'closed';
		this.touch(session);
	}

	log(session: OsviSession, role: OsviMessage['role'], text: string, kind: OsviMessage['kind'] = 'message'): void {
		session.messages.push({ role, kind, text, at: utcMicros() });
		this.touch(session);
	}

	touch(session: OsviSession): void {
		session.updatedAt = utcMicros();
	}

	/** The customer-side messages of a session, for tests counting duplicates. */
	messages(sessionId: string, role?: OsviMessage['role']): OsviMessage[] {
		const all = this.sessions.get(sessionId)?.messages ?? this.legacySessions.get(sessionId)?.messages ?? [];
		return role ? all.filter((m) => m.role === role) : all;
	}

	/** The session object of osvi.md §3.1. */
	view(s: OsviSession): Record<string, unknown> {
		return {
			id: s.id,
			chat_agent_id: this.agent(s.agentUuid)?.numericId ?? 0,
			account_id: ACCOUNT_ID,
			customer_id: s.customerId,
			mode: s.mode,
			help_requested: s.helpRequested,
			status: s.status,
			current_state: null,
			metadata: { input_fields: s.inputFields, state_fields: s.stateFields, context: [...s.context] },
			active_human: s.activeHuman,
			created_at: s.createdAt,
			updated_at: s.updatedAt,
		};
	}
}

/** The sandbox's deterministic "AI". */
export const agentReply = (content: string): string => `Thanks, you said: ${content}`;
export const wantsHuman = (content: string): boolean => /\b(human|operator)s?\b/i.test(content);
