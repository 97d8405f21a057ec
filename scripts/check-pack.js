#!/usr/bin/env node
// Fails unless `npm pack` would ship exactly what n8n needs: compiled nodes, credentials and
// icons, README, LICENSE and package.json. No tests, sources or maps.
const { execFileSync } = require('child_process');

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = pack.files.map((f) => f.path).sort();
const allowed = (p) =>
	['package.json', 'README.md', 'LICENSE'].includes(p) ||
	/^dist\/(nodes|credentials)\/.+\.(js|json)$/.test(p) ||
	/^dist\/icons\/.+\.svg$/.test(p);
const unexpected = files.filter((p) => !allowed(p));
const required = [
	'package.json',
	'README.md',
	'LICENSE',
	'dist/credentials/OsviApi.credentials.js',
	'dist/credentials/OpenCxApi.credentials.js',
	'dist/icons/osvi.svg',
	'dist/icons/osvi.dark.svg',
	'dist/icons/opencx.svg',
	'dist/icons/opencx.dark.svg',
	...require('../package.json').n8n.nodes.flatMap((node) => [node, node.replace(/\.js$/, '.json')]),
];
const missing = required.filter((p) => !files.includes(p));
console.log(`npm pack: ${files.length} files, ${(pack.unpackedSize / 1024).toFixed(1)} KiB unpacked`);
if (unexpected.length || missing.length) {
	if (unexpected.length) console.error(`unexpected in the tarball:\n  ${unexpected.join('\n  ')}`);
	if (missing.length) console.error(`missing from the tarball:\n  ${missing.join('\n  ')}`);
	process.exit(1);
}
