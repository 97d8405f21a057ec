// Installs a pinned n8n (and, when the system Node is too old for it, Node 24 from the npm
// registry) into a cache folder outside the repo, one folder per n8n version, and reuses it
// while its marker file is there.
//
//   ts-node --transpile-only scripts/n8n/install.ts [--n8n-version=1.123.81[,2.40.7]|all]
//   OSVI_N8N_VERSION=1.123.81 …   the same as the flag (default: DEFAULT_N8N_VERSION)
//   N8N_CACHE_DIR=/some/dir …     the parent folder (default ~/.cache/n8n-nodes-osvi): n8n-<version>/
// Several versions install concurrently (each holds its own lock).
//
// Traps handled here: overrides for dependencies the reachable registry cannot serve, Node 24
// first on PATH, sqlite3 built from source, and (n8n 1.x) isolated-vm built with node-gyp.
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { delimiter, dirname, join } from 'path';

import { log, run, StepError } from './proc';

interface VersionRecipe {
	/** npm `overrides` for the throwaway install folder. */
	overrides: Record<string, string>;
	/** Build isolated-vm with node-gyp after the install (no linux-x64 prebuild for this n8n's copy). */
	buildIsolatedVm: boolean;
}

/**
 * The n8n versions this package is tested on, each pinned exactly (`@latest` breaks whenever n8n
 * ships a broken release), with what its install needs here. 2.41 and later do not install from
 * the registry reachable here (2.41.3 needs @n8n/agents@0.26.2, which is missing there).
 */
export const N8N_VERSIONS: Record<string, VersionRecipe> = {
	// The maintained 1.x line. Its xlsx is a tarball on a CDN that is unreachable here; its
	// isolated-vm 6.2 (expression engine) has no linux-x64 prebuild.
	'1.123.81': { overrides: { linkedom: '0.18.14', xlsx: '0.18.5' }, buildIsolatedVm: true },
	// linkedom 0.18.15 depends on a package the reachable registry does not have.
	'2.40.7': { overrides: { linkedom: '0.18.14' }, buildIsolatedVm: false },
};
/** The version `npm start`, the benchmark, test:queue and this script use unless told otherwise (test:e2e runs all). */
export const DEFAULT_N8N_VERSION = '2.40.7';
/** n8n 2.36+ requires Node >= 24 (and 1.123's isolated-vm builds for it); exact pin so every machine runs the same binary. */
export const NODE_VERSION = '24.21.0';

const MARKER = 'install-complete.json';
const MINUTE = 60_000;

export interface N8nInstall {
	/** The n8n version, e.g. "2.40.7". */
	version: string;
	dir: string;
	/** Node binary that runs n8n (>= 24). */
	node: string;
	/** n8n's CLI entry point, run as `<node> <n8nBin> <command>`. */
	n8nBin: string;
	/** PATH with this Node first, for every child process that runs n8n or npm. */
	path: string;
}

/**
 * The n8n versions asked for: `--n8n-version=<v>[,<v>…]` (or `all`) on the command line, else the
 * variable OSVI_N8N_VERSION (same form), else `fallback`. Throws for a version without a recipe in N8N_VERSIONS.
 */
export function requestedVersions(fallback: string[], argv = process.argv, env = process.env): string[] {
	const flag = argv.find((a) => a.startsWith('--n8n-version='))?.slice('--n8n-version='.length);
	const value = flag || env.OSVI_N8N_VERSION;
	if (value === 'all') return Object.keys(N8N_VERSIONS);
	const versions = value ? value.split(',').map((v) => v.trim()).filter(Boolean) : fallback;
	versions.forEach(checkVersion);
	return versions;
}

export function checkVersion(version: string): void {
	if (!N8N_VERSIONS[version]) {
		throw new Error(
			`n8n ${version} is not one of the versions this package is tested on (${Object.keys(N8N_VERSIONS).join(', ')}); ` +
				'add it to N8N_VERSIONS in scripts/n8n/install.ts with what its install needs',
		);
	}
}

/** Major version of an n8n version string: 1 for "1.123.81". */
export function majorOf(version: string): number {
	return Number(version.split('.')[0]);
}

export function cacheDir(version = DEFAULT_N8N_VERSION): string {
	const parent = process.env.N8N_CACHE_DIR || join(homedir(), '.cache', 'n8n-nodes-osvi');
	return join(parent, `n8n-${version}`);
}

/**
 * Environment for child npm processes. `npm run` exports its own config (the repo's
 * ignore-scripts=true, local_prefix=<repo>) as npm_config_*; inherited, those would make npm
 * install into the repo or skip the sqlite3 build, so they are dropped.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_(config|package|lifecycle)_/i.test(key) || key === 'INIT_CWD') continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

function nodeMajor(version: string): number {
	return Number(version.replace(/^v/, '').split('.')[0]);
}

function layout(dir: string) {
	const nodePackage = `node-${process.platform}-${process.arch}`;
	const nodeRoot = join(dir, 'node', 'node_modules', nodePackage);
	return {
		nodePackage,
		nodeRoot,
		downloadedNode: join(nodeRoot, 'bin', 'node'),
		n8nDir: join(dir, 'n8n'),
		n8nBin: join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: join(dir, MARKER),
	};
}

function installFrom(version: string, dir: string, node: string): N8nInstall {
	const { n8nBin } = layout(dir);
	return { version, dir, node, n8nBin, path: [dirname(node), process.env.PATH ?? ''].join(delimiter) };
}

/** The cached install, or undefined when it is missing or incomplete. */
export function findInstall(version = DEFAULT_N8N_VERSION, dir = cacheDir(version)): N8nInstall | undefined {
	const paths = layout(dir);
	if (!existsSync(paths.marker)) return undefined;
	try {
		const marker = JSON.parse(readFileSync(paths.marker, 'utf8')) as { n8n?: string; node?: string };
		if (marker.n8n !== version || !marker.node || !existsSync(marker.node) || !existsSync(paths.n8nBin)) {
			return undefined;
		}
		return installFrom(version, dir, marker.node);
	} catch {
		return undefined;
	}
}

async function ensureNode(version: string, dir: string): Promise<string> {
	if (nodeMajor(process.version) >= 24) {
		log(`using this Node ${process.version}`);
		return process.execPath;
	}
	const paths = layout(dir);
	if (!existsSync(paths.downloadedNode)) {
		log(`system Node ${process.version} is too old for n8n ${version}; installing ${paths.nodePackage}@${NODE_VERSION} from npm…`);
		mkdirSync(join(dir, 'node'), { recursive: true });
		writeFileSync(join(dir, 'node', 'package.json'), JSON.stringify({ private: true }, null, 2));
		await run('install Node 24', 'npm', ['install', `${paths.nodePackage}@${NODE_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: join(dir, 'node'),
			env: cleanEnv(),
			timeoutMs: 5 * MINUTE,
		});
	}
	const nodeVersion = (await run('check Node 24', paths.downloadedNode, ['--version'], { timeoutMs: MINUTE })).stdout.trim();
	if (nodeMajor(nodeVersion) < 24) throw new StepError('check Node 24', `${paths.downloadedNode} is ${nodeVersion}`);
	log(`using Node ${nodeVersion} from ${paths.downloadedNode}`);
	return paths.downloadedNode;
}

export async function ensureN8n(version = DEFAULT_N8N_VERSION, dir = cacheDir(version)): Promise<N8nInstall> {
	checkVersion(version);
	const cached = findInstall(version, dir);
	if (cached) {
		log(`n8n ${version} found in ${dir}`);
		return cached;
	}
	const release = await lock(dir);
	try {
		return findInstall(version, dir) ?? (await install(version, dir));
	} finally {
		release();
	}
}

/** One installer per cache folder: a second process (another terminal, a parallel CI job) waits. */
async function lock(dir: string): Promise<() => void> {
	const lockDir = `${dir}.lock`;
	mkdirSync(dirname(dir), { recursive: true });
	const deadline = Date.now() + 30 * MINUTE;
	for (;;) {
		try {
			mkdirSync(lockDir);
			writeFileSync(join(lockDir, 'pid'), String(process.pid));
			const release = () => rmSync(lockDir, { recursive: true, force: true });
			process.once('exit', release);
			return release;
		} catch {
			const owner = lockOwner(lockDir);
			if (owner !== undefined && !isAlive(owner)) {
				rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new StepError('wait for another install', `${lockDir} is still held by process ${owner}`);
			log(`another process (${owner}) is installing n8n into ${dir}; waiting…`);
			await new Promise((resolve) => setTimeout(resolve, 10_000));
		}
	}
}

/** The pid in the lock; undefined while the holder has not written it yet (or the lock just went). */
function lockOwner(lockDir: string): number | undefined {
	try {
		return Number(readFileSync(join(lockDir, 'pid'), 'utf8')) || undefined;
	} catch {
		return undefined;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function install(version: string, dir: string): Promise<N8nInstall> {
	const started = Date.now();
	const recipe = N8N_VERSIONS[version];
	log(`installing n8n ${version} into ${dir} (first time only: about 5 minutes, 2.8 GB)`);
	mkdirSync(dir, { recursive: true });
	const node = await ensureNode(version, dir);
	const paths = layout(dir);
	const install = installFrom(version, dir, node);
	// Node 24 first on PATH: npm, node-gyp and prebuilt-binary downloaders must all see it, and
	// native modules must compile against its headers rather than the system Node's.
	const nodeRoot = dirname(dirname(node));
	const env = cleanEnv({
		PATH: install.path,
		...(existsSync(join(nodeRoot, 'include', 'node')) ? { npm_config_nodedir: nodeRoot } : {}),
	});

	mkdirSync(paths.n8nDir, { recursive: true });
	writeFileSync(
		join(paths.n8nDir, 'package.json'),
		JSON.stringify({ name: 'n8n-runtime', private: true, overrides: recipe.overrides }, null, 2),
	);
	log(`npm install n8n@${version} --ignore-scripts …`);
	await run('npm install n8n', 'npm', ['install', `n8n@${version}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: paths.n8nDir,
		env,
		timeoutMs: 20 * MINUTE,
	});
	log(`npm install done after ${seconds(started)} s; building sqlite3 from source (about 1 minute)…`);
	await run('npm rebuild sqlite3', 'npm', ['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', '--loglevel=error'], {
		cwd: paths.n8nDir,
		env,
		timeoutMs: 15 * MINUTE,
	}).catch((error: Error) => {
		throw new StepError('npm rebuild sqlite3', `${error.message}\n(building sqlite3 needs python3, make and a C++ compiler: apt-get install -y python3 make g++)`);
	});
	if (recipe.buildIsolatedVm) await buildIsolatedVm(paths.n8nDir, env, node);
	const printed = (await run('check n8n', node, [paths.n8nBin, '--version'], { env: cleanEnv({ PATH: install.path }), timeoutMs: 2 * MINUTE })).stdout.trim();
	if (!printed.includes(version)) throw new StepError('check n8n', `n8n --version printed "${printed}"`);
	writeFileSync(paths.marker, JSON.stringify({ n8n: version, node, finishedAt: new Date().toISOString() }, null, 2));
	log(`n8n ${printed} installed in ${seconds(started)} s`);
	return install;
}

/**
 * n8n 1.x evaluates expressions in isolated-vm 6.2, which has no linux-x64 prebuild: without
 * this build every execution fails with "Could not initialize the vm expression engine". Built
 * with the node-gyp bundled in npm, against Node 24's headers (about 40 s).
 */
async function buildIsolatedVm(n8nDir: string, env: NodeJS.ProcessEnv, node: string): Promise<void> {
	const started = Date.now();
	const moduleDir = join(n8nDir, 'node_modules', 'isolated-vm');
	if (!existsSync(moduleDir)) throw new StepError('build isolated-vm', `${moduleDir} is missing`);
	const nodeGyp = npmNodeGyp();
	log(`building isolated-vm with ${nodeGyp} (about 1 minute)…`);
	await run('build isolated-vm', node, [nodeGyp, 'rebuild', '--release', '--jobs=max', `--nodedir=${dirname(dirname(node))}`], {
		cwd: moduleDir,
		env,
		timeoutMs: 15 * MINUTE,
	}).catch((error: Error) => {
		throw new StepError('build isolated-vm', `${error.message}\n(building isolated-vm needs python3, make and a C++ compiler: apt-get install -y python3 make g++)`);
	});
	log(`isolated-vm built in ${seconds(started)} s`);
}

/** node-gyp as npm bundles it: <npm's folder>/node_modules/node-gyp/bin/node-gyp.js. */
function npmNodeGyp(): string {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		const npm = join(dir, 'npm');
		if (!existsSync(npm)) continue;
		const candidate = join(dirname(dirname(realpathSync(npm))), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
		if (existsSync(candidate)) return candidate;
	}
	throw new StepError('build isolated-vm', 'no node-gyp found next to npm on PATH');
}

export function seconds(since: number): number {
	return Math.round((Date.now() - since) / 1000);
}

if (require.main === module) {
	const versions = requestedVersions([DEFAULT_N8N_VERSION]);
	Promise.all(versions.map((version) => ensureN8n(version))).then(
		(installs) => {
			for (const install of installs) process.stdout.write(`${JSON.stringify(install)}\n`);
		},
		(error: Error) => {
			log(error.message);
			log(`to start over, delete the version's folder under ${dirname(cacheDir())}`);
			process.exit(1);
		},
	);
}
