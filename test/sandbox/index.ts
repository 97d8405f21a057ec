// Local fakes of the OSVI and open.cx HTTP APIs, on loopback, for tests, e2e runs and benchmarks.
import { adminApi } from './admin';
import { OPENCX_KEYS, OpenCxState } from './opencx-state';
import { openCxApi } from './opencx';
import { DEMO_AGENTS, OSVI_TOKEN, OsviState } from './osvi-state';
import { osviApi } from './osvi';
import { DEMO_CAMPAIGNS, VoiceState } from './osvi-voice-state';
import { voiceAdmin, withVoice } from './osvi-voice';
import { SandboxCore } from './server';
import type { ApiName, FaultRule, RecordedRequest, SandboxOptions, SandboxStats } from './types';

export type { ApiName, FaultRule, RecordedRequest, SandboxOptions, SandboxStats } from './types';
export { OsviState } from './osvi-state';
export type { OsviAgent, OsviLegacySession, OsviMessage, OsviSession } from './osvi-state';
export { VoiceState, DEMO_CAMPAIGNS, OUTCOME_BY_SUFFIX } from './osvi-voice-state';
export type { VoiceCall, WebhookDelivery } from './osvi-voice-state';
export { OpenCxState } from './opencx-state';
export type { OcxContact, OcxEvent, OcxSession } from './opencx-state';

export const DEMO = {
	osviToken: OSVI_TOKEN,
	opencxKey: OPENCX_KEYS.full,
	/** Scopes chat-sessions:read/write only → 403 on /contacts. */
	opencxSessionsOnlyKey: OPENCX_KEYS.sessionsOnly,
	/** Only *:read scopes → 403 on writes. */
	opencxReadOnlyKey: OPENCX_KEYS.readOnly,
	agents: DEMO_AGENTS,
	campaigns: DEMO_CAMPAIGNS,
} as const;

export interface Sandbox {
	osviUrl: string;
	opencxUrl: string;
	/** Every request in arrival order (admin routes excluded). */
	requests: RecordedRequest[];
	requestsTo(api: ApiName, method?: string, pathPrefix?: string): RecordedRequest[];
	stats: SandboxStats;
	setLatency(ms: number): void;
	addFault(rule: FaultRule): void;
	clearFaults(): void;
	/** Clears requests, stats and faults, and puts both APIs' state back to the seed. */
	reset(): void;
	osvi: OsviState;
	/** OSVI's calls, campaigns and DND lists. */
	voice: VoiceState;
	opencx: OpenCxState;
	close(): Promise<void>;
}

/** Starts both servers; ports default to 0 (ephemeral), so parallel test files never collide. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
	const host = opts.host ?? '127.0.0.1';
	const seed = opts.seed ?? 1;
	const osvi = new OsviState(seed);
	const voice = new VoiceState(seed, opts.callDurationMs, (uuid) => osvi.agent(uuid)?.name);
	const opencx = new OpenCxState({
		seed,
		pageSize: opts.opencxPageSize,
		sessions: opts.opencxSessions,
		aiReplyDelayMs: opts.aiReplyDelayMs,
	});
	const core = new SandboxCore({ latencyMs: opts.latencyMs, seed });

	const sandbox: Sandbox = {
		osviUrl: '',
		opencxUrl: '',
		requests: core.requests,
		requestsTo: (api, method, pathPrefix) =>
			core.requests.filter(
				(r) =>
					r.api === api &&
					(!method || r.method === method.toUpperCase()) &&
					(!pathPrefix || r.path.startsWith(pathPrefix)),
			),
		stats: core.stats,
		setLatency: (ms) => {
			core.latencyMs = ms;
		},
		addFault: (rule) => core.faults.add(rule),
		clearFaults: () => core.faults.clear(),
		reset: () => {
			core.resetTraffic();
			core.latencyMs = opts.latencyMs ?? 0;
			osvi.reset();
			voice.reset();
			opencx.reset();
		},
		osvi,
		voice,
		opencx,
		close: async () => {
			opencx.cancelTimers();
			voice.cancelTimers();
			await core.close();
		},
	};
	const admin = adminApi(sandbox, core.faults);
	core.admin = (req) => voiceAdmin(voice, req) ?? admin(req);

	try {
		sandbox.osviUrl = await core.listen('osvi', withVoice(osviApi(osvi), osvi, voice, () => sandbox.osviUrl), opts.osviPort ?? 0, host);
		sandbox.opencxUrl = await core.listen('opencx', openCxApi(opencx), opts.opencxPort ?? 0, host);
	} catch (err) {
		await sandbox.close();
		throw err;
	}
	return sandbox;
}
