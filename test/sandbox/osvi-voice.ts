// OSVI voice routes (osvi.md §6–§7): calls, transcripts, recordings, campaigns, Do-Not-Disturb.
// Wraps the chat module: voice paths are answered here, everything else goes on to it. The
// recording link is the one route that needs no API-Token (it stands in for a presigned S3 URL).
import type { OsviState } from './osvi-state';
import {
	CALL_STATUSES,
	CallStatus,
	DndEntry,
	isCountryCode,
	ist,
	nationalToE164,
	normaliseIndian,
	recordingBytes,
	RECORDING_TTL_SECONDS,
	VoiceCall,
	VoiceState,
} from './osvi-voice-state';
import { bodyObject, isPlainObject, matchRoute, queryValue, route } from './router';
import type { ApiModule, ApiRequest, ApiResponse } from './types';
import type { WebhookShape, TranscriptShape } from './osvi-voice-state';

// The v1 OpenAPI error schemas: one `error` string plus nullable `details`.
const fail = (status: number, error: string): ApiResponse => ({ status, body: { success: false, error, details: null } });
const ok = (data: unknown, status = 200): ApiResponse => ({ status, body: { success: true, data } });
const missing = (field: string) => fail(400, `param is missing or the value is empty: ${field}`);

const MAX_GREETING = 2000;
const MAX_CONTACTS = 10_000;
const MAX_PER_PAGE = 100;
/** Ranges of call_config_overrides are not readable in the docs (assumed). */
const DURATION_RANGE = [30, 3600];
const ATTEMPTS_RANGE = [1, 5];
const INTERVAL_RANGE = [1, 1440];

const blank = (v: unknown) => v === undefined || v === null || v === '';
const isInt = (v: unknown, [min, max]: number[]) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function isHttpUrl(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/** `?page=&per_page=` (defaults 1 and 25, per_page capped at 100) over a list, with the docs' `meta`. */
function paged<T>(req: ApiRequest, list: T[], view: (item: T) => unknown): ApiResponse {
	const page = Math.max(1, Number.parseInt(queryValue(req, 'page') ?? '1', 10) || 1);
	const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number.parseInt(queryValue(req, 'per_page') ?? '25', 10) || 25));
	const totalPages = Math.max(1, Math.ceil(list.length / perPage));
	return {
		status: 200,
		body: {
			success: true,
			data: list.slice((page - 1) * perPage, page * perPage).map(view),
			meta: { current_page: page, total_pages: totalPages, total_count: list.length, per_page: perPage },
		},
	};
}

/** A bare date is a whole day in IST; anything else must parse as an ISO-8601 timestamp. */
function dateBound(value: string, end: boolean): number | undefined {
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
		return Date.parse(`${value}T${end ? '23:59:59.999' : '00:00:00.000'}+05:30`);
	}
	const parsed = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
	return Number.isNaN(parsed) ? undefined : parsed;
}

export function withVoice(chat: ApiModule, osvi: OsviState, voice: VoiceState, baseUrl: () => string): ApiModule {
	/** Voice endpoints: the agent must be on the token's account (403 on /v1/call, 404 on filters). */
	const agentOnAccount = (uuid: string) => osvi.agent(uuid) !== undefined;

	function findCall(id: string): VoiceCall | undefined {
		return voice.calls.get(id);
	}

	function startCall(req: ApiRequest): ApiResponse {
		const b = bodyObject(req);
		for (const field of ['agent_uuid', 'phone_number', 'country_code']) if (blank(b[field])) return missing(field);
		if (typeof b.country_code !== 'string' || !isCountryCode(b.country_code.toUpperCase())) {
			return fail(400, `country_code "${String(b.country_code)}" is not an ISO 3166-1 alpha-2 country code`);
		}
		const country = b.country_code.toUpperCase();
		const e164 = typeof b.phone_number === 'string' ? nationalToE164(b.phone_number, country) : undefined;
		if (!e164) return fail(400, `phone_number "${String(b.phone_number)}" is not a valid number for country_code ${country}`);
		for (const field of ['system_prompt', 'person_name', 'initial_greeting']) {
			if (b[field] !== undefined && typeof b[field] !== 'string') return fail(400, `${field} must be a string`);
		}
		if (typeof b.initial_greeting === 'string' && b.initial_greeting.length > MAX_GREETING) {
			return fail(400, `initial_greeting is too long (maximum is ${MAX_GREETING} characters)`);
		}
		if (b.webhook_url !== undefined && !isHttpUrl(b.webhook_url)) return fail(400, 'webhook_url must be a valid http or https URL');
		if (b.additional_data !== undefined && !isPlainObject(b.additional_data)) return fail(400, 'additional_data must be a JSON object');
		const overrideError = checkOverrides(b.call_config_overrides);
		if (overrideError) return fail(400, overrideError);
		const extraction = b.data_extraction;
		if (
			extraction !== undefined &&
			(!Array.isArray(extraction) || !extraction.every((d) => isPlainObject(d) && typeof d.key === 'string' && d.key !== ''))
		) {
			return fail(400, 'data_extraction must be an array of objects with a key');
		}
		const agent = osvi.agent(b.agent_uuid as string);
		if (!agent) return fail(403, 'Forbidden: the agent does not belong to this account');
		const overrides = (b.call_config_overrides ?? {}) as Record<string, unknown>;
		const call = voice.startCall({
			agentUuid: agent.uuid,
			phoneNumber: e164,
			personName: b.person_name as string | undefined,
			webhookUrl: b.webhook_url as string | undefined,
			additionalData: b.additional_data as Record<string, unknown> | undefined,
			dataExtraction: extraction as Array<{ key: string }> | undefined,
			maxDurationSeconds: overrides.max_call_duration_seconds as number | undefined,
		});
		return ok({ call_id: call.id });
	}

	function listCalls(req: ApiRequest): ApiResponse {
		let calls = [...voice.calls.values()];
		const status = queryValue(req, 'status');
		if (status) {
			const wanted = status.split(',').map((s) => s.trim());
			const unknown = wanted.find((s) => !CALL_STATUSES.includes(s as CallStatus));
			if (unknown) return fail(400, `status "${unknown}" is not one of ${CALL_STATUSES.join(', ')}`);
			calls = calls.filter((c) => wanted.includes(c.status));
		}
		const agent = queryValue(req, 'agent_uuid');
		if (agent) {
			if (!agentOnAccount(agent)) return fail(404, 'agent_not_found');
			calls = calls.filter((c) => c.agentUuid === agent);
		}
		for (const [param, field] of [['campaign_id', 'campaignId'], ['campaign_upload_id', 'campaignUploadId']] as const) {
			const value = queryValue(req, param);
			if (value === undefined) continue;
			if (!/^\d+$/.test(value)) return fail(400, `${param} must be an integer`);
			calls = calls.filter((c) => c[field] === Number(value));
		}
		const phone = queryValue(req, 'phone_number');
		if (phone) calls = calls.filter((c) => c.phoneNumber.includes(phone));
		const callType = queryValue(req, 'call_type');
		if (callType) {
			if (callType !== 'inbound' && callType !== 'outbound') return fail(400, 'call_type must be inbound or outbound');
			calls = calls.filter((c) => c.callType === callType);
		}
		for (const [param, end] of [['start_date', false], ['end_date', true]] as const) {
			const value = queryValue(req, param);
			if (value === undefined) continue;
			const bound = dateBound(value, end);
			if (bound === undefined) return fail(400, `${param} must be a date (YYYY-MM-DD) or an ISO-8601 timestamp`);
			// Inclusive bounds on call_picked_at: calls never picked up drop out of date-filtered lists.
			calls = calls.filter((c) => c.pickedAt !== null && (end ? c.pickedAt.getTime() <= bound : c.pickedAt.getTime() >= bound));
		}
		calls.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
		return paged(req, calls, (c) => voice.listView(c));
	}

	function addContacts(req: ApiRequest, campaignId: string): ApiResponse {
		const b = bodyObject(req);
		if (blank(b.agent_uuid)) return missing('agent_uuid');
		if (!Array.isArray(b.contacts) || b.contacts.length === 0) return missing('contacts');
		if (b.contacts.length > MAX_CONTACTS) {
			return fail(400, `contacts has ${b.contacts.length} entries; send at most ${MAX_CONTACTS} per request`);
		}
		if (b.enqueue !== undefined && typeof b.enqueue !== 'boolean') return fail(400, 'enqueue must be a boolean');
		const campaign = /^\d+$/.test(campaignId) ? voice.campaigns.get(Number(campaignId)) : undefined;
		if (!campaign) return fail(404, 'Campaign not found');
		const agentUuid = b.agent_uuid as string;
		if (!agentOnAccount(agentUuid)) return fail(403, 'Forbidden: the agent does not belong to this account');

		// Normalised, de-duplicated (the longer person_name wins), DND numbers skipped.
		const byPhone = new Map<string, Record<string, unknown>>();
		const dndSkipped: Array<Record<string, unknown>> = [];
		let duplicates = 0;
		for (const raw of b.contacts) {
			const contact = isPlainObject(raw) ? raw : {};
			const phone = typeof contact.phone === 'string' || typeof contact.phone === 'number' ? normaliseIndian(String(contact.phone)) : undefined;
			// An implausible number is dropped without a word (undocumented; assumed).
			if (!phone) continue;
			const previous = byPhone.get(phone);
			if (previous) {
				duplicates++;
				if (String(contact.person_name ?? '').length > String(previous.person_name ?? '').length) byPhone.set(phone, { ...contact, phone });
				continue;
			}
			byPhone.set(phone, { ...contact, phone });
		}
		for (const [phone] of byPhone) {
			if (voice.dnd.some((d) => d.agentUuid === agentUuid && d.phone === phone)) {
				byPhone.delete(phone);
				dndSkipped.push({ phone });
			}
		}
		const accepted = [...byPhone.values()];
		const uploadId = 5000 + voice.number();
		const hex = voice.newId().replace(/-/g, '').slice(0, 16);
		const enqueue = b.enqueue === true;
		campaign.uploads.push({
			id: uploadId,
			fileName: `${Math.floor(Date.now() / 1000)}-api_contacts_${hex}.csv`,
			agentUuid,
			createdAt: new Date(),
			contacts: accepted,
			queued: enqueue ? accepted.length : 0,
		});
		return ok({
			campaign_upload_id: uploadId,
			contacts_received: b.contacts.length,
			contacts_accepted: accepted.length,
			duplicates_removed: duplicates,
			enqueued: enqueue,
			queued_calls: enqueue ? accepted.length : 0,
			dnd_skipped: dndSkipped,
		});
	}

	function campaignStatus(campaignId: string): ApiResponse {
		const campaign = /^\d+$/.test(campaignId) ? voice.campaigns.get(Number(campaignId)) : undefined;
		if (!campaign) return fail(404, 'Campaign not found');
		const calls = [...voice.calls.values()].filter((c) => c.campaignId === campaign.id);
		const byStatus: Record<string, number> = {};
		for (const c of calls) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
		return ok({
			campaign: {
				id: campaign.id,
				name: campaign.name,
				status: campaign.status,
				is_retry_enabled: campaign.isRetryEnabled,
				retry_threshold: campaign.retryThreshold,
				retry_delay: campaign.retryDelay,
				created_at: ist(campaign.createdAt),
			},
			calls: { total: calls.length, by_status: byStatus },
			uploads: campaign.uploads.map((u) => ({
				campaign_upload_id: u.id,
				file_name: u.fileName,
				agent_uuid: u.agentUuid,
				created_at: ist(u.createdAt),
				queues: [{ agent_uuid: u.agentUuid, total_queued: u.queued, completed: u.queued === 0 }],
			})),
		});
	}

	const dndView = (d: DndEntry) => ({
		id: d.id,
		agent_uuid: d.agentUuid,
		phone: d.phone,
		reason: d.reason,
		created_at: ist(d.createdAt),
	});

	function dndAdd(req: ApiRequest): ApiResponse {
		const b = bodyObject(req);
		if (blank(b.agent_uuid)) return missing('agent_uuid');
		if (blank(b.phone)) return missing('phone');
		if (b.reason !== undefined && b.reason !== null && typeof b.reason !== 'string') return fail(400, 'reason must be a string');
		const agentUuid = String(b.agent_uuid);
		if (!agentOnAccount(agentUuid)) return fail(404, 'agent_not_found');
		const phone = normaliseIndian(String(b.phone));
		if (!phone) return fail(400, `phone "${String(b.phone)}" is not a valid phone number`);
		// Adding a listed number again is undocumented: answered with the existing entry (assumed).
		const existing = voice.dnd.find((d) => d.agentUuid === agentUuid && d.phone === phone);
		if (existing) return ok(dndView(existing), 200);
		const entry: DndEntry = { id: voice.number(), agentUuid, phone, reason: (b.reason as string | undefined) ?? null, createdAt: new Date() };
		voice.dnd.push(entry);
		return ok(dndView(entry), 201);
	}

	function dndList(req: ApiRequest): ApiResponse {
		const agentUuid = queryValue(req, 'agent_uuid');
		if (!agentUuid) return missing('agent_uuid');
		if (!agentOnAccount(agentUuid)) return fail(404, 'agent_not_found');
		const search = (queryValue(req, 'search') ?? '').replace(/\D/g, '');
		const list = voice.dnd
			.filter((d) => d.agentUuid === agentUuid && (search === '' || d.phone.includes(search)))
			.sort((a, b) => b.id - a.id);
		return paged(req, list, dndView);
	}

	function dndRemove(req: ApiRequest): ApiResponse {
		// Query parameters, not a body: a body alone is as good as nothing.
		const agentUuid = queryValue(req, 'agent_uuid');
		const phoneParam = queryValue(req, 'phone');
		if (!agentUuid) return missing('agent_uuid');
		if (!phoneParam) return missing('phone');
		const phone = normaliseIndian(phoneParam);
		const index = voice.dnd.findIndex((d) => d.agentUuid === agentUuid && d.phone === phone);
		// Removing a number that is not listed is undocumented: a 404 (assumed).
		if (index === -1) return fail(404, 'Phone not found in DND list');
		voice.dnd.splice(index, 1);
		return { status: 200, body: { success: true, message: 'Phone removed from DND list' } };
	}

	const routes = [
		route('POST /v1/call', (req) => startCall(req)),
		route('GET /v1/calls', (req) => listCalls(req)),
		route('GET /v1/call/:id', (_req, { id }) => {
			const call = findCall(id);
			return call ? ok(voice.detailView(call)) : fail(404, 'Call not found');
		}),
		route('GET /v1/call/:id/transcript', (_req, { id }) => {
			const call = findCall(id);
			return call ? ok({ call_id: call.id, transcript: voice.transcriptView(call) }) : fail(404, 'Call not found');
		}),
		route('GET /v1/call/:id/recording', (_req, { id }) => {
			const call = findCall(id);
			if (!call) return fail(404, 'Call not found');
			// A call without a recording (never answered, still running) is undocumented: 404 (assumed).
			if (!call.hasRecording) return fail(404, 'Recording not found');
			return ok({ call_id: call.id, recording_url: voice.recordingUrl(baseUrl(), call), expires_in_seconds: RECORDING_TTL_SECONDS });
		}),
		route('POST /v1/campaigns/:id/contacts', (req, { id }) => addContacts(req, id)),
		route('GET /v1/campaigns/:id/status', (_req, { id }) => campaignStatus(id)),
		route('POST /v1/dnd_numbers', (req) => dndAdd(req)),
		route('GET /v1/dnd_numbers', (req) => dndList(req)),
		route('DELETE /v1/dnd_numbers', (req) => dndRemove(req)),
	];

	/** The presigned link: no API-Token needed; an expired or forged one gets S3's 403. */
	function recording(req: ApiRequest): ApiResponse | undefined {
		const [first, callId, file, ...rest] = req.segments;
		if (req.method !== 'GET' || first !== 'recordings' || file !== 'recording.mp4' || rest.length) return undefined;
		const call = findCall(callId);
		const state = voice.recordingLinkState(callId, queryValue(req, 'X-Amz-Expires'), queryValue(req, 'X-Amz-Signature'));
		if (!call?.hasRecording || state !== 'ok') {
			const message = state === 'expired' ? 'Request has expired' : 'Access Denied';
			return {
				status: 403,
				raw: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${message}</Message></Error>`),
				headers: { 'Content-Type': 'application/xml' },
			};
		}
		return { status: 200, raw: recordingBytes(call.id), headers: { 'Content-Type': 'audio/mp4' } };
	}

	return {
		handle: (req) => {
			const download = recording(req);
			if (download) return download;
			const match = matchRoute(routes, req.method, req.segments);
			if (!match) return chat.handle(req);
			if (!osvi.tokens.has(req.headers['api-token'] ?? '')) return fail(401, 'Invalid API token');
			if (req.bodyError !== undefined) return fail(400, `Invalid JSON body: ${req.bodyError}`);
			return match.handler(req, match.params);
		},
		errorBody: (status, message) => chat.errorBody(status, message),
	};
}

function checkOverrides(value: unknown): string | undefined {
	if (value === undefined) return undefined;
	if (!isPlainObject(value)) return 'call_config_overrides must be an object';
	const { max_call_duration_seconds: duration, enable_callback: callback, retry_config: retry } = value;
	if (duration !== undefined && !isInt(duration, DURATION_RANGE)) {
		return `call_config_overrides.max_call_duration_seconds must be an integer from ${DURATION_RANGE[0]} to ${DURATION_RANGE[1]}`;
	}
	if (callback !== undefined && typeof callback !== 'boolean') return 'call_config_overrides.enable_callback must be a boolean';
	if (retry === undefined) return undefined;
	if (!isPlainObject(retry)) return 'call_config_overrides.retry_config must be an object';
	if (retry.enabled !== undefined && typeof retry.enabled !== 'boolean') return 'call_config_overrides.retry_config.enabled must be a boolean';
	if (retry.max_attempts !== undefined && !isInt(retry.max_attempts, ATTEMPTS_RANGE)) {
		return `call_config_overrides.retry_config.max_attempts must be an integer from ${ATTEMPTS_RANGE[0]} to ${ATTEMPTS_RANGE[1]}`;
	}
	if (retry.interval_minutes !== undefined && !isInt(retry.interval_minutes, INTERVAL_RANGE)) {
		return `call_config_overrides.retry_config.interval_minutes must be an integer from ${INTERVAL_RANGE[0]} to ${INTERVAL_RANGE[1]}`;
	}
	return undefined;
}

/**
 * `/__sandbox/voice` for out-of-process users: `GET` → settings and webhook deliveries; `POST`
 * `{callDurationMs?, webhookShape?, transcriptShape?, seedCalls?}` changes them until the next reset.
 */
export function voiceAdmin(voice: VoiceState, req: ApiRequest): ApiResponse | undefined {
	if (req.path !== '/__sandbox/voice') return undefined;
	const settings = () => ({
		callDurationMs: voice.callDurationMs,
		webhookShape: voice.webhookShape,
		transcriptShape: voice.transcriptShape,
		deliveries: voice.deliveries,
	});
	if (req.method === 'GET') return { status: 200, body: settings() };
	if (req.method !== 'POST') return undefined;
	const b = bodyObject(req);
	if (b.callDurationMs !== undefined) {
		if (!isInt(b.callDurationMs, [0, 600_000])) return { status: 400, body: { error: 'callDurationMs must be 0..600000' } };
		voice.callDurationMs = b.callDurationMs as number;
	}
	if (b.webhookShape !== undefined) {
		if (b.webhookShape !== 'perCall' && b.webhookShape !== 'integration') {
			return { status: 400, body: { error: 'webhookShape must be perCall or integration' } };
		}
		voice.webhookShape = b.webhookShape as WebhookShape;
	}
	if (b.transcriptShape !== undefined) {
		if (b.transcriptShape !== 'roleContent' && b.transcriptShape !== 'speakerText') {
			return { status: 400, body: { error: 'transcriptShape must be roleContent or speakerText' } };
		}
		voice.transcriptShape = b.transcriptShape as TranscriptShape;
	}
	if (b.seedCalls !== undefined) {
		if (!isInt(b.seedCalls, [0, 100_000])) return { status: 400, body: { error: 'seedCalls must be 0..100000' } };
		voice.seedCalls(b.seedCalls as number);
	}
	return { status: 200, body: settings() };
}
