// The three Verification choices. open.cx documents neither a secret header nor a signature, so
// each check verifies what the user set up in open.cx; HMAC is marked experimental in the UI.
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { headerValue, rawBodyOf, refuse, sameSecret, signatureMatches } from '../webhook/request';

export type Verification = 'none' | 'header' | 'hmac';

/** How far a signed timestamp may be from now, either way. */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** Undefined when the delivery passes; otherwise the 401 (or 500 for a set-up mistake) already sent. */
export async function verifyDelivery(
	context: IWebhookFunctions,
	verification: Verification,
): Promise<IWebhookResponseData | undefined> {
	if (verification !== 'header' && verification !== 'hmac') return undefined;

	// A set-up mistake, not the sender's: answer 500 rather than start an unverified execution.
	const secret = context.getNode().credentials?.openCxApi
		? (await context.getCredentials<{ webhookSecret?: string }>('openCxApi')).webhookSecret
		: undefined;
	if (!secret) {
		return refuse(context, 500, 'The trigger has no Webhook Secret: set one on its open.cx API credential');
	}

	if (verification === 'header') {
		const name = context.getNodeParameter('headerName') as string;
		const received = headerValue(context, name);
		if (received === undefined) return refuse(context, 401, `Missing the ${name} header`);
		return sameSecret(received, secret) ? undefined : refuse(context, 401, 'Wrong secret');
	}

	const signatureHeader = context.getNodeParameter('signatureHeader') as string;
	const signature = headerValue(context, signatureHeader);
	if (signature === undefined) return refuse(context, 401, `Missing the ${signatureHeader} header`);
	const rawBody = await rawBodyOf(context);
	if (!rawBody) return refuse(context, 401, 'Cannot check the signature: the raw request body is not available');

	const timestampHeader = (context.getNodeParameter('timestampHeader', '') as string).trim();
	const timestamp = timestampHeader ? headerValue(context, timestampHeader) : undefined;
	if (timestampHeader && timestamp === undefined) return refuse(context, 401, `Missing the ${timestampHeader} header`);
	const signed = timestamp === undefined ? rawBody : Buffer.concat([Buffer.from(`${timestamp}.`), rawBody]);

	const encoding = context.getNodeParameter('signatureEncoding', 'hex') as 'hex' | 'base64';
	if (!signatureMatches(secret, signed, signature, encoding)) return refuse(context, 401, 'Wrong signature');
	if (timestamp !== undefined && !withinWindow(timestamp)) {
		return refuse(context, 401, `Timestamp is more than ${TIMESTAMP_WINDOW_SECONDS / 60} minutes from now`);
	}
	return undefined;
}

/** A Unix timestamp in seconds or milliseconds, within the window around now. */
function withinWindow(value: string): boolean {
	const number = Number(value.trim());
	if (!Number.isFinite(number) || value.trim() === '') return false;
	const seconds = number > 1e12 ? number / 1000 : number;
	return Math.abs(Date.now() / 1000 - seconds) <= TIMESTAMP_WINDOW_SECONDS;
}
