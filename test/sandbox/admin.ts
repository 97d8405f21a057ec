// /__sandbox/* on both servers: lets out-of-process users (a real n8n, a benchmark) drive the sandbox.
import { FaultBook, faultToJson, parseFaultRules } from './faults';
import { HISTORY_ORDERS, SEND_RESPONSE_STYLES, type HistoryOrder, type OpenCxState, type SendResponseStyle } from './opencx-state';
import { bodyObject, queryValue } from './router';
import type { AdminHandler } from './server';
import type { Sandbox } from './index';
import type { ApiResponse } from './types';

const json = (body: unknown, status = 200): ApiResponse => ({ status, body });

export function adminApi(sandbox: Sandbox, faults: FaultBook): AdminHandler {
	return (req) => {
		const name = `${req.method} ${req.path.slice('/__sandbox'.length)}`;
		const b = bodyObject(req);
		switch (name) {
			case 'GET /requests': {
				// Optional ?api=&method=&path= (prefix) narrow the list like requestsTo().
				const api = queryValue(req, 'api');
				const list =
					api === 'osvi' || api === 'opencx'
						? sandbox.requestsTo(api, queryValue(req, 'method'), queryValue(req, 'path'))
						: sandbox.requests;
				return json(list);
			}
			case 'GET /stats':
				return json({ ...sandbox.stats, requests: sandbox.requests.length });
			case 'POST /reset':
				sandbox.reset();
				return json({ ok: true });
			case 'GET /faults':
				return json(faults.list().map(faultToJson));
			case 'POST /faults':
				try {
					const rules = parseFaultRules(req.body);
					rules.forEach((r) => sandbox.addFault(r));
					return json({ ok: true, added: rules.length });
				} catch (err) {
					return json({ error: (err as Error).message }, 400);
				}
			case 'DELETE /faults':
				sandbox.clearFaults();
				return json({ ok: true });
			case 'POST /latency': {
				const ms = Number(b.ms);
				if (!Number.isFinite(ms) || ms < 0) return json({ error: 'ms must be a number >= 0' }, 400);
				sandbox.setLatency(ms);
				return json({ ok: true, ms });
			}
			case 'POST /seed': {
				const sessions = Number(b.opencxSessions ?? 0);
				const contacts = Number(b.opencxContacts ?? 0);
				if (![sessions, contacts].every((n) => Number.isInteger(n) && n >= 0 && n <= 100000)) {
					return json({ error: 'opencxSessions and opencxContacts must be integers 0..100000' }, 400);
				}
				sandbox.opencx.seedContacts(contacts);
				sandbox.opencx.seedSessions(sessions);
				return json({ ok: true, opencxSessions: sandbox.opencx.sessions.size, opencxContacts: sandbox.opencx.contacts.size });
			}
			case 'GET /opencx/shapes':
				return json(shapesOf(sandbox.opencx));
			case 'POST /opencx/shapes': {
				const error = setShapes(sandbox.opencx, b);
				return error ? json({ error }, 400) : json(shapesOf(sandbox.opencx));
			}
			default:
				return undefined;
		}
	};
}

/** The open.cx answer shapes the docs leave open (test/sandbox/README.md, "Open shapes"). */
function shapesOf(opencx: OpenCxState) {
	return {
		historyOrder: opencx.historyOrder,
		historyItemIds: opencx.historyItemIds,
		sendResponse: opencx.sendResponseStyle,
		aiReplies: opencx.aiReplies,
	};
}

/** Applies the given keys only; returns an error message and changes nothing when one is wrong. */
function setShapes(opencx: OpenCxState, b: Record<string, unknown>): string | undefined {
	const known = ['historyOrder', 'historyItemIds', 'sendResponse', 'aiReplies'];
	const unknown = Object.keys(b).filter((k) => !known.includes(k));
	if (unknown.length) return `unknown keys: ${unknown.join(', ')} (known: ${known.join(', ')})`;
	if (b.historyOrder !== undefined && !(HISTORY_ORDERS as readonly unknown[]).includes(b.historyOrder)) {
		return `historyOrder must be one of ${HISTORY_ORDERS.join(', ')}`;
	}
	if (b.sendResponse !== undefined && !(SEND_RESPONSE_STYLES as readonly unknown[]).includes(b.sendResponse)) {
		return `sendResponse must be one of ${SEND_RESPONSE_STYLES.join(', ')}`;
	}
	for (const flag of ['historyItemIds', 'aiReplies']) {
		if (b[flag] !== undefined && typeof b[flag] !== 'boolean') return `${flag} must be true or false`;
	}
	if (b.historyOrder !== undefined) opencx.historyOrder = b.historyOrder as HistoryOrder;
	if (b.sendResponse !== undefined) opencx.sendResponseStyle = b.sendResponse as SendResponseStyle;
	if (b.historyItemIds !== undefined) opencx.historyItemIds = b.historyItemIds as boolean;
	if (b.aiReplies !== undefined) opencx.aiReplies = b.aiReplies as boolean;
	return undefined;
}
