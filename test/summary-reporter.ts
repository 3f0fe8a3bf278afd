/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after Vitest's own summary, so that CI (which
 * reads that line, not Vitest's coloured table) can tell how many tests ran. With HEALTHBSC_TEST_SUMMARY set it
 * also writes the counts there as JSON, with each failed test's file, name and the first line of each try's error
 * (and the same for each test that passed only on a retry, which a green run otherwise hides)
 * with the line of the test file it came from (a test retried fails with one error per try: the first is the
 * fault, the later ones often only what the first left behind), for
 * scripts/run-suite.ts to add up the two projects it runs side by side and to list the failures last: CI shows
 * only the tail of the output, and one project's failures otherwise scroll away under the other's lines.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { TestError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

/** One failed test (or a file that failed outside its tests), as the summary file lists it. */
export interface FailedTest {
  readonly file: string;
  readonly name: string;
  readonly error: string;
}

function firstLine(message: string | undefined): string {
  return (message ?? '').split('\n', 1)[0]?.slice(0, 300) ?? '';
}

/** Each error's first line and, where its stack passes through the test file, that line: `… (at 87)`. */
function describeErrors(errors: ReadonlyArray<TestError> | undefined, moduleId: string): string {
  const lines = (errors ?? []).slice(0, 3).map((error) => {
    const frame = error.stacks?.find((stack) => stack.file === moduleId);
    return `${firstLine(error.message)}${frame === undefined ? '' : ` (at line ${frame.line})`}`;
  });
  return lines.length <= 1
    ? (lines[0] ?? '')
    : lines.map((line, n) => `try ${n + 1}: ${line}`).join('\n    ');
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let skipped = 0;
    const failures: FailedTest[] = [];
    // Passed only on a retry (vitest.config.ts): their first tries' errors say what is flaky, and where.
    const retried: FailedTest[] = [];
    for (const module of testModules) {
      const file = relative(process.cwd(), module.moduleId);
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') {
          passed++;
          if ((result.errors?.length ?? 0) > 0) {
            retried.push({
              file,
              name: test.fullName,
              error: describeErrors(result.errors, module.moduleId),
            });
          }
        } else if (result.state === 'failed') {
          failedHere++;
          failures.push({ file, name: test.fullName, error: describeErrors(result.errors, module.moduleId) });
        } else skipped++;
      }
      // A file whose setup failed fails without a failing test (its tests are skipped): count it once.
      if (module.state() === 'failed' && failedHere === 0) {
        failures.push({ file, name: '(the file itself)', error: firstLine(module.errors()[0]?.message) });
      }
    }
    const failed = failures.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    const summaryFile = process.env.HEALTHBSC_TEST_SUMMARY;
    if (summaryFile) {
      writeFileSync(summaryFile, JSON.stringify({ passed, failed, skipped, failures, retried }));
    }
  }
}
