import { sleep, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions } from 'n8n-workflow';

import { unexpectedResponseError } from './errors';
import { openCxRequest } from './transport';

export interface SendOutcome {
	/** Id of the message just sent, when the API reports it. */
	messageId: string | null;
	/** What the AI answered, when the API says. */
	aiReply: string | null;
	/** Whether the session is now with a human; null when the API does not say. */
	handedOff: boolean | null;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the documented `/send` answers (opencx.md §3.7): the newest ack
 * `{ success, data: { message: { id } } }`, the autopilot result under `data` or flat
 * (`autopilotResponse.value.content`, `sessionIsHandedOff`), and the old `{ ai_response: { text } }`.
 */
export function readSendResponse(context: IExecuteSingleFunctions, body: unknown): SendOutcome {
	if (!isObject(body)) throw unexpectedResponseError(context, 'expected an object from send', body);
	const data = isObject(body.data) ? body.data : body;
	const message = isObject(data.message) ? data.message : undefined;
	const autopilot = isObject(data.autopilotResponse) ? data.autopilotResponse : undefined;
	const autopilotValue = autopilot && isObject(autopilot.value) ? autopilot.value : undefined;
	const oldReply = isObject(body.ai_response) ? body.ai_response : undefined;

	const known = message || autopilot || typeof data.sessionIsHandedOff === 'boolean' || oldReply;
	if (!known) throw unexpectedResponseError(context, 'no message id or AI reply in the send answer', body);

	const text = autopilotValue?.content ?? oldReply?.text;
	return {
		messageId: message && typeof message.id === 'string' ? message.id : null,
		aiReply: typeof text === 'string' ? text : null,
		handedOff: typeof data.sessionIsHandedOff === 'boolean' ? data.sessionIsHandedOff : null,
	};
}

/*
 * When each item's send left, keyed by the item's execution context: n8n's RoutingNode hands the
 * same context to an item's preSend and postReceive steps.
 */
const sendStarts = new WeakMap<object, number>();

/** A preSend step on Send: notes when the message left, to find it later in the history by time. */
export async function noteSendTime(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	sendStarts.set(this, Date.now());
	return requestOptions;
}

/** When this item's message was sent (epoch ms); now, when the preSend step did not run. */
export const sendTimeOf = (context: IExecuteSingleFunctions): number => sendStarts.get(context) ?? Date.now();

/** The message the node sent, as the history may show it. */
export interface SentMessage {
	/** From the send answer, when it carried one. */
	id: string | null;
	/** When the request left (epoch ms, this machine's clock). */
	sentAt: number;
	text: string;
}

/**
 * How far open.cx's clock may lag this machine's and a sent message still be recognised by its
 * time, when its text matches too.
 */
const CLOCK_SLACK_MS = 2000;

export interface ReplyWait {
	aiReply: string | null;
	/** null when the wait timed out and nothing says. */
	handedOff: boolean | null;
	timedOut: boolean;
}

interface HistoryEvent {
	id: string | null;
	/** Epoch ms; NaN when the item has no readable `created_at`. */
	at: number;
	type: unknown;
	senderType: unknown;
	text: string | null;
}

/** The documented fields of a history item (opencx.md §3.8); nothing else is read. */
function readEvent(item: unknown): HistoryEvent {
	const record = isObject(item) ? item : {};
	const event = isObject(record.event) ? record.event : {};
	const content = isObject(event.content) ? event.content : {};
	return {
		id: typeof record.id === 'string' && record.id !== '' ? record.id : null,
		at: typeof record.created_at === 'string' ? Date.parse(record.created_at) : NaN,
		type: event.type,
		senderType: isObject(event.sender) ? event.sender.type : undefined,
		text: typeof content.text === 'string' ? content.text : null,
	};
}

/**
 * The events oldest first, whichever order the pages came in: the docs do not say. A list whose
 * first event is newer than its last is read backwards; equal times keep their order.
 */
function chronological(events: HistoryEvent[]): HistoryEvent[] {
	const timed = events.filter((e) => !Number.isNaN(e.at));
	const newestFirst = timed.length > 1 && timed[0].at > timed[timed.length - 1].at;
	const ordered = newestFirst ? [...events].reverse() : [...events];
	if (timed.length < events.length) return ordered;
	return ordered
		.map((event, position) => ({ event, position }))
		.sort((a, b) => a.event.at - b.event.at || a.position - b.position)
		.map(({ event }) => event);
}

const isContactMessage = (e: HistoryEvent) => e.type === 'message' && e.senderType === 'contact';

/**
 * Where the sent message sits in the (chronological) history. By its id when the send answer gave
 * one and the history carries ids; otherwise by time: the first contact message sent no earlier
 * than the send, or, allowing for a slow clock at open.cx, no more than CLOCK_SLACK_MS before it
 * with the same text.
 */
function positionOfSent(events: HistoryEvent[], sent: SentMessage): number {
	if (sent.id && events.some((e) => e.id !== null)) return events.findIndex((e) => e.id === sent.id);
	const sameText = events.findIndex(
		(e) => isContactMessage(e) && e.at >= sent.sentAt - CLOCK_SLACK_MS && (e.text ?? '').trim() === sent.text.trim(),
	);
	if (sameText !== -1) return sameText;
	return events.findIndex((e) => isContactMessage(e) && e.at >= sent.sentAt);
}

/**
 * The AI's answer in a history: the first event after the sent message that is a `message` from the
 * AI, or a `handoff`. Other senders' messages in between (the contact again, a human agent) are
 * passed over; the AI's earlier replies sit before the sent message.
 */
function answerIn(items: unknown[], sent: SentMessage): ReplyWait | undefined {
	const events = chronological(items.map(readEvent));
	const start = positionOfSent(events, sent);
	if (start === -1) return undefined;
	for (const event of events.slice(start + 1)) {
		if (event.type === 'handoff') return { aiReply: event.text, handedOff: true, timedOut: false };
		if (event.type === 'message' && event.senderType === 'ai') {
			return { aiReply: event.text, handedOff: false, timedOut: false };
		}
	}
	return undefined;
}

/** The whole session history, every page, as open.cx returns it. */
async function readHistory(context: IExecuteSingleFunctions, sessionId: string): Promise<unknown[]> {
	const items: unknown[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	do {
		const page = await openCxRequest.call(context, {
			method: 'GET',
			url: `/chat/sessions/${encodeURIComponent(sessionId)}/history`,
			qs: cursor ? { cursor } : {},
		});
		if (!Array.isArray(page.items)) {
			throw unexpectedResponseError(context, 'expected { items, next } from history', page);
		}
		items.push(...page.items);
		cursor = typeof page.next === 'string' && page.next !== '' ? page.next : undefined;
		// A cursor seen before would loop forever; treat it as the end.
		if (cursor && seen.has(cursor)) break;
		if (cursor) seen.add(cursor);
	} while (cursor);
	return items;
}

/** Polls the session history until the AI answers the sent message or `timeoutMs` has passed. */
export async function waitForAiReply(
	context: IExecuteSingleFunctions,
	sessionId: string,
	sent: SentMessage,
	timeoutMs: number,
	intervalMs: number,
): Promise<ReplyWait> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const answer = answerIn(await readHistory(context, sessionId), sent);
		if (answer) return answer;
		const left = deadline - Date.now();
		if (left <= 0) return { aiReply: null, handedOff: null, timedOut: true };
		await sleep(Math.min(intervalMs, left));
	}
}
