// Redis and PostgreSQL for n8n's queue mode, as real servers from Debian packages: installed with
// apt-get when missing (as root), then started privately on free ports with throwaway data
// folders, so nothing clashes with servers already running on this machine. Servers you already
// run can be reused instead:
//
//   QUEUE_REDIS=host:port                              a running Redis
//   QUEUE_POSTGRES=postgres://user:password@host:port/database   a running PostgreSQL (n8n creates its tables there)
import type { ChildProcess } from 'child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { connect } from 'net';
import { tmpdir, userInfo } from 'os';
import { join } from 'path';

import { freePort, log, run, startChild, stopChild, StepError, tail } from './proc';

const MINUTE = 60_000;

export interface RedisServer {
	host: string;
	port: number;
	stop: () => Promise<void>;
}

export interface PostgresServer {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	stop: () => Promise<void>;
}

/** apt-get, waiting for other installers' locks instead of failing. */
async function aptInstall(packages: string[]): Promise<void> {
	if (userInfo().uid !== 0) {
		throw new StepError(
			`install ${packages.join(', ')}`,
			`not installed, and installing needs root: sudo apt-get install -y ${packages.join(' ')}`,
		);
	}
	const apt = (args: string[]) =>
		run(`apt-get ${args[0]}`, 'apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			timeoutMs: 15 * MINUTE,
		});
	log(`installing ${packages.join(', ')} with apt-get…`);
	const started = Date.now();
	try {
		await apt(['install', '-y', '--no-install-recommends', ...packages]);
	} catch {
		// Stale or missing package lists: refresh once and retry.
		await apt(['update']);
		await apt(['install', '-y', '--no-install-recommends', ...packages]);
	}
	log(`installed ${packages.join(', ')} in ${Math.round((Date.now() - started) / 1000)} s`);
}

function redisBinary(): string | undefined {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
}

/** The newest PostgreSQL server binaries Debian installed: /usr/lib/postgresql/<major>/bin. */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((d) => existsSync(join(root, d, 'bin', 'postgres')) && existsSync(join(root, d, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(root, majors[0], 'bin') : undefined;
}

/** Installs what is missing of redis-server and postgresql in one apt-get call. */
export async function ensureServerPackages(need: { redis: boolean; postgres: boolean }): Promise<void> {
	const missing = [
		...(need.redis && !redisBinary() ? ['redis-server'] : []),
		...(need.postgres && !postgresBinDir() ? ['postgresql'] : []),
	];
	if (missing.length) await aptInstall(missing);
	else log('redis-server and postgresql already installed');
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port; throws if `child` exits first. */
async function waitForPort(name: string, child: ChildProcess | undefined, output: () => string, port: number, timeoutMs = MINUTE): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && child.exitCode !== null) throw new StepError(`start ${name}`, `exited with ${child.exitCode}\n${tail(output())}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new StepError(`start ${name}`, `port ${port} not open after ${timeoutMs / 1000} s\n${tail(output())}`);
}

function collect(child: ChildProcess): () => string {
	let output = '';
	const add = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on('data', add);
	child.stderr?.on('data', add);
	return () => output;
}

export async function startRedis(): Promise<RedisServer> {
	const reuse = process.env.QUEUE_REDIS;
	if (reuse) {
		const [host, port] = reuse.split(':');
		log(`reusing Redis at ${host}:${port} (QUEUE_REDIS)`);
		return { host, port: Number(port), stop: async () => undefined };
	}
	const binary = redisBinary();
	if (!binary) throw new StepError('start Redis', 'redis-server is not installed');
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-nodes-osvi-redis-'));
	// No persistence: a throwaway queue for one test run.
	const child = startChild(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const output = collect(child);
	await waitForPort('Redis', child, output, port);
	log(`Redis ${binary} listening on 127.0.0.1:${port}`);
	return {
		host: '127.0.0.1',
		port,
		stop: async () => {
			await stopChild(child);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

export async function startPostgres(): Promise<PostgresServer> {
	const reuse = process.env.QUEUE_POSTGRES;
	if (reuse) {
		const url = new URL(reuse);
		log(`reusing PostgreSQL at ${url.hostname}:${url.port || 5432} (QUEUE_POSTGRES)`);
		return {
			host: url.hostname,
			port: Number(url.port || 5432),
			user: decodeURIComponent(url.username),
			password: decodeURIComponent(url.password),
			database: url.pathname.replace(/^\//, '') || 'postgres',
			stop: async () => undefined,
		};
	}
	const bin = postgresBinDir();
	if (!bin) throw new StepError('start PostgreSQL', 'postgresql is not installed');
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-nodes-osvi-pg-'));
	const data = join(dir, 'data');
	// PostgreSQL refuses to run as root: as root, run it as the "postgres" user Debian's package created.
	const asUser = userInfo().uid === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
	if (asUser.length) {
		const { uid, gid } = postgresIds();
		chownSync(dir, uid, gid);
		chmodSync(dir, 0o700);
	}
	const command = (binary: string, args: string[]) => (asUser.length ? [asUser[0], [...asUser.slice(1), join(bin, binary), ...args]] : [join(bin, binary), args]) as [string, string[]];
	const [initCmd, initArgs] = command('initdb', ['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	await run('initdb', initCmd, initArgs, { timeoutMs: 2 * MINUTE });
	// Durability off: a throwaway database for one test run.
	const [pgCmd, pgArgs] = command('postgres', ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off']);
	const child = startChild(pgCmd, pgArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
	const output = collect(child);
	await waitForPort('PostgreSQL', child, output, port);
	// Accepting connections is not yet accepting queries: pg_isready says when it is.
	const deadline = Date.now() + MINUTE;
	while ((await run('pg_isready', join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { timeoutMs: 10_000, allowFailure: true })).code !== 0) {
		if (Date.now() > deadline) throw new StepError('start PostgreSQL', `not ready\n${tail(output())}`);
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	log(`PostgreSQL ${bin} listening on 127.0.0.1:${port}`);
	return {
		host: '127.0.0.1',
		port,
		user: 'n8n',
		password: '',
		database: 'postgres',
		stop: async () => {
			await stopChild(child, 10_000);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

function postgresIds(): { uid: number; gid: number } {
	// /etc/passwd: name:x:uid:gid:…
	const line = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line) throw new StepError('start PostgreSQL', 'no "postgres" user (the postgresql package creates it)');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}
