// `npm start`: the API sandbox plus a real n8n editor with this package installed, credentials
// for the sandbox and the example workflows imported, and an owner account to sign in with.
//
//   npm start -- --port 5690 --broker-port 5691 --osvi-port 4011 --opencx-port 4021
//
// Ports: flag, else variable (N8N_PORT, N8N_RUNNERS_BROKER_PORT, OSVI_SANDBOX_PORT,
// OPENCX_SANDBOX_PORT), else the default; a default that is taken moves to the next free port.
// N8N_LOG_LEVEL (default info) sets n8n's log. Other N8N_*, DB_* and queue variables are not
// passed on, so a shell set up for another n8n cannot redirect this one.
// EDITOR_USER_FOLDER (default ~/.cache/n8n-nodes-osvi/editor; kept between runs so your own
// workflows survive), N8N_CACHE_DIR (see install.ts).
// Credentials "OSVI sandbox" / "open.cx sandbox" and the examples are re-imported on every start.
import { createWriteStream, mkdirSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';

import { EXAMPLES_DIR, loadWorkflows, sandboxCredentials } from './fixtures';
import { ensureN8n, seconds } from './install';
import { N8n, startFailureReason } from './n8n';
import { DEMO_OWNER, ownerEnv } from './owner';
import { packAndInstall } from './package';
import { choosePorts, type ChosenPort, type PortSetting } from './ports';
import { exitOnSignals, log } from './proc';
import { Sandbox } from './sandbox';

const PORTS = {
	editor: { what: 'n8n editor', flag: '--port', env: 'N8N_PORT', fallback: 5678 },
	broker: { what: 'n8n task broker (it runs Code nodes)', flag: '--broker-port', env: 'N8N_RUNNERS_BROKER_PORT', fallback: 5679 },
	osvi: { what: 'OSVI sandbox', flag: '--osvi-port', env: 'OSVI_SANDBOX_PORT', fallback: 4010 },
	opencx: { what: 'open.cx sandbox', flag: '--opencx-port', env: 'OPENCX_SANDBOX_PORT', fallback: 4020 },
} satisfies Record<string, PortSetting>;
const USAGE = `npm start [-- ${Object.values(PORTS).map((p) => `${p.flag} N`).join(' ')}]`;
const SUPPORT_BOT_ID = 'exOsviSupportBot';

function checkFlags(argv: string[]): void {
	if (argv.includes('--help')) {
		process.stdout.write(`${USAGE}\n${Object.values(PORTS).map((p) => `  ${p.flag.padEnd(15)} or ${p.env.padEnd(24)} ${p.what} (default ${p.fallback})`).join('\n')}\n`);
		process.exit(0);
	}
	const known = Object.values(PORTS).map((p) => p.flag);
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i].split('=')[0];
		if (!known.includes(flag)) throw new Error(`unknown flag ${argv[i]}\n${USAGE}`);
		if (!argv[i].includes('=')) i++;
	}
}

function describe(chosen: ChosenPort): string {
	return chosen.source === 'default' ? '' : ` (${chosen.source})`;
}

async function main(): Promise<void> {
	const started = Date.now();
	const argv = process.argv.slice(2);
	checkFlags(argv);
	const ports = await choosePorts(PORTS, argv);
	log(`ports: editor ${ports.editor.port}${describe(ports.editor)}, task broker ${ports.broker.port}${describe(ports.broker)}, OSVI sandbox ${ports.osvi.port}${describe(ports.osvi)}, open.cx sandbox ${ports.opencx.port}${describe(ports.opencx)}`);
	const userFolder = process.env.EDITOR_USER_FOLDER || join(homedir(), '.cache', 'n8n-nodes-osvi', 'editor');
	mkdirSync(userFolder, { recursive: true });
	const logPath = join(userFolder, 'n8n.log');

	let sandbox: Sandbox | undefined;
	let stopServer: (() => Promise<void>) | undefined;
	let stopping = false;
	exitOnSignals(async () => {
		stopping = true;
		await stopServer?.();
		await sandbox?.stop();
	});

	const install = await ensureN8n();
	await packAndInstall(userFolder);
	sandbox = await Sandbox.start({ osvi: ports.osvi.port, opencx: ports.opencx.port });

	// Every n8n command gets the broker port: any of them may start the task broker.
	const n8n = new N8n(install, userFolder, { N8N_LOG_LEVEL: 'warn', N8N_RUNNERS_BROKER_PORT: String(ports.broker.port) });
	log('importing sandbox credentials and example workflows…');
	await n8n.importCredentials(sandboxCredentials(sandbox));
	await n8n.importWorkflows([...loadWorkflows(EXAMPLES_DIR).values()]);
	// Import leaves workflows unpublished; the support bot is published so its webhook answers.
	await n8n.cli('publish the support bot example', ['publish:workflow', `--id=${SUPPORT_BOT_ID}`]);

	log(`starting n8n on port ${ports.editor.port}…`);
	// Info level: n8n reports some reasons to stop (the task broker's port clash) only there.
	const logLevel = process.env.N8N_LOG_LEVEL || 'info';
	const server = await n8n.start(ports.editor.port, { ...ownerEnv(install, DEMO_OWNER), N8N_LOG_LEVEL: logLevel }).catch((error: Error) => {
		writeFileSync(logPath, `${error.message}\n`);
		// The ports were free a moment ago: another program took one since.
		const hint = /already in use/.test(error.message) ? `\nRun npm start again, or choose the ports: ${USAGE}` : '';
		throw new Error(`${error.message}${hint}`);
	});
	stopServer = () => server.stop();
	if (!(await server.waitForPostWebhook('osvi-support-bot'))) log('the support bot webhook is not registered yet');
	const url = `http://localhost:${ports.editor.port}`;
	process.stdout.write(
		[
			'',
			`n8n is ready after ${seconds(started)} s: ${url}/home/workflows`,
			`  sign in with     ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
			`  examples         the workflows from examples/, with credentials "OSVI sandbox" and "open.cx sandbox"`,
			`  OSVI sandbox     ${sandbox.osviUrl}  (agent ID agent_DemoSupport_01)`,
			`  open.cx sandbox  ${sandbox.opencxUrl}`,
			`  support bot      curl -X POST ${url}/webhook/osvi-support-bot -H 'content-type: application/json' \\`,
			`                     -d '{"customer_id":"+15551112222","message":"Hi! Can a human help me?"}'`,
			`  task broker      127.0.0.1:${ports.broker.port} (n8n's, for Code nodes)`,
			`  user folder      ${userFolder} (n8n's log: n8n.log)`,
			'Press Ctrl-C to stop n8n and the sandbox.',
			'',
		].join('\n'),
	);
	// n8n's own log goes to a file: offline it keeps reporting that n8n.io is unreachable.
	const logFile = createWriteStream(logPath);
	logFile.write(server.output);
	server.child.stdout!.pipe(logFile);
	server.child.stderr!.pipe(logFile);
	server.child.on('exit', (code) => {
		if (stopping) return;
		// Let the last lines arrive: n8n logs why it stops just before it exits.
		setTimeout(() => {
			log(`n8n exited with ${code}; its log: ${logPath}\n${startFailureReason(server.output)}`);
			void sandbox?.stop().then(() => process.exit(code ?? 1));
		}, 500);
	});
}

main().catch((error: Error) => {
	log(error.message);
	process.exit(1);
});
