// Which build of this package the benchmark installs: the working tree (scripts/n8n's buildAndPack),
// a given tarball, or a clean export of one commit, built outside the checkout so that neither
// uncommitted edits nor a concurrent `npm run build` end up in the numbers.
import { mkdtempSync, rmSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';

import { cleanEnv } from '../n8n/install';
import { buildAndPack } from '../n8n/package';
import { log, run } from '../n8n/proc';
import { REPO_ROOT } from '../n8n/sandbox';

const MINUTE = 60_000;

export interface PackageUnderTest {
	tarball: string;
	/** For the report: where the code came from. */
	source: string;
	/** Source tree of that code, for the in-process part (which runs the TypeScript through n8n-core). */
	sourceDir: string;
	/** Removes what was built for the run. */
	dispose(): void;
}

async function git(args: string[]): Promise<string> {
	return (await run(`git ${args[0]}`, 'git', args, { cwd: REPO_ROOT, timeoutMs: MINUTE })).stdout.trim();
}

async function packCommit(rev: string): Promise<PackageUnderTest> {
	const commit = await git(['rev-parse', '--verify', `${rev}^{commit}`]);
	const dir = mkdtempSync(join(tmpdir(), 'n8n-nodes-osvi-bench-src-'));
	await run('git archive', 'sh', ['-c', `git archive --format=tar ${commit} | tar -x -C "${dir}"`], { cwd: REPO_ROOT, timeoutMs: MINUTE });
	symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	log(`building commit ${commit.slice(0, 10)} in ${dir} …`);
	await run('npm run build', 'npm', ['run', 'build'], { cwd: dir, env: cleanEnv(), timeoutMs: 5 * MINUTE });
	const packed = await run('npm pack', 'npm', ['pack', '--json', '--ignore-scripts', `--pack-destination=${dir}`], {
		cwd: dir,
		env: cleanEnv(),
		timeoutMs: 2 * MINUTE,
	});
	const [info] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
	const subject = await git(['log', '-1', '--format=%s', commit]);
	return { tarball: join(dir, info.filename), source: `commit ${commit.slice(0, 10)} (“${subject}”), built clean`, sourceDir: dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function packageUnderTest(options: { commit?: string; tarball?: string; skipBuild: boolean }): Promise<PackageUnderTest> {
	if (options.tarball) {
		return { tarball: resolve(options.tarball), source: `tarball ${options.tarball} (in-process part: the working tree)`, sourceDir: REPO_ROOT, dispose: () => {} };
	}
	if (options.commit) return await packCommit(options.commit);
	const head = (await git(['rev-parse', 'HEAD'])).slice(0, 10);
	const dirty = await git(['status', '--porcelain', '--', 'nodes', 'credentials', 'package.json']);
	const tarball = await buildAndPack({ skipBuild: options.skipBuild });
	return {
		tarball,
		source: `working tree at ${head}${dirty ? ' with uncommitted changes to the package' : ''}${options.skipBuild ? ' (existing dist/)' : ''}`,
		sourceDir: REPO_ROOT,
		dispose: () => rmSync(dirname(tarball), { recursive: true, force: true }),
	};
}
