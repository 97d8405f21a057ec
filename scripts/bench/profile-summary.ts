// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof DIR` or `node --cpu-prof`): the
// functions with the most self time, and the most total (inclusive) time, with their files.
//
//   npx ts-node --transpile-only scripts/bench/profile-summary.ts FILE.cpuprofile [--top 25] [--match TEXT]
import { readFileSync } from 'fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

function label(node: ProfileNode): string {
	const { functionName, url, lineNumber } = node.callFrame;
	const file = url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '').replace(/.*\/work\/main\//, '');
	return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

export function summarise(profile: Profile, top: number, match?: string): string {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const selfUs = new Map<number, number>();
	profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
	const totalUs = profile.endTime - profile.startTime;

	const self = new Map<string, number>();
	const inclusive = new Map<string, number>();
	for (const [id, us] of selfUs) {
		const key = label(byId.get(id)!);
		self.set(key, (self.get(key) ?? 0) + us);
		// Count each label once per sample stack, so recursion is not double-counted.
		const seen = new Set<string>();
		for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
			const k = label(byId.get(cur)!);
			if (seen.has(k)) continue;
			seen.add(k);
			inclusive.set(k, (inclusive.get(k) ?? 0) + us);
		}
	}
	const rows = (m: Map<string, number>) =>
		[...m.entries()]
			.filter(([k]) => !match || k.includes(match))
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([k, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${k}`)
			.join('\n');
	return [
		`profile: ${(totalUs / 1e6).toFixed(2)} s`,
		'\nself time:',
		rows(self),
		'\ntotal (inclusive) time:',
		rows(inclusive),
	].join('\n');
}

if (require.main === module) {
	const [file] = process.argv.slice(2);
	const flag = (name: string) => {
		const i = process.argv.indexOf(name);
		return i >= 0 ? process.argv[i + 1] : undefined;
	};
	if (!file) {
		process.stderr.write('usage: profile-summary.ts FILE.cpuprofile [--top 25] [--match TEXT]\n');
		process.exit(2);
	}
	const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	process.stdout.write(`${summarise(profile, Number(flag('--top') ?? 25), flag('--match'))}\n`);
}
