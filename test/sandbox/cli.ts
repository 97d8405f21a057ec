// `npm run sandbox [-- --osvi-port 4010 --opencx-port 4020 --latency 0 --opencx-sessions 6 --json-ready]`
import { DEMO, startSandbox } from './index';

function parseArgs(argv: string[]): { flags: Record<string, number>; jsonReady: boolean } {
	const flags: Record<string, number> = {};
	let jsonReady = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--json-ready') {
			jsonReady = true;
			continue;
		}
		const [name, inline] = arg.split('=', 2);
		if (!['--osvi-port', '--opencx-port', '--latency', '--opencx-sessions'].includes(name)) {
			throw new Error(`unknown flag ${arg}`);
		}
		const value = Number(inline ?? argv[++i]);
		if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number`);
		flags[name.slice(2)] = value;
	}
	return { flags, jsonReady };
}

async function main(): Promise<void> {
	const { flags, jsonReady } = parseArgs(process.argv.slice(2));
	const sandbox = await startSandbox({
		osviPort: flags['osvi-port'] ?? 4010,
		opencxPort: flags['opencx-port'] ?? 4020,
		latencyMs: flags.latency,
		opencxSessions: flags['opencx-sessions'],
	});

	if (jsonReady) {
		// One machine-readable line for scripts waiting on readiness.
		console.log(JSON.stringify({ osviUrl: sandbox.osviUrl, opencxUrl: sandbox.opencxUrl }));
	} else {
		console.log(
			[
				'API sandbox running (Ctrl+C to stop)',
				`  OSVI     ${sandbox.osviUrl}   header API-Token: ${DEMO.osviToken}`,
				`  open.cx  ${sandbox.opencxUrl}   Authorization: Bearer ${DEMO.opencxKey}`,
				`           scoped keys: ${DEMO.opencxSessionsOnlyKey} (chat-sessions only), ${DEMO.opencxReadOnlyKey} (read only)`,
				'  OSVI agents:',
				...Object.entries(DEMO.agents).map(([role, id]) => `    ${role.padEnd(9)} ${id}`),
				'  admin: GET /__sandbox/requests, GET /__sandbox/stats, POST /__sandbox/reset,',
				'         POST|DELETE /__sandbox/faults, POST /__sandbox/latency, POST /__sandbox/seed',
			].join('\n'),
		);
	}

	const stop = () => {
		sandbox.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((err) => {
	console.error(`sandbox: ${err.message ?? err}`);
	process.exit(1);
});
