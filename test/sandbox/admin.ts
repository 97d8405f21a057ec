// /__sandbox/* on both servers: lets out-of-process users (a real n8n, a benchmark) drive the sandbox.
import { FaultBook, faultToJson, parseFaultRules } from './faults';
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
			default:
				return undefined;
		}
	};
}
