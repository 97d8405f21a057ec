// The HTTP core shared by both fake APIs: recording, latency, faults, concurrency stats, admin routes.
import http, { IncomingMessage, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { FaultBook } from './faults';
import { sleep } from './random';
import type { ApiModule, ApiName, ApiRequest, ApiResponse, RecordedRequest, SandboxStats } from './types';

export const ADMIN_PREFIX = '/__sandbox/';

/** Handles /__sandbox/* on either server; returns undefined for unknown admin routes. */
export type AdminHandler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse> | undefined;

export class SandboxCore {
	readonly requests: RecordedRequest[] = [];
	readonly stats: SandboxStats = { maxConcurrent: 0, inFlight: 0, total: 0 };
	readonly faults: FaultBook;
	latencyMs: number;
	admin: AdminHandler = () => undefined;
	private readonly servers: http.Server[] = [];
	private readonly hanging = new Set<ServerResponse>();

	constructor(opts: { latencyMs?: number; seed: number }) {
		this.latencyMs = opts.latencyMs ?? 0;
		this.faults = new FaultBook(opts.seed);
	}

	/** Clears recording, stats and faults. */
	resetTraffic(): void {
		this.requests.length = 0;
		this.stats.maxConcurrent = this.stats.inFlight;
		this.stats.total = 0;
		this.faults.clear();
	}

	async listen(api: ApiName, module: ApiModule, port: number, host: string): Promise<string> {
		const server = http.createServer((req, res) => {
			this.serve(api, module, req, res).catch(() => res.destroy());
		});
		// The sandbox must never be the reason a client's keep-alive socket lingers after close().
		server.keepAliveTimeout = 1000;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => resolve());
		});
		this.servers.push(server);
		const { port: actual } = server.address() as AddressInfo;
		return `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
	}

	async close(): Promise<void> {
		for (const res of this.hanging) res.socket?.destroy();
		this.hanging.clear();
		await Promise.all(
			this.servers.map(
				(server) =>
					new Promise<void>((resolve) => {
						server.close(() => resolve());
						server.closeAllConnections();
					}),
			),
		);
		this.servers.length = 0;
	}

	private async serve(api: ApiName, module: ApiModule, req: IncomingMessage, res: ServerResponse): Promise<void> {
		const apiReq = await readRequest(req);
		if (apiReq.path.startsWith(ADMIN_PREFIX)) {
			const answer = await this.admin(apiReq);
			send(res, answer ?? { status: 404, body: { error: `unknown admin route ${apiReq.method} ${apiReq.path}` } });
			return;
		}

		const record: RecordedRequest = {
			api,
			method: apiReq.method,
			path: apiReq.path,
			rawPath: (req.url ?? '/').split('?')[0],
			query: apiReq.query,
			headers: apiReq.headers,
			body: apiReq.bodyError ? undefined : apiReq.body,
			rawBody: apiReq.rawBody,
			at: Date.now(),
			status: 0,
		};
		this.requests.push(record);
		this.enter(res);

		if (this.latencyMs > 0) await sleep(this.latencyMs);
		if (res.destroyed) return; // client gave up while we were "slow"

		const fault = this.faults.match(api, apiReq.method, apiReq.path, apiReq.rawBody);
		if (fault?.kind === 'drop') {
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'hang') {
			this.hanging.add(res);
			res.on('close', () => this.hanging.delete(res));
			return;
		}
		const answer: ApiResponse = fault
			? {
					status: fault.status ?? 500,
					body: fault.body !== undefined ? fault.body : module.errorBody(fault.status ?? 500),
					headers: fault.headers,
				}
			: await answerOrCrash(module, apiReq);
		if (res.destroyed) return;
		record.status = answer.status;
		send(res, answer);
	}

	/** Counts a request as in flight until its response is finished or its socket is gone. */
	private enter(res: ServerResponse): void {
		this.stats.total++;
		this.stats.inFlight++;
		this.stats.maxConcurrent = Math.max(this.stats.maxConcurrent, this.stats.inFlight);
		res.once('close', () => {
			this.stats.inFlight--;
		});
	}
}

/** A bug in a fake route becomes a recorded 500 in the API's envelope, not a hung test. */
async function answerOrCrash(module: ApiModule, req: ApiRequest): Promise<ApiResponse> {
	try {
		return await module.handle(req);
	} catch (err) {
		return { status: 500, body: module.errorBody(500, `sandbox bug: ${(err as Error)?.message ?? err}`) };
	}
}

async function readRequest(req: IncomingMessage): Promise<ApiRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks).toString('utf8');

	const url = new URL(req.url ?? '/', 'http://sandbox.local');
	const rawSegments = url.pathname.split('/').filter(Boolean);
	const segments = rawSegments.map(safeDecode);
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of url.searchParams) {
		const prev = query[key];
		query[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
	}

	let body: unknown;
	let bodyError: string | undefined;
	if (rawBody.trim() !== '') {
		try {
			body = JSON.parse(rawBody);
		} catch (err) {
			bodyError = (err as Error).message;
		}
	}
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path: safeDecode(url.pathname),
		segments,
		query,
		headers,
		body,
		rawBody,
		bodyError,
	};
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

function send(res: ServerResponse, answer: ApiResponse): void {
	const payload = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
	const headers: Record<string, string | number> = { ...(answer.headers ?? {}) };
	if (payload !== '' && !answer.raw) headers['Content-Type'] = 'application/json; charset=utf-8';
	headers['Content-Length'] = Buffer.byteLength(payload);
	res.writeHead(answer.status, headers);
	res.end(payload);
}
