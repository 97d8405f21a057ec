// Prints jest's totals as one plain closing line ("jest: N passed, N failed, N skipped"), the
// form CI reads to tell that tests ran; jest's own summary is not in that form.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
		process.stdout.write(
			`jest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`,
		);
	}
}
module.exports = SummaryReporter;
