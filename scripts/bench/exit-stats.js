// Preloaded into the n8n process (`node -r`): on exit, appends "<pid> <maxRSS kB> <CPU µs>" to
// BENCH_EXIT_STATS_FILE: the exact peak resident set (getrusage ru_maxrss; sampling /proc can miss
// the last spike, such as n8n serialising the whole run just before it exits) and the CPU time the
// process used, which other load on the machine disturbs far less than wall time.
'use strict';
const { appendFileSync } = require('fs');

const file = process.env.BENCH_EXIT_STATS_FILE;
if (file) {
	process.on('exit', () => {
		try {
			const usage = process.resourceUsage();
			appendFileSync(file, `${process.pid} ${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
		} catch {
			/* the benchmark falls back to sampled values */
		}
	});
}
