// `npm start`: the API sandbox plus a real n8n editor with this package installed, credentials
// for the sandbox and the example workflows imported, and an owner account to sign in with.
//
// Environment: N8N_PORT (default 5678), N8N_USER_FOLDER (default ~/.cache/n8n-nodes-osvi/editor;
// kept between runs so your own workflows survive), N8N_CACHE_DIR (see install.ts).
// Credentials "OSVI sandbox" / "open.cx sandbox" and the examples are re-imported on every start.
import { mkdirSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';

import { EXAMPLES_DIR, loadWorkflows, sandboxCredentials } from './fixtures';
import { ensureN8n, seconds } from './install';
import { N8n } from './n8n';
import { DEMO_OWNER, ownerEnv } from './owner';
import { buildAndPack, installPackage } from './package';
import { exitOnSignals, log } from './proc';
import { Sandbox } from './sandbox';

const SANDBOX_PORTS = { osvi: 4010, opencx: 4020 };

async function main(): Promise<void> {
	const started = Date.now();
	const port = Number(process.env.N8N_PORT || 5678);
	const userFolder = process.env.N8N_USER_FOLDER || join(homedir(), '.cache', 'n8n-nodes-osvi', 'editor');
	mkdirSync(userFolder, { recursive: true });

	let sandbox: Sandbox | undefined;
	let stopServer: (() => Promise<void>) | undefined;
	exitOnSignals(async () => {
		await stopServer?.();
		await sandbox?.stop();
	});

	const install = await ensureN8n();
	await installPackage(await buildAndPack(), userFolder);
	sandbox = await Sandbox.start(SANDBOX_PORTS);

	const n8n = new N8n(install, userFolder, { N8N_LOG_LEVEL: 'warn' });
	log('importing sandbox credentials and example workflows…');
	await n8n.importCredentials(sandboxCredentials(sandbox));
	await n8n.importWorkflows([...loadWorkflows(EXAMPLES_DIR).values()]);

	log(`starting n8n on port ${port}…`);
	const server = await n8n.start(port, ownerEnv(install, DEMO_OWNER));
	stopServer = () => server.stop();
	const url = `http://localhost:${port}`;
	process.stdout.write(
		[
			'',
			`n8n is ready after ${seconds(started)} s: ${url}`,
			`  sign in with   ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
			`  OSVI sandbox   ${sandbox.osviUrl}   (credential "OSVI sandbox", agent ID agent_DemoSupport_01)`,
			`  open.cx sandbox ${sandbox.opencxUrl}  (credential "open.cx sandbox")`,
			`  user folder    ${userFolder}`,
			'Press Ctrl-C to stop n8n and the sandbox.',
			'',
		].join('\n'),
	);
	// Show n8n's own warnings and errors from here on.
	server.child.stdout!.pipe(process.stderr);
	server.child.stderr!.pipe(process.stderr);
	server.child.on('exit', (code) => {
		log(`n8n exited with ${code}`);
		void sandbox?.stop().then(() => process.exit(code ?? 1));
	});
}

main().catch((error: Error) => {
	log(error.message);
	process.exit(1);
});
