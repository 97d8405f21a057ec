// Preloaded into the n8n process (`node -r`): on exit, appends "<pid> <maxRSS kB> <CPU µs>
// <expressions>" to BENCH_EXIT_STATS_FILE:
// - the exact peak resident set (getrusage ru_maxrss; sampling /proc can miss the last spike, such as
//   n8n serialising the whole run just before it exits);
// - the CPU time the process used, which other load on the machine disturbs far less than wall time;
// - how many expressions (`={{ … }}` values) n8n evaluated: the main per-item cost of a node in
//   n8n 2.x, where each one runs in the isolated-vm expression engine.
'use strict';
const { appendFileSync } = require('fs');
const { dirname } = require('path');

const file = process.env.BENCH_EXIT_STATS_FILE;
if (file) {
	let expressions = -1;
	try {
		// argv[1] is n8n's bin/n8n: resolve the n8n-workflow n8n itself loads, and count its evaluations.
		const workflow = require(require.resolve('n8n-workflow', { paths: [dirname(process.argv[1])] }));
		const proto = workflow.Expression.prototype;
		const resolve = proto.resolveSimpleParameterValue;
		expressions = 0;
		proto.resolveSimpleParameterValue = function (value, ...rest) {
			if (typeof value === 'string' && value.charAt(0) === '=') expressions++;
			return resolve.call(this, value, ...rest);
		};
	} catch {
		/* counted as -1: unknown */
	}
	process.on('exit', () => {
		try {
			const usage = process.resourceUsage();
			appendFileSync(file, `${process.pid} ${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime} ${expressions}\n`);
		} catch {
			/* the benchmark falls back to sampled values */
		}
	});
}
