const path = require('path');
const { src, dest, task } = require('gulp');

// n8n resolves `file:` icons relative to the compiled node and credential files, so the SVGs
// must sit in dist/ beside them.
task('build:icons', () =>
	src(path.resolve('icons', '**', '*.svg'), { encoding: false }).pipe(dest(path.resolve('dist', 'icons'))),
);

// A build starts from an empty dist/: a file left from an older layout (dist/nodes/shared/preflight.js
// beside preflight/index.js) shadows the new one, and n8n then fails to load the whole package.
task('clean', (done) => {
	require('fs').rmSync(path.resolve('dist'), { recursive: true, force: true });
	done();
});
