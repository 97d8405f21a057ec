// What the two triggers share: reading the delivery, checking its secret or signature, and
// answering without starting an execution. Neither OSVI nor open.cx documents a signature, so the
// checks verify only what the user configured on both sides.
import { createHash, createHmac, timingSafeEqual } from 'crypto';
import type { IDataObject, IHookFunctions, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * The webhook lifecycle of a service with no API to register webhooks: the user pastes the URL
 * into OSVI or open.cx, so there is nothing to check, create or delete (n8n's TheHive 5 Trigger
 * does the same).
 */
export const registeredByHand = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async create(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		return true;
	},
};

/**
 * The one POST webhook of each trigger. An empty responseData makes n8n answer {"message":"Workflow
 * was started"}; left unset, n8n 2.x answers the literal text "firstEntryJson" (its Webhook node also
 * passes an empty value here).
 */
export const POST_WEBHOOK: IWebhookDescription[] = [
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' },
];

/** Answers the request here and starts nothing, as n8n's Webhook node does when auth fails. */
export function refuse(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify({ message }));
	return { noWebhookResponse: true };
}

/** A 2xx for a delivery that arrived but starts nothing (filtered out), saying why. */
export function ignore(message: string): IWebhookResponseData {
	return { webhookResponse: { message } };
}

/** A request header by name, any case (Node lower-cases incoming header names). */
export function headerValue(context: IWebhookFunctions, name: string): string | undefined {
	const value = context.getHeaderData()[name.trim().toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** The JSON body when it is an object; senders of both services post one JSON object. */
export function objectBody(context: IWebhookFunctions): IDataObject | undefined {
	const body = context.getBodyData() as unknown;
	return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : undefined;
}

/**
 * Compares a received secret with the configured one in constant time. Both are hashed first, so
 * the buffers timingSafeEqual compares always have the same length and the length leaks nothing.
 */
export function sameSecret(received: string, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(received), digest(expected));
}

/** The bytes as sent, which a signature covers; a re-serialised body would not match them. */
export async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject();
	// n8n reads the raw body lazily; its Webhook node calls readRawBody the same way.
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/** HMAC-SHA256 of `content` with `secret`, compared in constant time with the received signature. */
export function signatureMatches(
	secret: string,
	content: Buffer,
	received: string,
	encoding: 'hex' | 'base64',
): boolean {
	const expected = createHmac('sha256', secret).update(content).digest();
	// Senders often prefix the algorithm ("sha256=…"); the digest length itself is public.
	const given = Buffer.from(received.trim().replace(/^sha256=/i, ''), encoding);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Headers (and query) for the output, without the entries that carry a secret. */
export function withoutKeys(values: IDataObject, keys: string[]): IDataObject {
	const drop = new Set(keys.map((key) => key.trim().toLowerCase()));
	return Object.fromEntries(Object.entries(values).filter(([key]) => !drop.has(key.toLowerCase())));
}
