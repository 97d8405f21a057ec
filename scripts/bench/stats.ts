// Medians, run-pair ratios and the three targets, from the recorded runs.
import type { BenchResults, N8nRun, SendResult } from './measurements';
import type { Settings } from './workflows';

export function median(values: number[]): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const med = (runs: N8nRun[], pick: (r: N8nRun) => number) => median(runs.map(pick));

/** ours/theirs of each run pair (same run number), then the median of those ratios. */
export function pairRatio(ours: N8nRun[], theirs: N8nRun[], pick: (r: N8nRun) => number): number {
	const ratios = ours
		.map((o) => {
			const t = theirs.find((r) => r.run === o.run);
			return t && pick(t) > 0 ? pick(o) / pick(t) : NaN;
		})
		.filter((r) => !Number.isNaN(r));
	return median(ratios);
}

export interface SendRow {
	items: number;
	settings: Settings;
	ours: N8nRun[];
	theirs: N8nRun[];
}

export function sendRows(results: BenchResults): SendRow[] {
	const rows: SendRow[] = [];
	const find = (items: number, settings: Settings, side: 'ours' | 'theirs'): SendResult | undefined =>
		results.send.find((r) => r.case.items === items && r.case.settings === settings && r.case.side === side);
	for (const r of results.send) {
		if (r.case.side !== 'ours') continue;
		rows.push({
			items: r.case.items,
			settings: r.case.settings,
			ours: r.runs,
			theirs: find(r.case.items, r.case.settings, 'theirs')?.runs ?? [],
		});
	}
	return rows;
}

export interface Target {
	name: string;
	met: boolean | undefined;
	detail: string;
}

export const fmt = (n: number, digits = 0) =>
	Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';

/** Our node ≤ 1.0× the HTTP Request node's time (node execution time), at every size and setting. */
function speedTarget(results: BenchResults): Target {
	const parts: string[] = [];
	let met: boolean | undefined;
	for (const row of sendRows(results)) {
		const ratio = pairRatio(row.ours, row.theirs, (r) => r.nodeMs);
		if (Number.isNaN(ratio)) continue;
		met = (met ?? true) && ratio <= 1.0;
		parts.push(`${row.items}/${row.settings} ${fmt(ratio, 2)}×`);
	}
	const ours = results.getAll.find((g) => g.case.side === 'ours');
	const theirs = results.getAll.find((g) => g.case.side === 'theirs');
	if (ours?.runs.length && theirs?.runs.length) {
		const ratio = pairRatio(ours.runs, theirs.runs, (r) => r.nodeMs);
		met = (met ?? true) && ratio <= 1.0;
		const withSplit = pairRatio(ours.runs, theirs.runs, (r) => r.nodeMs + (r.splitMs ?? 0));
		parts.push(`Get Many ${fmt(ratio, 2)}× (${fmt(withSplit, 2)}× against HTTP Request + Split Out)`);
	}
	return { name: 'Our node ≤ 1.0× the HTTP Request node (node execution time, same settings)', met, detail: parts.join('; ') };
}

/** The size the floor target applies to: 1,000 when measured, else the largest measured size below it. */
export function floorSize(results: BenchResults): number | undefined {
	const sizes = [...new Set(results.send.map((r) => r.case.items))].sort((a, b) => a - b);
	return sizes.includes(1000) ? 1000 : sizes.filter((s) => s < 1000).pop() ?? sizes[0];
}

/** Send Message at N = 1,000 ≤ 1.2× N × latency / concurrency; RoutingNode sends all N at once. */
function floorTarget(results: BenchResults): Target {
	const n = floorSize(results);
	const row = sendRows(results).find((r) => r.items === n && r.settings === 'default');
	if (!row?.ours.length) return { name: 'Send Message at N = 1,000 ≤ 1.2× the floor', met: undefined, detail: 'not measured' };
	const latency = results.options.latencyMs;
	const floor = (n! * latency) / n!; // concurrency = N: every request is in flight at once
	const oursMs = med(row.ours, (r) => r.nodeMs);
	const theirsMs = med(row.theirs, (r) => r.nodeMs);
	const observed = med(row.ours, (r) => r.maxConcurrent);
	const floorObserved = (n! * latency) / observed;
	return {
		name: `Send Message at N = ${n!.toLocaleString('en-US')} ≤ 1.2× the floor (N × latency / concurrency)`,
		met: oursMs <= 1.2 * floor,
		detail:
			`floor ${fmt(floor)} ms (${fmt(n!)} requests × ${latency} ms / ${fmt(n!)} in flight at once); ours ${fmt(oursMs)} ms = ${fmt(oursMs / floor)}× the floor, ` +
			`the HTTP Request node ${fmt(theirsMs)} ms = ${fmt(theirsMs / floor)}×. With the ${fmt(observed)} requests in flight the sandbox actually saw, ` +
			`the floor would be ${fmt(floorObserved)} ms and ours ${fmt(oursMs / floorObserved, 1)}× it.`,
	};
}

/** Peak RSS per added item must not grow with N: the last size step's slope ≤ 1.5× the first's. */
export function rssSlopes(runsBySize: Array<{ items: number; rssMb: number }>): number[] {
	const slopes: number[] = [];
	for (let i = 1; i < runsBySize.length; i++) {
		const a = runsBySize[i - 1];
		const b = runsBySize[i];
		slopes.push(((b.rssMb - a.rssMb) * 1024) / (b.items - a.items)); // kB per item
	}
	return slopes;
}

/**
 * Whether memory per added item stays flat or falls as N grows: the last size step's slope is at most
 * 1.5× the first's. A small first slope is mostly noise on n8n's ~400 MB at boot; 10 kB/item of it is allowed.
 */
export function linear(slopes: number[]): boolean {
	return slopes[slopes.length - 1] <= 1.5 * Math.max(slopes[0], 10);
}

function rssTarget(results: BenchResults): Target {
	const parts: string[] = [];
	let met: boolean | undefined;
	for (const settings of ['default', 'batch50'] as Settings[]) {
		for (const side of ['ours', 'theirs'] as const) {
			const points = sendRows(results)
				.filter((r) => r.settings === settings && r[side].length)
				.map((r) => ({ items: r.items, rssMb: med(r[side], (x) => x.peakRssMb) }))
				.sort((a, b) => a.items - b.items);
			if (points.length < 3) continue;
			const slopes = rssSlopes(points);
			if (side === 'ours') met = (met ?? true) && linear(slopes);
			parts.push(
				`${side} ${settings}: ${points.map((p) => `${fmt(p.rssMb)} MB@${p.items}`).join(', ')} → ${slopes.map((s) => fmt(s, 1)).join(' then ')} kB/item${linear(slopes) ? '' : ' (grows faster than linear)'}`,
			);
		}
	}
	if (!parts.length) return { name: 'Peak RSS grows no more than linearly with N', met: undefined, detail: 'needs three sizes' };
	return { name: 'Peak RSS grows no more than linearly with N', met, detail: parts.join('; ') };
}

export function targets(results: BenchResults): Target[] {
	return [speedTarget(results), floorTarget(results), rssTarget(results)];
}
