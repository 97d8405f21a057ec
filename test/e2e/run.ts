// `npm run test:e2e`: this package in a real, pinned n8n (scripts/n8n/install.ts), against the
// API sandbox. Builds and packs the package, installs the tarball where n8n loads community
// packages, imports credentials and workflows (test/e2e/workflows, examples), runs them with
// `n8n execute`, then starts the n8n server once for what only it can show (credential types,
// credential tests, a webhook-triggered example).
//
//   E2E_ONLY=<text>   run only the tests whose name contains <text> (set-up still runs)
//   E2E_KEEP=1        keep the temporary n8n user folder and print its path
//   E2E_SKIP_BUILD=1  pack the existing dist/ without `npm run build`
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { EXAMPLES_DIR, loadWorkflows, sandboxCredentials } from '../../scripts/n8n/fixtures';
import { ensureN8n, seconds } from '../../scripts/n8n/install';
import { N8n, type WorkflowFile } from '../../scripts/n8n/n8n';
import { packAndInstall } from '../../scripts/n8n/package';
import { exitOnSignals, freePort, killAllChildren, log } from '../../scripts/n8n/proc';
import { Sandbox } from '../../scripts/n8n/sandbox';
import { executionCases } from './cases';
import { loadChecks } from './cases/load';
import { serverChecks } from './cases/server';
import type { E2eContext } from './context';

/** The whole run, install included, must finish well inside CI's budget. */
const OVERALL_TIMEOUT_MS = 25 * 60_000;
const WORKFLOWS_DIR = join(__dirname, 'workflows');

export interface E2eTest {
	name: string;
	run: () => Promise<void>;
}

const results: Array<{ name: string; ok: boolean; ms: number }> = [];

async function runTest(test: E2eTest): Promise<void> {
	const only = process.env.E2E_ONLY;
	if (only && !test.name.toLowerCase().includes(only.toLowerCase())) return;
	const started = Date.now();
	try {
		await test.run();
		results.push({ name: test.name, ok: true, ms: Date.now() - started });
		process.stdout.write(`  ✓ ${test.name} (${seconds(started)} s)\n`);
	} catch (error) {
		results.push({ name: test.name, ok: false, ms: Date.now() - started });
		const message = (error as Error).message ?? String(error);
		process.stdout.write(`  ✗ ${test.name}\n${message.replace(/^/gm, '      ')}\n`);
	}
}

function allWorkflows(): WorkflowFile[] {
	const workflows = [...loadWorkflows(WORKFLOWS_DIR).values(), ...loadWorkflows(EXAMPLES_DIR).values()];
	const seen = new Set<string>();
	for (const workflow of workflows) {
		if (seen.has(workflow.id)) throw new Error(`two workflows share the id ${workflow.id}`);
		seen.add(workflow.id);
	}
	return workflows;
}

async function main(): Promise<number> {
	const started = Date.now();
	const watchdog = setTimeout(() => {
		log(`e2e run exceeded ${OVERALL_TIMEOUT_MS / 60_000} minutes; stopping`);
		killAllChildren('SIGKILL');
		process.exit(1);
	}, OVERALL_TIMEOUT_MS);
	watchdog.unref();

	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-nodes-osvi-e2e-'));
	let sandbox: Sandbox | undefined;
	const cleanup = async () => {
		await sandbox?.stop();
		if (process.env.E2E_KEEP) log(`kept n8n user folder ${userFolder}`);
		else rmSync(userFolder, { recursive: true, force: true });
	};
	exitOnSignals(cleanup);

	try {
		const install = await ensureN8n();
		log(`n8n ready after ${seconds(started)} s`);
		await packAndInstall(userFolder, { skipBuild: !!process.env.E2E_SKIP_BUILD });
		sandbox = await Sandbox.start({ osvi: 0, opencx: 0 });
		// Its own task-broker port, so the run does not collide with an n8n already running here.
		const n8n = new N8n(install, userFolder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		const workflows = allWorkflows();
		let step = Date.now();
		await n8n.importCredentials(sandboxCredentials(sandbox));
		await n8n.importWorkflows(workflows);
		log(`imported 2 credentials and ${workflows.length} workflows in ${seconds(step)} s`);
		const ctx: E2eContext = { n8n, sandbox };

		process.stdout.write('\nn8n loads the package\n');
		for (const test of loadChecks(ctx, workflows)) await runTest(test);

		process.stdout.write('\nworkflows run with n8n execute\n');
		for (const testCase of executionCases) {
			await runTest({
				name: testCase.name,
				run: async () => {
					await ctx.sandbox.reset();
					await testCase.before?.(ctx);
					const run = await n8n.execute(testCase.workflowId);
					// Kept with E2E_KEEP=1: the whole run as n8n printed it, to see why a check failed.
					writeFileSync(join(userFolder, `run-${testCase.workflowId}.json`), JSON.stringify(run.raw, null, 2));
					await testCase.check(run, ctx);
				},
			});
		}

		process.stdout.write('\nthe n8n server\n');
		step = Date.now();
		const server = serverChecks(ctx, install);
		try {
			for (const test of server.tests) await runTest(test);
		} finally {
			await server.stop();
		}
		log(`server checks took ${seconds(step)} s`);
	} catch (error) {
		results.push({ name: 'set-up', ok: false, ms: 0 });
		process.stdout.write(`\n  ✗ set-up failed: ${(error as Error).message}\n`);
	} finally {
		await cleanup();
	}

	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	// The plain closing line CI reads: nothing may follow the counts on it.
	process.stdout.write(`\ne2e took ${seconds(started)} s\ne2e: ${passed} passed, ${failed} failed\n`);
	return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		log(error.stack ?? error.message);
		process.exit(1);
	},
);
