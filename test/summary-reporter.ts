/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after Vitest's own summary, so that CI (which
 * reads that line, not Vitest's coloured table) can tell how many tests ran. With HEALTHBSC_TEST_SUMMARY set it
 * also writes the counts there as JSON, for scripts/run-suite.ts to add up the two projects it runs side by side.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file whose setup failed fails without a failing test (its tests are skipped): count it once.
      if (module.state() === 'failed' && failedHere === 0) failedHere = 1;
      failed += failedHere;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    const file = process.env.HEALTHBSC_TEST_SUMMARY;
    if (file) writeFileSync(file, JSON.stringify({ passed, failed, skipped }));
  }
}
