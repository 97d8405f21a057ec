import { sleep, type IDataObject, type IExecuteSingleFunctions } from 'n8n-workflow';

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

export interface ReplyWait {
	aiReply: string | null;
	/** null when the wait timed out and nothing says. */
	handedOff: boolean | null;
	timedOut: boolean;
}

/**
 * The AI's answer to `messageId` in the session history: a `message` from the AI, or a `handoff`
 * when the AI passes the session to a human. Both carry `context.in_reply_to`.
 */
async function findAnswer(
	context: IExecuteSingleFunctions,
	sessionId: string,
	messageId: string,
): Promise<ReplyWait | undefined> {
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
		for (const item of page.items as IDataObject[]) {
			const event = isObject(item?.event) ? item.event : {};
			const eventContext = isObject(event.context) ? event.context : {};
			if (eventContext.in_reply_to !== messageId) continue;
			const text = isObject(event.content) && typeof event.content.text === 'string' ? event.content.text : null;
			if (event.type === 'handoff') return { aiReply: text, handedOff: true, timedOut: false };
			const sender = isObject(event.sender) ? event.sender.type : undefined;
			if (event.type === 'message' && sender === 'ai') return { aiReply: text, handedOff: false, timedOut: false };
		}
		cursor = typeof page.next === 'string' && page.next !== '' ? page.next : undefined;
	} while (cursor);
	return undefined;
}

/** Polls the session history until the AI answers `messageId` or `timeoutMs` has passed. */
export async function waitForAiReply(
	context: IExecuteSingleFunctions,
	sessionId: string,
	messageId: string,
	timeoutMs: number,
	intervalMs: number,
): Promise<ReplyWait> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const answer = await findAnswer(context, sessionId, messageId);
		if (answer) return answer;
		const left = deadline - Date.now();
		if (left <= 0) return { aiReply: null, handedOff: null, timedOut: true };
		await sleep(Math.min(intervalMs, left));
	}
}
