const path = require('path');
const { src, dest, task } = require('gulp');

// n8n resolves `file:` icons relative to the compiled node and credential files, so the SVGs
// must sit in dist/ beside them.
task('build:icons', () =>
	src(path.resolve('icons', '**', '*.svg'), { encoding: false }).pipe(dest(path.resolve('dist', 'icons'))),
);
