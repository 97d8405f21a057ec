// Ports for `npm start`. A port the user chose (flag or environment variable) is used as given,
// and refused at once when something already listens there; a default that is taken (another
// n8n, another `npm start`) is replaced by the next free port above it.
import { createServer } from 'net';

export interface PortSetting {
	/** What listens there, for messages. */
	what: string;
	flag: string;
	env: string;
	fallback: number;
}

export interface ChosenPort {
	port: number;
	/** Why this port: "default", "--port", "N8N_PORT", or "5678 is in use". */
	source: string;
}

/** Nothing listens on `port` on either loopback address (the printed URLs say localhost, which may resolve to ::1). */
export async function portIsFree(port: number): Promise<boolean> {
	for (const host of ['127.0.0.1', '::1']) {
		if ((await tryListen(port, host)) === 'in use') return false;
	}
	return true;
}

function tryListen(port: number, host: string): Promise<'free' | 'in use' | 'no such address'> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', (error: NodeJS.ErrnoException) =>
			resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? 'in use' : 'no such address'),
		);
		server.listen({ port, host, exclusive: true }, () => server.close(() => resolve('free')));
	});
}

/** `--flag 1234` or `--flag=1234` from argv, else the variable, else undefined. */
function requested(setting: PortSetting, argv: string[], env: NodeJS.ProcessEnv): { value: string; source: string } | undefined {
	for (let i = argv.length - 1; i >= 0; i--) {
		if (argv[i] === setting.flag) return { value: argv[i + 1] ?? '', source: setting.flag };
		if (argv[i].startsWith(`${setting.flag}=`)) return { value: argv[i].slice(setting.flag.length + 1), source: setting.flag };
	}
	const value = env[setting.env];
	return value ? { value, source: setting.env } : undefined;
}

/**
 * One port per setting, all different. Throws with a message naming the flag or variable when a
 * requested port is invalid or taken.
 */
export async function choosePorts<K extends string>(
	settings: Record<K, PortSetting>,
	argv: string[],
	env: NodeJS.ProcessEnv = process.env,
): Promise<Record<K, ChosenPort>> {
	const keys = Object.keys(settings) as K[];
	const chosen = {} as Record<K, ChosenPort>;
	const taken = new Set<number>();
	// Requested ports first, so a default moving up never lands on one of them.
	for (const key of keys) {
		const setting = settings[key];
		const asked = requested(setting, argv, env);
		if (!asked) continue;
		const port = Number(asked.value);
		if (!Number.isInteger(port) || port < 1 || port > 65535) {
			throw new Error(`${asked.source} must be a port number (1–65535), got "${asked.value}"`);
		}
		if (taken.has(port)) throw new Error(`${asked.source} asks for port ${port}, which another setting already uses`);
		if (!(await portIsFree(port))) {
			throw new Error(`port ${port} for the ${setting.what} (${asked.source}) is already in use: choose another, or leave ${asked.source} out to let npm start pick a free one`);
		}
		chosen[key] = { port, source: asked.source };
		taken.add(port);
	}
	const defaults = new Set(keys.map((key) => settings[key].fallback));
	for (const key of keys) {
		if (chosen[key]) continue;
		const { fallback } = settings[key];
		if (!taken.has(fallback) && (await portIsFree(fallback))) {
			chosen[key] = { port: fallback, source: 'default' };
		} else {
			let port = fallback + 1;
			// Skip the other defaults too, so each port stays predictable when only one is taken.
			while (taken.has(port) || defaults.has(port) || !(await portIsFree(port))) {
				port++;
				if (port > 65535) throw new Error(`no free port above ${fallback} for the ${settings[key].what}`);
			}
			chosen[key] = { port, source: `${fallback} is in use` };
		}
		taken.add(chosen[key].port);
	}
	return chosen;
}
