// Preloaded into the n8n process (`node -r`): on exit, appends the process's exact peak resident set
// (getrusage ru_maxrss, in kB) to BENCH_MAXRSS_FILE. Sampling /proc can miss the last spike, such as
// n8n serialising the whole run just before it exits.
'use strict';
const { appendFileSync } = require('fs');

const file = process.env.BENCH_MAXRSS_FILE;
if (file) {
	process.on('exit', () => {
		try {
			appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
		} catch {
			/* the benchmark falls back to sampled values */
		}
	});
}
