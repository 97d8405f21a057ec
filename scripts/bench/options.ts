// `npm run bench -- [flags]`: what to run and how often.
import type { Settings } from './workflows';

export type Suite = 'send' | 'getAll' | 'inprocess';

export interface BenchOptions {
	quick: boolean;
	/** Runs of each side per case; the sides alternate (ours, theirs, ours, theirs…). */
	runs: number;
	/** Simulated latency of every sandbox request in the n8n runs. */
	latencyMs: number;
	/** Input items for Send Message. */
	sizes: number[];
	/** Send Message settings to run: n8n's defaults, and Request Options → Batching 50 / 0 ms. */
	settings: Settings[];
	/** Runs per side with batching; interval 0 changes nothing in either node, so fewer suffice. */
	batchingRuns: number;
	/** Sessions open.cx lists for Get Many. */
	sessions: number;
	/** Items for the in-process comparison (always at zero latency). */
	inprocessItems: number;
	suites: Set<Suite>;
	/** Markdown report; the full run writes BENCHMARKS.md, a quick run writes nothing unless asked. */
	out?: string;
	/** Every measurement as JSON. */
	json?: string;
	skipBuild: boolean;
	/** Benchmark this packed tarball (`npm pack` of a candidate change) instead of building the repo. */
	packageTarball?: string;
	/** Build this commit in a clean export instead of the working tree (what BENCHMARKS.md should show). */
	commit?: string;
	/** Write V8 CPU profiles of every n8n run into this folder (n8n's --cpu-prof). */
	cpuProfDir?: string;
	/** More Node flags for every n8n run, e.g. `-r hook.js` to instrument n8n while diagnosing. */
	nodeFlags: string[];
	keep: boolean;
}

export const USAGE = `npm run bench -- [--quick] [--runs N] [--latency MS] [--sizes 100,1000,10000]
                   [--settings default,batch50] [--batching-runs N] [--sessions N] [--inprocess-items N] [--only send,getAll,inprocess]
                   [--out FILE | --no-out] [--json FILE] [--commit REV | --package FILE.tgz | --skip-build] [--cpu-prof DIR] [--node-flag FLAG]… [--keep]`;

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

function whole(name: string, value: string | undefined, min = 0): number {
	const n = Number(value);
	if (!Number.isInteger(n) || n < min) throw new Error(`${name} needs a whole number >= ${min}\n${USAGE}`);
	return n;
}

export function parseOptions(argv: string[]): BenchOptions {
	const quick = argv.includes('--quick');
	const options: BenchOptions = {
		quick,
		runs: 3,
		latencyMs: 20,
		sizes: [100, 1000, 10000],
		settings: ['default', 'batch50'],
		batchingRuns: 1,
		sessions: 10000,
		inprocessItems: 1000,
		suites: new Set<Suite>(['send', 'getAll', 'inprocess']),
		out: 'BENCHMARKS.md',
		skipBuild: false,
		nodeFlags: [],
		keep: false,
	};
	// Small enough to finish in 2–3 minutes, boots included: keeps the script working in CI.
	if (quick) Object.assign(options, { runs: 1, sizes: [20, 50], sessions: 500, inprocessItems: 100, out: undefined });
	for (let i = 0; i < argv.length; i++) {
		const eq = argv[i].indexOf('=');
		const flag = eq < 0 ? argv[i] : argv[i].slice(0, eq);
		const inline = eq < 0 ? undefined : argv[i].slice(eq + 1);
		const value = () => inline ?? argv[++i];
		switch (flag) {
			case '--quick':
				break;
			case '--runs':
				options.runs = whole(flag, value(), 1);
				break;
			case '--latency':
				options.latencyMs = whole(flag, value());
				break;
			case '--sizes':
				options.sizes = list(value()).map((v) => whole(flag, v, 1));
				break;
			case '--settings': {
				const settings = list(value());
				const unknown = settings.filter((s) => !['default', 'batch50'].includes(s));
				if (unknown.length) throw new Error(`unknown settings ${unknown.join(', ')}\n${USAGE}`);
				options.settings = settings as Settings[];
				break;
			}
			case '--batching-runs':
				options.batchingRuns = whole(flag, value(), 1);
				break;
			case '--sessions':
				options.sessions = whole(flag, value(), 1);
				break;
			case '--inprocess-items':
				options.inprocessItems = whole(flag, value(), 1);
				break;
			case '--only': {
				const suites = list(value());
				const unknown = suites.filter((s) => !['send', 'getAll', 'inprocess'].includes(s));
				if (unknown.length) throw new Error(`unknown suite ${unknown.join(', ')}\n${USAGE}`);
				options.suites = new Set(suites as Suite[]);
				break;
			}
			case '--out':
				options.out = value();
				break;
			case '--no-out':
				options.out = undefined;
				break;
			case '--json':
				options.json = value();
				break;
			case '--skip-build':
				options.skipBuild = true;
				break;
			case '--commit':
				options.commit = value();
				break;
			case '--package':
				options.packageTarball = value();
				break;
			case '--cpu-prof':
				options.cpuProfDir = value();
				break;
			case '--node-flag':
				options.nodeFlags.push(value());
				break;
			case '--keep':
				options.keep = true;
				break;
			case '--help':
				process.stdout.write(`${USAGE}\n`);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown flag ${argv[i]}\n${USAGE}`);
		}
	}
	return options;
}
