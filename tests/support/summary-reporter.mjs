// Prints "N passed, N failed[, N skipped]" alone on the last line, for CI.
export function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const count = (suite) => {
    for (const t of suite.tests) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite.suites) count(s);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        if (s.testResults) count(s.testResults);
        // A file that failed to load counts as one failure.
        if (!s.passed && (!s.testResults || (s.errors?.length ?? 0) > 0)) failed++;
      }
    },
    async stop() {
      // Printed at process exit so it comes after the progress bar.
      process.once('exit', () => {
        process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
      });
    },
  };
}
