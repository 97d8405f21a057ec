// `npm run test:e2e`: this package in real, pinned n8n versions (scripts/n8n/install.ts), against
// the API sandbox. Builds and packs the package once; then, for each n8n version of the matrix,
// installs the tarball where n8n loads community packages, imports credentials and workflows
// (test/e2e/workflows, examples), runs them with `n8n execute`, then starts the n8n server once
// for what only it can show (credential types, credential tests, a webhook-triggered example).
// Ends with the matrix: every test against every version.
//
//   --n8n-version=<v>[,<v>]  (or OSVI_N8N_VERSION) run on these versions only; default: all of
//                     N8N_VERSIONS in scripts/n8n/install.ts (1.123.81 and 2.40.7), installed concurrently
//   E2E_ONLY=<text>   run only the tests whose name contains <text> (set-up still runs)
//   E2E_KEEP=1        keep the temporary n8n user folders and print their paths
//   E2E_SKIP_BUILD=1  pack the existing dist/ without `npm run build`
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import { EXAMPLES_DIR, loadWorkflows, sandboxCredentials } from '../../scripts/n8n/fixtures';
import { ensureN8n, majorOf, N8N_VERSIONS, requestedVersions, seconds, type N8nInstall } from '../../scripts/n8n/install';
import { N8n, type WorkflowFile } from '../../scripts/n8n/n8n';
import { buildAndPack, installPackage } from '../../scripts/n8n/package';
import { exitOnSignals, freePort, killAllChildren, log } from '../../scripts/n8n/proc';
import { Sandbox } from '../../scripts/n8n/sandbox';
import { executionCases } from './cases';
import { loadChecks } from './cases/load';
import { serverChecks } from './cases/server';
import { TWO_X_ONLY_WORKFLOWS } from './cases/triggers';
import type { E2eContext } from './context';

/** The suites on every version, once n8n is installed, must finish well inside CI's budget. */
const OVERALL_TIMEOUT_MS = 25 * 60_000;
const WORKFLOWS_DIR = join(__dirname, 'workflows');

export interface E2eTest {
	name: string;
	run: () => Promise<void>;
}

interface Result {
	name: string;
	ok: boolean;
	ms: number;
}

/** Results per n8n version, in the order the tests ran. */
const matrix = new Map<string, Result[]>();
let results: Result[] = [];

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

/** The whole suite against one installed n8n; results go to `results`. */
async function runSuite(install: N8nInstall, tarball: string): Promise<void> {
	const started = Date.now();
	const userFolder = mkdtempSync(join(tmpdir(), `n8n-nodes-osvi-e2e-${install.version}-`));
	let sandbox: Sandbox | undefined;
	const cleanup = async () => {
		await sandbox?.stop();
		sandbox = undefined;
		if (process.env.E2E_KEEP) log(`kept n8n ${install.version} user folder ${userFolder}`);
		else rmSync(userFolder, { recursive: true, force: true });
	};
	exitOnSignals(cleanup);

	try {
		await installPackage(tarball, userFolder);
		sandbox = await Sandbox.start({ osvi: 0, opencx: 0 });
		// Its own task-broker port, so the run does not collide with an n8n already running here.
		const n8n = new N8n(install, userFolder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		// A workflow n8n 1.x cannot load is left out there (see TWO_X_ONLY_WORKFLOWS), saying so.
		const workflows = allWorkflows().filter((w) => majorOf(install.version) >= 2 || !TWO_X_ONLY_WORKFLOWS.has(w.id));
		if (majorOf(install.version) < 2) log(`n8n ${install.version}: not imported (needs n8n 2.x): ${[...TWO_X_ONLY_WORKFLOWS].join(', ')}`);
		let step = Date.now();
		await n8n.importCredentials(sandboxCredentials(sandbox));
		await n8n.importWorkflows(workflows);
		log(`n8n ${install.version}: imported 2 credentials and ${workflows.length} workflows in ${seconds(step)} s`);
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
		log(`n8n ${install.version}: server checks took ${seconds(step)} s`);
	} catch (error) {
		results.push({ name: 'set-up', ok: false, ms: 0 });
		process.stdout.write(`\n  ✗ set-up failed: ${(error as Error).message}\n`);
	} finally {
		await cleanup();
		log(`n8n ${install.version}: suite took ${seconds(started)} s`);
	}
}

/** One row per test, one column per version: ✓ passed, ✗ failed, - did not run there. */
function printMatrix(versions: string[]): void {
	const names: string[] = [];
	for (const version of versions) for (const r of matrix.get(version) ?? []) if (!names.includes(r.name)) names.push(r.name);
	const width = Math.min(100, Math.max(...names.map((n) => n.length), 10));
	const cell = (version: string, name: string) => {
		const result = matrix.get(version)?.find((r) => r.name === name);
		return (result ? (result.ok ? '✓' : '✗') : '-').padEnd(`n8n ${version}`.length);
	};
	const lines = [
		'',
		`e2e matrix ${''.padEnd(width - 10)}  ${versions.map((v) => `n8n ${v}`).join('  ')}`,
		...names.map((name) => {
			const label = name.length > width ? `${name.slice(0, width - 1)}…` : name.padEnd(width);
			return `${label}  ${versions.map((v) => cell(v, name)).join('  ')}`;
		}),
		`${'passed / failed'.padEnd(width)}  ${versions
			.map((v) => {
				const list = matrix.get(v) ?? [];
				const passed = list.filter((r) => r.ok).length;
				return `${passed} / ${list.length - passed}`.padEnd(`n8n ${v}`.length);
			})
			.join('  ')}`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<number> {
	const started = Date.now();
	// Armed once n8n is installed: first installs (minutes, once per machine) have their own timeouts.
	const armWatchdog = () =>
		setTimeout(() => {
			log(`e2e run exceeded ${OVERALL_TIMEOUT_MS / 60_000} minutes after the install; stopping`);
			killAllChildren('SIGKILL');
			process.exit(1);
		}, OVERALL_TIMEOUT_MS).unref();

	const versions = requestedVersions(Object.keys(N8N_VERSIONS));
	log(`n8n versions: ${versions.join(', ')} (2.41 and later do not install from the registry reachable here)`);
	let tarballDir: string | undefined;
	try {
		// The installs (minutes when cold, each its own folder and lock) run concurrently with the build.
		const [installs, tarball] = await Promise.all([
			Promise.all(versions.map((version) => ensureN8n(version))),
			buildAndPack({ skipBuild: !!process.env.E2E_SKIP_BUILD }),
		]);
		tarballDir = dirname(tarball);
		armWatchdog();
		log(`n8n ${versions.join(' and ')} ready after ${seconds(started)} s`);
		for (const install of installs) {
			process.stdout.write(`\n=== n8n ${install.version} ===\n`);
			results = [];
			matrix.set(install.version, results);
			await runSuite(install, tarball);
		}
	} catch (error) {
		for (const version of versions) if (!matrix.has(version)) matrix.set(version, [{ name: 'set-up', ok: false, ms: 0 }]);
		process.stdout.write(`\n  ✗ set-up failed: ${(error as Error).message}\n`);
	} finally {
		if (tarballDir) rmSync(tarballDir, { recursive: true, force: true });
	}

	printMatrix(versions);
	const all = [...matrix.values()].flat();
	const passed = all.filter((r) => r.ok).length;
	const failed = all.length - passed;
	// The plain closing line CI reads: nothing may follow the counts on it.
	process.stdout.write(`\ne2e took ${seconds(started)} s\ne2e: ${passed} passed, ${failed} failed\n`);
	return failed === 0 && versions.every((v) => matrix.get(v)?.some((r) => r.ok)) ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		log(error.stack ?? error.message);
		process.exit(1);
	},
);
