// Installs a pinned n8n (and, when the system Node is too old for it, Node 24 from the npm
// registry) into a cache folder outside the repo, and reuses it while its marker file is there.
//
//   npm run n8n:install             (or: ts-node --transpile-only scripts/n8n/install.ts)
//   N8N_CACHE_DIR=/some/dir …       to choose the folder
//
// Traps handled here: the linkedom override, Node 24 first on PATH, sqlite3 built from source.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { delimiter, dirname, join } from 'path';

import { log, run, StepError } from './proc';

/** The one place the n8n version is pinned; `@latest` breaks whenever n8n ships a broken release. */
export const N8N_VERSION = '2.40.7';
/** n8n 2.36+ requires Node >= 24; exact pin so every machine runs the same binary. */
export const NODE_VERSION = '24.21.0';
/** linkedom 0.18.15 depends on a package the reachable registry does not have. */
const OVERRIDES = { linkedom: '0.18.14' };

const MARKER = 'install-complete.json';
const MINUTE = 60_000;

export interface N8nInstall {
	dir: string;
	/** Node binary that runs n8n (>= 24). */
	node: string;
	/** n8n's CLI entry point, run as `<node> <n8nBin> <command>`. */
	n8nBin: string;
	/** PATH with this Node first, for every child process that runs n8n or npm. */
	path: string;
}

export function cacheDir(): string {
	return process.env.N8N_CACHE_DIR || join(homedir(), '.cache', 'n8n-nodes-osvi', `n8n-${N8N_VERSION}`);
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

function installFrom(dir: string, node: string): N8nInstall {
	const { n8nBin } = layout(dir);
	return { dir, node, n8nBin, path: [dirname(node), process.env.PATH ?? ''].join(delimiter) };
}

/** The cached install, or undefined when it is missing or incomplete. */
export function findInstall(dir = cacheDir()): N8nInstall | undefined {
	const paths = layout(dir);
	if (!existsSync(paths.marker)) return undefined;
	try {
		const marker = JSON.parse(readFileSync(paths.marker, 'utf8')) as { n8n?: string; node?: string };
		if (marker.n8n !== N8N_VERSION || !marker.node || !existsSync(marker.node) || !existsSync(paths.n8nBin)) {
			return undefined;
		}
		return installFrom(dir, marker.node);
	} catch {
		return undefined;
	}
}

async function ensureNode(dir: string): Promise<string> {
	if (nodeMajor(process.version) >= 24) {
		log(`using this Node ${process.version}`);
		return process.execPath;
	}
	const paths = layout(dir);
	if (!existsSync(paths.downloadedNode)) {
		log(`system Node ${process.version} is too old for n8n ${N8N_VERSION}; installing ${paths.nodePackage}@${NODE_VERSION} from npm…`);
		mkdirSync(join(dir, 'node'), { recursive: true });
		writeFileSync(join(dir, 'node', 'package.json'), JSON.stringify({ private: true }, null, 2));
		await run('install Node 24', 'npm', ['install', `${paths.nodePackage}@${NODE_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: join(dir, 'node'),
			env: cleanEnv(),
			timeoutMs: 5 * MINUTE,
		});
	}
	const version = (await run('check Node 24', paths.downloadedNode, ['--version'], { timeoutMs: MINUTE })).stdout.trim();
	if (nodeMajor(version) < 24) throw new StepError('check Node 24', `${paths.downloadedNode} is ${version}`);
	log(`using Node ${version} from ${paths.downloadedNode}`);
	return paths.downloadedNode;
}

export async function ensureN8n(dir = cacheDir()): Promise<N8nInstall> {
	const cached = findInstall(dir);
	if (cached) {
		log(`n8n ${N8N_VERSION} found in ${dir}`);
		return cached;
	}
	const release = await lock(dir);
	try {
		return findInstall(dir) ?? (await install(dir));
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

async function install(dir: string): Promise<N8nInstall> {
	const started = Date.now();
	log(`installing n8n ${N8N_VERSION} into ${dir} (first time only: about 5 minutes, 2.8 GB)`);
	mkdirSync(dir, { recursive: true });
	const node = await ensureNode(dir);
	const paths = layout(dir);
	const install = installFrom(dir, node);
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
		JSON.stringify({ name: 'n8n-runtime', private: true, overrides: OVERRIDES }, null, 2),
	);
	log(`npm install n8n@${N8N_VERSION} --ignore-scripts …`);
	await run('npm install n8n', 'npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
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
	const version = (await run('check n8n', node, [paths.n8nBin, '--version'], { env: cleanEnv({ PATH: install.path }), timeoutMs: 2 * MINUTE })).stdout.trim();
	if (!version.includes(N8N_VERSION)) throw new StepError('check n8n', `n8n --version printed "${version}"`);
	writeFileSync(paths.marker, JSON.stringify({ n8n: N8N_VERSION, node, finishedAt: new Date().toISOString() }, null, 2));
	log(`n8n ${version} installed in ${seconds(started)} s`);
	return install;
}

export function seconds(since: number): number {
	return Math.round((Date.now() - since) / 1000);
}

if (require.main === module) {
	ensureN8n().then(
		(install) => {
			process.stdout.write(`${JSON.stringify(install)}\n`);
		},
		(error: Error) => {
			log(error.message);
			log(`to start over, delete ${cacheDir()}`);
			process.exit(1);
		},
	);
}
