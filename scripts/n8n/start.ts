// `npm start`: the API sandbox plus a real n8n editor with this package installed, credentials
// for the sandbox and the example workflows imported, and an owner account to sign in with.
//
// Environment: N8N_PORT (default 5678), EDITOR_USER_FOLDER (default ~/.cache/n8n-nodes-osvi/editor;
// kept between runs so your own workflows survive), N8N_CACHE_DIR (see install.ts). Other N8N_*
// and DB_* variables are not passed on, so a shell set up for another n8n cannot redirect this one.
// Credentials "OSVI sandbox" / "open.cx sandbox" and the examples are re-imported on every start.
import { createWriteStream, mkdirSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';

import { EXAMPLES_DIR, loadWorkflows, sandboxCredentials } from './fixtures';
import { ensureN8n, seconds } from './install';
import { N8n } from './n8n';
import { DEMO_OWNER, ownerEnv } from './owner';
import { packAndInstall } from './package';
import { exitOnSignals, log, tail } from './proc';
import { Sandbox } from './sandbox';

const SANDBOX_PORTS = { osvi: 4010, opencx: 4020 };
const SUPPORT_BOT_ID = 'exOsviSupportBot';

async function main(): Promise<void> {
	const started = Date.now();
	const port = Number(process.env.N8N_PORT || 5678);
	const userFolder = process.env.EDITOR_USER_FOLDER || join(homedir(), '.cache', 'n8n-nodes-osvi', 'editor');
	mkdirSync(userFolder, { recursive: true });

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
	sandbox = await Sandbox.start(SANDBOX_PORTS);

	const n8n = new N8n(install, userFolder, { N8N_LOG_LEVEL: 'warn' });
	log('importing sandbox credentials and example workflows…');
	await n8n.importCredentials(sandboxCredentials(sandbox));
	await n8n.importWorkflows([...loadWorkflows(EXAMPLES_DIR).values()]);
	// Import leaves workflows unpublished; the support bot is published so its webhook answers.
	await n8n.cli('publish the support bot example', ['publish:workflow', `--id=${SUPPORT_BOT_ID}`]);

	log(`starting n8n on port ${port}…`);
	const server = await n8n.start(port, ownerEnv(install, DEMO_OWNER));
	stopServer = () => server.stop();
	if (!(await server.waitForPostWebhook('osvi-support-bot'))) log('the support bot webhook is not registered yet');
	const url = `http://localhost:${port}`;
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
			`  user folder      ${userFolder} (n8n's log: n8n.log)`,
			'Press Ctrl-C to stop n8n and the sandbox.',
			'',
		].join('\n'),
	);
	// n8n's own log goes to a file: offline it keeps reporting that n8n.io is unreachable.
	const logFile = createWriteStream(join(userFolder, 'n8n.log'));
	logFile.write(server.output);
	server.child.stdout!.pipe(logFile);
	server.child.stderr!.pipe(logFile);
	server.child.on('exit', (code) => {
		if (stopping) return;
		log(`n8n exited with ${code}; its log: ${join(userFolder, 'n8n.log')}\n${tail(server.output)}`);
		void sandbox?.stop().then(() => process.exit(code ?? 1));
	});
}

main().catch((error: Error) => {
	log(error.message);
	process.exit(1);
});
