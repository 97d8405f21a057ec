/** Lost connections and timeouts, recognised by the codes Node, axios and undici give them. */

const TIMEOUT_CODES = new Set([
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_CONNECT_TIMEOUT',
]);

const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EPIPE',
	'UND_ERR_SOCKET',
]);

/** The code of a lost connection or timeout; n8n wraps the transport error, so look at its causes too. */
export function networkCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
		const code = current.code;
		if (typeof code === 'string' && (TIMEOUT_CODES.has(code) || CONNECTION_CODES.has(code))) return code;
		current = current.cause as typeof current;
	}
	return undefined;
}

/** What happened, in words that do not invite a blind retry (n8n's own text for ECONNRESET does). */
export function networkFailureMessage(apiName: string, code: string): string {
	return TIMEOUT_CODES.has(code)
		? `${apiName} did not answer before the request timed out (${code})`
		: `The connection to ${apiName} was lost before it answered (${code})`;
}
