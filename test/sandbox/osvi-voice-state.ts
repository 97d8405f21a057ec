// OSVI's voice world (osvi.md §6–§7): calls and their simulated lifecycle, transcripts, recordings,
// campaigns with contact uploads, and per-agent Do-Not-Disturb lists. Guesses are marked "assumed".
import { createHmac } from 'crypto';
import { Prng } from './random';

export type CallStatus = 'picked' | 'not_picked' | 'failed' | 'busy' | 'voicemail' | 'in_progress';
export const CALL_STATUSES: CallStatus[] = ['picked', 'not_picked', 'failed', 'busy', 'voicemail', 'in_progress'];

/** Which shape the post-call POST to a call's `webhook_url` takes (osvi.md §7.3; which one is sent is unclear). */
export type WebhookShape = 'perCall' | 'integration';

/** The transcript turn schema is not readable anywhere (§6.5): the sandbox can answer in each plausible shape. */
export type TranscriptShape = 'roleContent' | 'speakerText';

export interface VoiceCall {
	id: string;
	agentUuid: string;
	agentName: string;
	/** E.164. */
	phoneNumber: string;
	fromNumber: string;
	status: CallStatus;
	callType: 'inbound' | 'outbound';
	durationSeconds: number;
	callEndedBy: string | null;
	callEndedReason: string | null;
	campaignId: number | null;
	campaignUploadId: number | null;
	personName: string | null;
	retryCount: number;
	summary: string | null;
	dataCaptured: Record<string, unknown>;
	postCallAnalysis: Record<string, unknown>;
	/** What the call was started with (the integration webhook's `call_trigger_data`). */
	trigger: Record<string, unknown>;
	webhookUrl: string | null;
	createdAt: Date;
	pickedAt: Date | null;
	turns: Array<{ role: 'agent' | 'user'; text: string; at: Date }>;
	hasRecording: boolean;
}

export interface DndEntry {
	id: number;
	agentUuid: string;
	phone: string;
	reason: string | null;
	createdAt: Date;
}

export interface Campaign {
	id: number;
	name: string;
	status: 'active' | 'inactive';
	isRetryEnabled: boolean;
	retryThreshold: number;
	retryDelay: number;
	createdAt: Date;
	uploads: CampaignUpload[];
}

export interface CampaignUpload {
	id: number;
	fileName: string;
	agentUuid: string;
	createdAt: Date;
	contacts: Array<Record<string, unknown>>;
	queued: number;
}

export interface WebhookDelivery {
	callId: string;
	url: string;
	body: Record<string, unknown>;
	/** HTTP status of the receiver, or 0 when it could not be reached. */
	status: number;
	error?: string;
	at: number;
}

export const DEMO_CAMPAIGNS = { outbound: 101, paused: 102 } as const;

/**
 * Phone numbers whose simulated call ends other than `picked` (assumed test convention, not OSVI's):
 * the last four digits pick the outcome.
 */
export const OUTCOME_BY_SUFFIX: Record<string, CallStatus> = {
	'0001': 'not_picked',
	'0002': 'busy',
	'0003': 'failed',
	'0004': 'voicemail',
};

const OUR_NUMBER = '+918031405555';
/** How long a presigned recording URL stays valid (the docs' `expires_in_seconds`). */
export const RECORDING_TTL_SECONDS = 900;
const SIGNING_KEY = 'sandbox-recording-signing-key';

/** `2026-06-01T14:03:11+05:30`: calls, campaigns and DND answer in IST (osvi.md §2). */
export function ist(date: Date): string {
	const shifted = new Date(date.getTime() + 330 * 60_000);
	return `${shifted.toISOString().slice(0, 19)}+05:30`;
}

/** ISO 3166-1 alpha-2 codes (Intl's region names minus the reserved and withdrawn ones). */
const NOT_ISO = new Set('AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR ZZ'.split(' '));
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
export function isCountryCode(code: string): boolean {
	return /^[A-Z]{2}$/.test(code) && !NOT_ISO.has(code) && regionNames.of(code) !== undefined;
}

/** Calling codes for the countries the plausibility check knows; others get a generic rule (assumed). */
const DIAL: Record<string, { prefix: string; valid: RegExp }> = {
	IN: { prefix: '91', valid: /^[6-9]\d{9}$/ },
	US: { prefix: '1', valid: /^[2-9]\d{9}$/ },
	CA: { prefix: '1', valid: /^[2-9]\d{9}$/ },
	GB: { prefix: '44', valid: /^0?7\d{9}$|^0?[1-3]\d{8,9}$/ },
	AE: { prefix: '971', valid: /^0?5\d{8}$/ },
	SG: { prefix: '65', valid: /^[689]\d{7}$/ },
};

/** The E.164 form of a national number, or undefined when it is implausible for the country. */
export function nationalToE164(phone: string, country: string): string | undefined {
	const digits = phone.replace(/[\s().-]/g, '');
	if (!/^\d+$/.test(digits)) return undefined;
	const rule = DIAL[country];
	if (rule) return rule.valid.test(digits) ? `+${rule.prefix}${digits.replace(/^0/, '')}` : undefined;
	return /^\d{6,12}$/.test(digits) ? `+999${digits}` : undefined;
}

/**
 * Campaign and DND numbers: "Indian formats accepted" (`9876543210`, `+919876500000`), normalised
 * to E.164. Other `+` numbers are kept as they are (assumed).
 */
export function normaliseIndian(phone: string): string | undefined {
	const compact = phone.replace(/[\s().-]/g, '');
	if (/^\+\d{8,15}$/.test(compact)) return compact;
	const digits = compact.replace(/^(?:0091|91|0)(?=[6-9]\d{9}$)/, '');
	return /^[6-9]\d{9}$/.test(digits) ? `+91${digits}` : undefined;
}

export class VoiceState {
	calls = new Map<string, VoiceCall>();
	dnd: DndEntry[] = [];
	campaigns = new Map<number, Campaign>();
	deliveries: WebhookDelivery[] = [];
	/** How long a started call "rings and talks" before it ends and its webhook fires. */
	callDurationMs: number;
	webhookShape: WebhookShape = 'perCall';
	transcriptShape: TranscriptShape = 'roleContent';
	private rng: Prng;
	private nextNumber = 1;
	private timers = new Set<NodeJS.Timeout>();
	private pendingDeliveries = new Set<Promise<void>>();

	constructor(
		private readonly seed = 1,
		private readonly defaultDurationMs = 300,
		private readonly agentName: (uuid: string) => string | undefined = () => undefined,
	) {
		this.rng = new Prng(seed ^ 0xca11);
		this.callDurationMs = defaultDurationMs;
		this.seedFixtures();
	}

	reset(): void {
		this.cancelTimers();
		this.calls.clear();
		this.dnd = [];
		this.campaigns.clear();
		this.deliveries = [];
		this.callDurationMs = this.defaultDurationMs;
		this.webhookShape = 'perCall';
		this.transcriptShape = 'roleContent';
		this.rng = new Prng(this.seed ^ 0xca11);
		this.nextNumber = 1;
		this.seedFixtures();
	}

	cancelTimers(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	/** Resolves when every webhook POST started so far has been answered or failed. */
	async settled(): Promise<void> {
		await Promise.all([...this.pendingDeliveries]);
	}

	newId(): string {
		return this.rng.uuid();
	}

	number(): number {
		return this.nextNumber++;
	}

	/** Starts an outbound call: `in_progress` at once (assumed visible immediately), ended after `callDurationMs`. */
	startCall(input: {
		agentUuid: string;
		phoneNumber: string;
		personName?: string;
		webhookUrl?: string;
		additionalData?: Record<string, unknown>;
		dataExtraction?: Array<{ key: string }>;
		maxDurationSeconds?: number;
	}): VoiceCall {
		const call = this.addCall({
			agentUuid: input.agentUuid,
			phoneNumber: input.phoneNumber,
			status: 'in_progress',
			personName: input.personName ?? null,
			webhookUrl: input.webhookUrl ?? null,
			trigger: { phone_number: input.phoneNumber, person_name: input.personName, ...(input.additionalData ?? {}) },
		});
		const keys = (input.dataExtraction ?? []).map((d) => d.key);
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			this.endCall(call, keys, input.maxDurationSeconds);
		}, this.callDurationMs);
		this.timers.add(timer);
		return call;
	}

	/** The call's outcome: DND numbers are never dialled; the number's last digits pick the rest. */
	endCall(call: VoiceCall, extractionKeys: string[] = [], maxDurationSeconds?: number): void {
		const onDnd = this.dnd.some((d) => d.agentUuid === call.agentUuid && d.phone === call.phoneNumber);
		const status: CallStatus = onDnd ? 'failed' : (OUTCOME_BY_SUFFIX[call.phoneNumber.slice(-4)] ?? 'picked');
		call.status = status;
		if (status === 'picked') {
			call.pickedAt = new Date(call.createdAt.getTime() + 4000);
			call.durationSeconds = Math.min(maxDurationSeconds ?? 600, 42);
			call.callEndedBy = 'agent';
			call.callEndedReason = 'assistant-ended-call';
			const name = call.personName ?? 'there';
			call.turns = [
				{ role: 'agent', text: `Hello ${name}, this is ${call.agentName}. Is now a good time?`, at: call.pickedAt },
				{ role: 'user', text: 'Yes, go ahead.', at: new Date(call.pickedAt.getTime() + 3000) },
				{ role: 'agent', text: 'Great, I will send you the details. Goodbye!', at: new Date(call.pickedAt.getTime() + 6000) },
			];
			call.summary = `The agent reached ${name}, who agreed to receive the details.`;
			call.dataCaptured = Object.fromEntries(extractionKeys.map((key) => [key, `captured ${key}`]));
			call.postCallAnalysis = { sentiment: 'positive', callback_required: false };
			call.hasRecording = true;
		} else {
			call.callEndedBy = 'system';
			call.callEndedReason = onDnd ? 'number-on-dnd-list' : `customer-${status.replace('_', '-')}`;
		}
		if (call.webhookUrl) this.deliver(call);
	}

	/** The per-call (older) or dashboard-integration body of osvi.md §7.3. */
	webhookBody(call: VoiceCall): Record<string, unknown> | undefined {
		if (this.webhookShape === 'perCall') {
			return {
				agent_name: call.agentName,
				agent_uuid: call.agentUuid,
				phone_number: call.phoneNumber,
				call_log_id: call.id,
				chat: call.turns.map((t) => `${t.role === 'agent' ? 'Agent' : 'User'}: ${t.text}`).join('\n'),
				call_status: call.status,
				executionMode: 'prod',
			};
		}
		// Integrations fire only for answered calls; sections without data are left out.
		if (call.status !== 'picked') return undefined;
		const body: Record<string, unknown> = {
			call_log_id: call.id,
			phone_number: call.phoneNumber,
			agent_name: call.agentUuid,
			call_status: call.status,
			call_type: call.callType,
		};
		if (call.summary) body.call_summary = call.summary;
		if (Object.keys(call.dataCaptured).length) body.data_capture = call.dataCaptured;
		if (Object.keys(call.postCallAnalysis).length) body.structured_output = call.postCallAnalysis;
		body.call_trigger_data = call.trigger;
		return body;
	}

	private deliver(call: VoiceCall): void {
		const body = this.webhookBody(call);
		if (!body || !call.webhookUrl) return;
		const delivery: WebhookDelivery = { callId: call.id, url: call.webhookUrl, body, status: 0, at: Date.now() };
		this.deliveries.push(delivery);
		const sending = fetch(call.webhookUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(10_000),
		})
			.then(async (response) => {
				delivery.status = response.status;
				await response.arrayBuffer();
			})
			.catch((error: Error) => {
				delivery.error = error.message;
			})
			.finally(() => this.pendingDeliveries.delete(sending));
		this.pendingDeliveries.add(sending);
	}

	addCall(fields: Partial<VoiceCall> & { agentUuid: string; phoneNumber: string; status: CallStatus }): VoiceCall {
		const call: VoiceCall = {
			id: this.newId(),
			agentName: this.agentName(fields.agentUuid) ?? 'Unknown Agent',
			fromNumber: OUR_NUMBER,
			callType: 'outbound',
			durationSeconds: 0,
			callEndedBy: null,
			callEndedReason: null,
			campaignId: null,
			campaignUploadId: null,
			personName: null,
			retryCount: 0,
			summary: null,
			dataCaptured: {},
			postCallAnalysis: {},
			trigger: {},
			webhookUrl: null,
			createdAt: new Date(),
			pickedAt: null,
			turns: [],
			hasRecording: false,
			...fields,
		};
		this.calls.set(call.id, call);
		return call;
	}

	/** Signed, expiring recording URL on the sandbox's own host (stands in for a presigned S3 link). */
	recordingUrl(baseUrl: string, call: VoiceCall, now = Date.now()): string {
		const expires = Math.floor(now / 1000) + RECORDING_TTL_SECONDS;
		return `${baseUrl}/recordings/${call.id}/recording.mp4?X-Amz-Expires=${expires}&X-Amz-Signature=${sign(call.id, expires)}`;
	}

	/** Whether a recording link is genuine and not yet expired. */
	recordingLinkState(callId: string, expires: string | undefined, signature: string | undefined, now = Date.now()): 'ok' | 'expired' | 'invalid' {
		if (!expires || !signature || signature !== sign(callId, Number(expires))) return 'invalid';
		return Number(expires) * 1000 < now ? 'expired' : 'ok';
	}

	/** The call record of GET /v1/calls. */
	listView(call: VoiceCall): Record<string, unknown> {
		return {
			call_id: call.id,
			agent_uuid: call.agentUuid,
			agent_name: call.agentName,
			phone_number: call.phoneNumber,
			from_number: call.fromNumber,
			status: call.status,
			call_type: call.callType,
			duration_seconds: call.durationSeconds,
			call_ended_by: call.callEndedBy,
			call_ended_reason: call.callEndedReason,
			campaign_id: call.campaignId,
			campaign_upload_id: call.campaignUploadId,
			tag: call.status === 'picked' ? { id: 3, name: 'Interested', color_code: '#22c55e' } : null,
			created_at: ist(call.createdAt),
			call_picked_at: call.pickedAt ? ist(call.pickedAt) : null,
		};
	}

	/** `V1CallDetail` of GET /v1/call/{id}: the list fields plus the analysis. */
	detailView(call: VoiceCall): Record<string, unknown> {
		return {
			...this.listView(call),
			caller_name: call.personName,
			retry_count: call.retryCount,
			summary: call.summary,
			data_captured: call.dataCaptured,
			post_call_analysis: call.postCallAnalysis,
		};
	}

	transcriptView(call: VoiceCall): Array<Record<string, unknown>> {
		return call.turns.map((t) =>
			this.transcriptShape === 'roleContent'
				? { role: t.role, content: t.text, timestamp: ist(t.at) }
				: { speaker: t.role === 'agent' ? 'Agent' : 'User', text: t.text, start_time: (t.at.getTime() - call.pickedAt!.getTime()) / 1000 },
		);
	}

	private seedFixtures(): void {
		const now = Date.now();
		const day = 24 * 3600_000;
		this.campaigns.set(DEMO_CAMPAIGNS.outbound, {
			id: DEMO_CAMPAIGNS.outbound,
			name: 'June renewals',
			status: 'active',
			isRetryEnabled: true,
			retryThreshold: 2,
			retryDelay: 1800,
			createdAt: new Date(now - 30 * day),
			uploads: [],
		});
		this.campaigns.set(DEMO_CAMPAIGNS.paused, {
			id: DEMO_CAMPAIGNS.paused,
			name: 'Paused survey',
			status: 'inactive',
			isRetryEnabled: false,
			retryThreshold: 1,
			retryDelay: 300,
			createdAt: new Date(now - 60 * day),
			uploads: [],
		});
		// A fixed call history, newest first once sorted: one call per status, two campaign calls, one inbound.
		const history: Array<Partial<VoiceCall> & { status: CallStatus }> = [
			{ status: 'picked', personName: 'Asha', campaignId: DEMO_CAMPAIGNS.outbound },
			{ status: 'not_picked', campaignId: DEMO_CAMPAIGNS.outbound },
			{ status: 'busy' },
			{ status: 'failed' },
			{ status: 'voicemail' },
			{ status: 'picked', callType: 'inbound', personName: 'Ravi' },
		];
		history.forEach((fields, i) => {
			const createdAt = new Date(now - (i + 1) * day);
			const picked = fields.status === 'picked';
			this.addCall({
				agentUuid: i % 2 === 0 ? 'agent_DemoSupport_01' : 'agent_DemoSales_02',
				phoneNumber: `+9198765000${String(10 + i)}`,
				createdAt,
				pickedAt: picked ? new Date(createdAt.getTime() + 5000) : null,
				durationSeconds: picked ? 60 + i : 0,
				callEndedBy: picked ? 'user' : 'system',
				callEndedReason: picked ? 'customer-ended-call' : `customer-${fields.status.replace('_', '-')}`,
				summary: picked ? 'Seeded call.' : null,
				hasRecording: picked,
				turns: picked ? [{ role: 'agent', text: 'Hello!', at: new Date(createdAt.getTime() + 5000) }] : [],
				...fields,
			});
		});
	}

	/** Adds `count` picked calls for paging tests. */
	seedCalls(count: number, agentUuid = 'agent_DemoSupport_01'): void {
		const start = Date.now() - 10 * 24 * 3600_000;
		for (let i = 0; i < count; i++) {
			const createdAt = new Date(start - i * 60_000);
			this.addCall({
				agentUuid,
				phoneNumber: `+91900000${String(i).padStart(4, '0')}`,
				status: 'picked',
				createdAt,
				pickedAt: new Date(createdAt.getTime() + 5000),
				durationSeconds: 30,
			});
		}
	}
}

function sign(callId: string, expires: number): string {
	return createHmac('sha256', SIGNING_KEY).update(`${callId}:${expires}`).digest('hex').slice(0, 32);
}

/** A few bytes that start like an MP4/M4A file (an `ftyp` box), then deterministic "audio". */
export function recordingBytes(callId: string): Buffer {
	const ftyp = Buffer.from('000000186674797049534f4d0000000169736f6d6d703432', 'hex');
	const audio = Buffer.alloc(2048);
	for (let i = 0; i < audio.length; i++) audio[i] = (callId.charCodeAt(i % callId.length) * (i + 7)) & 0xff;
	return Buffer.concat([ftyp, audio]);
}
