// A tiny route table: "POST /v1/chat/session/:id/support" matched against decoded path segments.
import type { ApiRequest, ApiResponse } from './types';

export type Params = Record<string, string>;
export type Handler = (req: ApiRequest, params: Params) => ApiResponse;

export interface Route {
	method: string;
	parts: string[];
	handler: Handler;
}

export function route(spec: string, handler: Handler): Route {
	const [method, pattern] = spec.split(' ');
	return { method, parts: pattern.split('/').filter(Boolean), handler };
}

/** First match wins, so list literal routes ("/chat/sessions/search") before ":id" ones. */
export function matchRoute(
	routes: Route[],
	method: string,
	segments: string[],
): { handler: Handler; params: Params } | undefined {
	for (const r of routes) {
		if (r.method !== method || r.parts.length !== segments.length) continue;
		const params: Params = {};
		const ok = r.parts.every((part, i) => {
			if (part.startsWith(':')) {
				params[part.slice(1)] = segments[i];
				return segments[i] !== '';
			}
			return part === segments[i];
		});
		if (ok) return { handler: r.handler, params };
	}
	return undefined;
}

/** The body as a plain object, or {} for anything else (missing, array, scalar). */
export function bodyObject(req: ApiRequest): Record<string, unknown> {
	const b = req.body;
	return b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A single query value (first one if repeated). */
export function queryValue(req: ApiRequest, name: string): string | undefined {
	const v = req.query[name];
	return Array.isArray(v) ? v[0] : v;
}
