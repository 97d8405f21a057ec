// Builds this package and installs it into an n8n user folder the way users get it: from the
// tarball `npm pack` makes (so the `files` list and the `n8n` block in package.json are tested too).
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import { cleanEnv } from './install';
import { log, run } from './proc';
import { REPO_ROOT } from './sandbox';

const MINUTE = 60_000;

export const PACKAGE_NAME: string = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).name;

/** Build, pack and install this package into `userFolder`; the tarball is deleted afterwards. */
export async function packAndInstall(userFolder: string, options: { skipBuild?: boolean } = {}): Promise<string> {
	const tarball = await buildAndPack(options);
	try {
		return await installPackage(tarball, userFolder);
	} finally {
		rmSync(dirname(tarball), { recursive: true, force: true });
	}
}

/** `npm run build` then `npm pack`; returns the tarball's path (in a temp dir of its own). */
export async function buildAndPack(options: { skipBuild?: boolean } = {}): Promise<string> {
	if (!options.skipBuild) {
		log('npm run build …');
		await run('npm run build', 'npm', ['run', 'build'], { cwd: REPO_ROOT, env: cleanEnv(), timeoutMs: 5 * MINUTE });
	}
	const dest = mkdtempSync(join(tmpdir(), `${PACKAGE_NAME}-pack-`));
	const packed = await run('npm pack', 'npm', ['pack', '--json', '--ignore-scripts', `--pack-destination=${dest}`], {
		cwd: REPO_ROOT,
		env: cleanEnv(),
		timeoutMs: 2 * MINUTE,
	});
	const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
	const tarball = join(dest, info.filename);
	log(`packed ${info.filename} (${info.files.length} files)`);
	return tarball;
}

/**
 * Installs the tarball into <userFolder>/.n8n/nodes, where n8n loads community packages from.
 * Peer dependencies are left out: n8n provides n8n-workflow itself, and a second copy would
 * break `instanceof` checks on its error classes.
 */
export async function installPackage(tarball: string, userFolder: string): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	// A reinstall of the same version from a new tarball must not be served from npm's cache.
	rmSync(join(nodesDir, 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
	await run(
		`install ${PACKAGE_NAME} into n8n`,
		'npm',
		['install', tarball, '--ignore-scripts', '--omit=dev', '--omit=peer', '--no-audit', '--no-fund', '--no-package-lock', '--no-save', '--loglevel=error'],
		{ cwd: nodesDir, env: cleanEnv(), timeoutMs: 3 * MINUTE },
	);
	const installed = join(nodesDir, 'node_modules', PACKAGE_NAME);
	if (!existsSync(join(installed, 'package.json'))) throw new Error(`${installed} missing after npm install`);
	log(`installed ${PACKAGE_NAME} into ${nodesDir}`);
	return installed;
}
