// The "why" under the tables: each missed target explained with this run's own numbers.
import type { BenchResults, N8nRun } from './measurements';
import { floorSize, linear, med, median, rssSlopes, sendRows } from './stats';

const fmt = (n: number, digits = 0) =>
	Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';

export function findings(results: BenchResults): string[] {
	const rows = sendRows(results).filter((r) => r.settings === 'default' && r.ours.length && r.theirs.length);
	if (!rows.length) return [];
	const largest = rows[rows.length - 1];
	const n = largest.items;
	const baseCpu = results.baselineCpuMs ?? 0;
	const baseExpr = results.baselineExpressions ?? -1;
	const cpuPerItem = (runs: N8nRun[]) => med(runs, (r) => Math.max(0, r.cpuMs - baseCpu)) / n;
	const exprPerItem = (runs: N8nRun[]) => (baseExpr < 0 ? NaN : med(runs, (r) => (r.expressions - baseExpr) / n));
	const [co, ct] = [cpuPerItem(largest.ours), cpuPerItem(largest.theirs)];
	const [eo, et] = [exprPerItem(largest.ours), exprPerItem(largest.theirs)];
	const perExpression = (co - ct) / (eo - et);
	// Below about a second of CPU for the node, the spread of n8n's boot CPU swamps it.
	const cpuMeasurable = Math.min(co, ct) * n >= 1000;
	const [rssOurs, rssTheirs] = [med(largest.ours, (r) => r.peakRssMb), med(largest.theirs, (r) => r.peakRssMb)];

	const floorN = floorSize(results)!;
	const floorRow = rows.find((r) => r.items === floorN);
	const latency = results.options.latencyMs;
	const theirsAtFloor = floorRow ? med(floorRow.theirs, (r) => r.nodeMs) / latency : NaN;
	const floorCpu = (runs: N8nRun[]) => med(runs, (r) => Math.max(0, r.cpuMs - baseCpu)) / floorN;
	const floorCpuText =
		floorRow && Math.min(floorCpu(floorRow.ours), floorCpu(floorRow.theirs)) * floorN >= 1000
			? `: ${fmt(floorCpu(floorRow.theirs), 1)} ms CPU per item for the HTTP Request node and ${fmt(floorCpu(floorRow.ours), 1)} ms for ours, so ` +
				`${fmt(floorN)} requests need ${fmt((floorCpu(floorRow.theirs) * floorN) / 1000, 1)} s and ${fmt((floorCpu(floorRow.ours) * floorN) / 1000, 1)} s of CPU ` +
				`against a floor of ${fmt(latency)} ms`
			: '';
	const concurrency = floorRow ? `${fmt(med(floorRow.ours, (r) => r.maxConcurrent))} (ours) and ${fmt(med(floorRow.theirs, (r) => r.maxConcurrent))} (HTTP Request)` : 'n/a';

	const inprocess = results.inprocess;
	const inprocessText = inprocess
		? ` Without n8n's server around it (section 3) our node costs ${fmt((median(inprocess.ours.map((r) => r.nodeMs ?? r.ms)) * 1000) / inprocess.items)} µs per item through n8n-core against ${fmt((median(inprocess.raw.map((r) => r.ms)) * 1000) / inprocess.items)} µs for a plain HTTP call.`
		: '';

	const rssPoints = rows.map((r) => ({ items: r.items, rssMb: med(r.ours, (x) => x.peakRssMb) }));
	const slopes = rssPoints.length >= 2 ? rssSlopes(rssPoints) : [];

	return [
		'## Why',
		'',
		`**Our node against the HTTP Request node.** At ${fmt(n)} items n8n evaluated ${fmt(eo, 1)} expressions per item for ours and ${fmt(et, 1)} for the HTTP Request node ` +
			'(counted inside the n8n process)' +
			(cpuMeasurable
				? `, and ours used ${fmt(co, 2)} ms CPU per item against ${fmt(ct, 2)} ms: ${fmt(co - ct, 2)} ms more, ` +
					`or ≈ ${fmt(perExpression, 2)} ms for each of the ${fmt(eo - et)} extra expressions if they account for all of it. `
				: '. ') +
			'n8n 2.40 evaluates every expression in its isolated-vm engine, with a fresh data proxy each time. ' +
			'The count comes from RoutingNode, which runs declarative nodes: per item it evaluates the value of every property entry twice (its main pass, and again in ' +
			"n8n 2.x's base-URL ownership check `resolveBaseUrl`), including hidden entries of other operations that share the parameter's name, reads each shown " +
			'parameter again through `getNodeParameter` in both passes, evaluates `requestDefaults.baseURL` twice, and once more for every `routing.send.value` expression ' +
			'and every preSend step that calls `getNodeParameter`. The HTTP Request node, a programmatic node, evaluates each parameter once; so does a declarative ' +
			"node's `customOperations` function. " +
			`Peak RSS at ${fmt(n)} items: ${fmt(rssOurs)} MB ours, ${fmt(rssTheirs)} MB HTTP Request.`,
		'',
		"**The floor.** Both nodes are bound by n8n's own work per request (credential lookup and decryption, the authentication expression, building " +
			'the request, handling the response), not by the API\'s latency' +
			floorCpuText +
			`. Although each node starts all ${fmt(floorN)} requests at once, the sandbox saw at most ${concurrency} in flight: the requests leave as fast as n8n ` +
			`prepares them, and the ${fmt(latency)} ms of latency hides behind that work. Even the HTTP Request node takes ${fmt(theirsAtFloor)}× the floor of ` +
			`${fmt(latency)} ms; no node running in n8n reaches it on this machine.${inprocessText}`,
		'',
		'**Batching 50 / 0 ms** changes nothing in either node: RoutingNode and the HTTP Request node pause between batches only when the interval is above 0, ' +
			'and neither waits for a batch to finish before starting the next, so all N requests start at once either way (compare concurrency and times with the default rows).',
		'',
		`**Peak RSS** of an n8n run without the measured node is ${fmt(results.baselinePeakRssMb ?? NaN)} MB. ` +
			(slopes.length
				? `With our node it grows by ${slopes.map((s, i) => `${fmt(s, 1)} kB per item from ${fmt(rssPoints[i].items)} to ${fmt(rssPoints[i + 1].items)}`).join(', then ')} items` +
					(slopes.length >= 2 ? (linear(slopes) ? ': no faster than linear.' : ': faster than linear.') : '.')
				: ''),
		'',
	];
}
