// Public types of the sandbox, and the small contract between the HTTP core and each API module.

export type ApiName = 'osvi' | 'opencx';

export interface RecordedRequest {
	api: ApiName;
	method: string;
	/** Pathname, percent-decoded. */
	path: string;
	/** Pathname as it came over the wire (still percent-encoded, no query string). */
	rawPath: string;
	query: Record<string, string | string[]>;
	/** Lower-case header names; repeated headers joined with ", ". */
	headers: Record<string, string>;
	/** Parsed JSON, or undefined when the body was empty or not JSON. */
	body: unknown;
	rawBody: string;
	at: number;
	/** What we answered; 0 while pending, or if dropped / hung. */
	status: number;
}

export interface FaultRule {
	api?: ApiName;
	method?: string;
	/** Exact pathname, or a RegExp tested against the pathname. */
	path?: string | RegExp;
	/** Only requests whose raw body contains this text (one item's request among many). */
	bodyIncludes?: string;
	kind: 'status' | 'drop' | 'hang';
	/** For kind 'status'; default 500. */
	status?: number;
	/** For kind 'status'; default: the API's own error envelope for that status. */
	body?: unknown;
	headers?: Record<string, string>;
	/** 0..1, default 1; drawn from a seeded PRNG so runs are reproducible. */
	probability?: number;
	/** Apply at most N times. */
	times?: number;
}

export interface SandboxOptions {
	osviPort?: number;
	opencxPort?: number;
	host?: string;
	latencyMs?: number;
	seed?: number;
	opencxPageSize?: number;
	/** Generated open.cx sessions on top of the fixed fixtures. */
	opencxSessions?: number;
	aiReplyDelayMs?: number;
	/** How long a simulated OSVI call lasts before it ends and POSTs its webhook (default 300). */
	callDurationMs?: number;
}

export interface SandboxStats {
	maxConcurrent: number;
	inFlight: number;
	total: number;
}

/** A request as an API module sees it. */
export interface ApiRequest {
	method: string;
	path: string;
	/** Decoded path segments, so an id holding "%2F" stays one segment. */
	segments: string[];
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
	rawBody: string;
	/** Set when the body was not valid JSON. */
	bodyError?: string;
}

export interface ApiResponse {
	status: number;
	/** undefined → empty body (open.cx PATCH/DELETE answer 200 with no body). */
	body?: unknown;
	/** Bytes sent as they are instead of JSON (a recording download); set Content-Type in headers. */
	raw?: Buffer;
	headers?: Record<string, string>;
}

export interface ApiModule {
	handle(req: ApiRequest): ApiResponse | Promise<ApiResponse>;
	/** The API's own error envelope, used for injected faults without a body. */
	errorBody(status: number, message?: string): unknown;
}
