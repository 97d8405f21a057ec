// Fault injection: which rule (if any) applies to a request, decided reproducibly.
import { Prng } from './random';
import type { ApiName, FaultRule } from './types';

interface ActiveRule {
	rule: FaultRule;
	used: number;
}

export class FaultBook {
	private rules: ActiveRule[] = [];
	private rng: Prng;

	constructor(private readonly seed: number) {
		this.rng = new Prng(seed ^ 0x5eed);
	}

	add(rule: FaultRule): void {
		this.rules.push({ rule, used: 0 });
	}

	clear(): void {
		this.rules = [];
		this.rng = new Prng(this.seed ^ 0x5eed);
	}

	list(): FaultRule[] {
		return this.rules.map((r) => r.rule);
	}

	/** The first matching rule that still has uses left and wins its probability draw. */
	match(api: ApiName, method: string, pathname: string, rawBody = ''): FaultRule | undefined {
		for (const active of this.rules) {
			const { rule } = active;
			if (rule.api && rule.api !== api) continue;
			if (rule.method && rule.method.toUpperCase() !== method) continue;
			if (rule.path !== undefined && !pathMatches(rule.path, pathname)) continue;
			if (rule.bodyIncludes !== undefined && !rawBody.includes(rule.bodyIncludes)) continue;
			if (rule.times !== undefined && active.used >= rule.times) continue;
			const p = rule.probability ?? 1;
			// Draw only for probabilistic rules, so adding a certain rule does not shift the sequence.
			if (p < 1 && this.rng.next() >= p) continue;
			active.used++;
			return rule;
		}
		return undefined;
	}
}

function pathMatches(path: string | RegExp, pathname: string): boolean {
	if (typeof path === 'string') return path === pathname;
	path.lastIndex = 0; // a /g regex would otherwise alternate between hit and miss
	return path.test(pathname);
}

/** Rules as sent to the admin API: path may be a string or {"regex": "...", "flags"?: "..."}. */
export function parseFaultRules(input: unknown): FaultRule[] {
	const list = Array.isArray(input) ? input : [input];
	return list.map((raw, i) => {
		if (raw === null || typeof raw !== 'object') throw new Error(`fault ${i} must be an object`);
		const r = raw as Record<string, unknown>;
		if (r.kind !== 'status' && r.kind !== 'drop' && r.kind !== 'hang') {
			throw new Error(`fault ${i}: kind must be status, drop or hang`);
		}
		const rule: FaultRule = { ...(r as unknown as FaultRule) };
		const path = r.path as unknown;
		if (path !== null && typeof path === 'object') {
			const { regex, flags } = path as { regex?: unknown; flags?: unknown };
			if (typeof regex !== 'string') throw new Error(`fault ${i}: path.regex must be a string`);
			rule.path = new RegExp(regex, typeof flags === 'string' ? flags : undefined);
		}
		return rule;
	});
}

/** FaultRule as JSON (a RegExp path becomes {"regex"}), for the admin API. */
export function faultToJson(rule: FaultRule): unknown {
	return rule.path instanceof RegExp
		? { ...rule, path: { regex: rule.path.source, flags: rule.path.flags } }
		: rule;
}
