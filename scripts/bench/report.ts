// The markdown report: printed after every run, written to BENCHMARKS.md by the full run.
import type { BenchResults, N8nRun } from './measurements';
import { findings } from './findings';
import { med, median, pairRatio, sendRows, targets } from './stats';

const fmt = (n: number, digits = 0) =>
	Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';
const seconds = (ms: number) => fmt(ms / 1000, 1);
const table = (head: string[], rows: string[][]) =>
	[`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const SETTINGS_LABEL = { default: 'default', batch50: 'batching 50 / 0 ms' };

/** CPU the measured node's run cost beyond an n8n run without it (boot, trigger, Code node). */
const nodeCpu = (results: BenchResults) => (r: N8nRun) => Math.max(0, r.cpuMs - (results.baselineCpuMs ?? 0));
/** Expressions n8n evaluated for the measured node (NaN when not counted). */
const nodeExpressions = (results: BenchResults) => (r: N8nRun) =>
	r.expressions < 0 || (results.baselineExpressions ?? -1) < 0 ? NaN : r.expressions - results.baselineExpressions!;

function sendTable(results: BenchResults): string {
	const cpu = nodeCpu(results);
	const expressions = nodeExpressions(results);
	const rows = sendRows(results).map((row) => {
		const node = (runs: N8nRun[]) => med(runs, (r) => r.nodeMs);
		const both = (pick: (r: N8nRun) => number, digits = 0) => `${fmt(med(row.ours, pick), digits)} / ${fmt(med(row.theirs, pick), digits)}`;
		const cpuShown = Math.min(med(row.ours, cpu), med(row.theirs, cpu)) >= 1000;
		return [
			fmt(row.items),
			SETTINGS_LABEL[row.settings],
			both((r) => r.nodeMs),
			`**${fmt(pairRatio(row.ours, row.theirs, (r) => r.nodeMs), 2)}×**`.replace('n/a×', 'n/a'),
			`${fmt((row.items / node(row.ours)) * 1000)} / ${fmt((row.items / node(row.theirs)) * 1000)}`,
			// Below a second of node CPU, the spread of n8n's boot CPU swamps it.
			cpuShown ? both((r) => cpu(r) / row.items, 2) : '–',
			cpuShown ? `${fmt(pairRatio(row.ours, row.theirs, cpu), 2)}×` : '–',
			both((r) => expressions(r) / row.items, 1),
			both((r) => r.processMs / 1000, 1),
			both((r) => r.maxConcurrent),
			both((r) => r.peakRssMb),
			both((r) => r.peakTreeRssMb),
		];
	});
	return table(
		[
			'items',
			'settings',
			'node ms ours / HTTP Request',
			'ours / theirs',
			'items/s ours / theirs',
			'CPU ms per item ours / theirs',
			'CPU ours / theirs',
			'expressions per item ours / theirs',
			'`n8n execute` s ours / theirs',
			'max concurrency ours / theirs',
			'peak RSS MB ours / theirs',
			'incl. task runner MB',
		],
		rows,
	);
}

function getAllTable(results: BenchResults): string {
	const ours = results.getAll.find((g) => g.case.side === 'ours');
	const theirs = results.getAll.find((g) => g.case.side === 'theirs');
	const rows = [ours, theirs]
		.filter((g) => g?.runs.length)
		.map((g) => {
			const runs = g!.runs;
			const split = g!.case.side === 'theirs';
			return [
				split ? 'HTTP Request, pagination + Split Out' : 'ours, Return All',
				fmt(g!.sessions),
				fmt(med(runs, (r) => r.nodeMs)),
				split ? fmt(med(runs, (r) => r.splitMs ?? 0)) : '–',
				fmt(med(runs, (r) => r.requests)),
				seconds(med(runs, (r) => r.processMs)),
				seconds(med(runs, nodeCpu(results))),
				fmt(med(runs, (r) => r.peakRssMb)),
			];
		});
	if (ours?.runs.length && theirs?.runs.length) {
		rows.push([
			'**ours / theirs**',
			'',
			`**${fmt(pairRatio(ours.runs, theirs.runs, (r) => r.nodeMs), 2)}×**`,
			`${fmt(pairRatio(ours.runs, theirs.runs, (r) => r.nodeMs + (r.splitMs ?? 0)), 2)}× incl. Split Out`,
			'',
			`${fmt(pairRatio(ours.runs, theirs.runs, (r) => r.processMs), 2)}×`,
			`${fmt(pairRatio(ours.runs, theirs.runs, nodeCpu(results)), 2)}×`,
			`${fmt(pairRatio(ours.runs, theirs.runs, (r) => r.peakRssMb), 2)}×`,
		]);
	}
	return table(['side', 'sessions', 'node ms', 'Split Out ms', 'requests (pages)', '`n8n execute` s', 'CPU s beyond boot', 'peak RSS MB'], rows);
}

function inProcessTable(results: BenchResults): string {
	const r = results.inprocess;
	if (!r) return '_not run_';
	const ours = median(r.ours.map((x) => x.nodeMs ?? x.ms));
	const raw = median(r.raw.map((x) => x.ms));
	const ratios = r.ours.map((o, i) => (o.nodeMs ?? o.ms) / r.raw[i].ms);
	return table(
		['items', 'ours through n8n-core: total ms', 'per item µs', 'plain HTTP (the floor): total ms', 'per item µs', 'ours / floor'],
		[[fmt(r.items), fmt(ours), fmt((ours * 1000) / r.items), fmt(raw), fmt((raw * 1000) / r.items), `**${fmt(median(ratios), 1)}×**`]],
	);
}

const NOTES = [
	'- **node ms**: the measured node\'s `executionTime` in the run data (n8n\'s own clock), median over runs. **items/s**: items ÷ node ms.',
	'- **ours / theirs**: ours ÷ theirs for each run pair (run back to back), then the median of those ratios.',
	'- **CPU**: CPU time of the `n8n execute` process (getrusage at exit) minus the median of runs without the measured node (boot, trigger, Code node). ' +
		'Other work on the machine disturbs it far less than wall time. Shown as – when under a second, where the spread of the boot\'s CPU swamps it.',
	'- **expressions per item**: `={{ … }}` values n8n evaluated in the run, counted inside the n8n process (scripts/bench/exit-stats.js wraps n8n-workflow\'s ' +
		'`Expression`), minus those of a run without the measured node, divided by the items.',
	'- **`n8n execute` s**: spawn to exit: boot (about 3 s), the whole workflow, and printing the run.',
	'- **max concurrency**: most requests in flight at once at the sandbox (`/__sandbox/stats`, reset before every run).',
	'- **peak RSS**: the n8n process\'s maximum resident set (getrusage `maxRSS` at exit; /proc VmHWM sampled every 100 ms as a fallback). ' +
		'**incl. task runner**: highest sampled sum over n8n and its child processes (the Code node runs in a task runner).',
	'- **In-process**: the node\'s `executionTime` from `runNode` against all N `http.request` calls in parallel with Node\'s global agent; ' +
		'one unrecorded warm-up round each, medians, ratio per run pair.',
	'- Targets are reported, never enforced: `npm run bench` exits non-zero only when a run fails or returns the wrong number of items (also with `--quick`, for CI).',
];

export function renderReport(results: BenchResults): string {
	const m = results.machine;
	const o = results.options;
	const date = results.startedAt.slice(0, 10);
	const runsNote =
		`${o.runs === 1 ? 'one run' : `${o.runs} runs`} per side (${o.batchingRuns === 1 ? 'one' : o.batchingRuns} with batching), alternating ours / theirs; ` +
		'medians, and each ratio is the median of the ours/theirs ratios of the same run pairs';
	const targetRows = targets(results).map((t) => [t.name, t.met === undefined ? 'not measured' : t.met ? '**met**' : '**missed**', t.detail]);
	return [
		'# Benchmarks',
		'',
		`Generated by \`npm run bench${o.quick ? ' -- --quick' : ''}\` on ${date} in ${fmt((results.durations.total ?? 0) / 60, 1)} minutes. ` +
			'Regenerate with `npm run bench` (about 20 minutes); what each number means is in the notes at the end.',
		'',
		`- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}; load average (1/5/15 min) ${m.loadAverage.join(' / ')} at the start` +
			`${m.loadAverageEnd ? `, ${m.loadAverageEnd.join(' / ')} at the end` : ''}${m.loadAverage[0] > m.cores / 2 ? ' (other work shared the machine: prefer the CPU columns to wall times)' : ''}.`,
		`- Package: ${results.packageSource ?? 'unknown'}.`,
		`- n8n ${m.n8n} on Node ${m.n8nNode.replace(/^v/, '')}, one \`n8n execute\` per run; the in-process part on Node ${m.node.replace(/^v/, '')} with the repo's n8n-core.`,
		`- API sandbox in its own process, ${o.latencyMs} ms simulated latency per request (0 ms in the in-process part); ${runsNote}.`,
		...(results.failures.length
			? ['', `**${results.failures.length} run(s) failed** (left out of the tables):`, ...results.failures.map((f) => `- ${f.split('\n')[0].slice(0, 300)}`)]
			: []),
		'',
		'## Targets',
		'',
		table(['target', 'result', 'numbers'], targetRows),
		'',
		'## 1. OSVI Chat → Message → Send against the HTTP Request node',
		'',
		`Manual Trigger → Code node making N items → the measured node, one \`POST /v1/chat/inbound\` per item with the same \`osviApi\` credential. ` +
			'Times are the measured node\'s own `executionTime` from the run data; `n8n execute` is the whole process, boot included.',
		'',
		sendTable(results),
		'',
		`## 2. open.cx Session → Session → Get Many (Return All) against the HTTP Request node's pagination`,
		'',
		`${fmt(o.sessions)} sessions, 20 per page. HTTP Request: \`cursor\` query parameter from \`{{ $response.body.next }}\`, complete when \`next\` is null; ` +
			'it returns one item per page, so a Split Out node makes one item per session as ours does.',
		'',
		getAllTable(results),
		'',
		`## 3. In-process overhead of Send Message (N = ${fmt(o.inprocessItems)}, zero latency)`,
		'',
		'Ours through n8n-core\'s engine (`test/harness` runNode, RoutingNode as in n8n) against the same requests sent with plain Node `http`, all at once, to the same sandbox.',
		'',
		inProcessTable(results),
		'',
		...findings(results),
		'## Notes',
		'',
		...NOTES,
		'',
	].join('\n');
}

// `npx ts-node --transpile-only scripts/bench/report.ts results.json`: re-render a saved run (`--json`).
if (require.main === module) {
	const results = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8')) as BenchResults;
	process.stdout.write(renderReport(results));
}
