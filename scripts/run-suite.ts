/**
 * Runs the whole test suite (`npm test`, after the checks): the unit and integration project and the end-to-end
 * project side by side, each in its own Vitest process with one worker, then prints one closing line,
 * `N passed, N failed, N skipped`, for both.
 *
 * Why not one `vitest run`: on the 2-core machines CI uses, Vitest runs one file at a time (its default is cores − 1
 * workers), so the suite took the sum of every file's time although a browser test mostly waits for Chromium and a
 * server while a unit file mostly computes. Two workers in one run could put two browser files side by side, which
 * overloads the machine; two processes, one per project, pair a browser file with a unit file only.
 *
 * The web app is built first (if stale), so that the end-to-end setup never rebuilds it while a unit test starts a
 * server that serves it. Each line a project prints is prefixed with its name (`[unit]`, `[e2e]`).
 *
 * Run: `node scripts/run-suite.ts` (what `npm test` runs). Arguments (`npm test -- src/core`) run one plain
 * `vitest run` with them instead.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FailedTest } from '../test/summary-reporter.ts';
import { ensureWebBuild, PACKAGE_ROOT } from './ensure-web-build.ts';

/** What test/summary-reporter.ts writes to the file named by HEALTHBSC_TEST_SUMMARY. */
interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures?: readonly FailedTest[];
  readonly retried?: readonly FailedTest[];
}

const VITEST = join(PACKAGE_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const PROJECTS = ['unit', 'e2e'] as const;

function runVitest(args: readonly string[], prefix: string | null, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', ...args], {
      cwd: PACKAGE_ROOT,
      env,
      stdio: prefix === null ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    if (prefix !== null) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ] as const) {
        if (stream === null) continue;
        createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) =>
          out.write(`${prefix} ${line}\n`),
        );
      }
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal === null ? 1 : 128));
    });
  });
}

const running = new Set<ReturnType<typeof spawn>>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of running) child.kill(signal);
    process.exit(130);
  });
}

async function readSummary(path: string): Promise<Summary | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Summary;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length > 0) return runVitest(args, null, process.env);

  await ensureWebBuild({ log: (message) => process.stdout.write(`${message}\n`) });
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-suite-'));
  try {
    const codes = await Promise.all(
      PROJECTS.map((project) =>
        runVitest(['--project', project], `[${project}]`, {
          ...process.env,
          HEALTHBSC_TEST_SUMMARY: join(dir, `${project}.json`),
        }),
      ),
    );
    const summaries = await Promise.all(PROJECTS.map((project) => readSummary(join(dir, `${project}.json`))));
    // A project that ended without its summary (it crashed before reporting) counts as one failure.
    const total = summaries.reduce<Summary>(
      (sum, summary) => ({
        passed: sum.passed + (summary?.passed ?? 0),
        failed: sum.failed + (summary?.failed ?? 1),
        skipped: sum.skipped + (summary?.skipped ?? 0),
      }),
      { passed: 0, failed: 0, skipped: 0 },
    );
    for (const [index, project] of PROJECTS.entries()) {
      process.stdout.write(`${project}: exit code ${codes[index]}\n`);
      // The failures again, last: each project's own list scrolls away under the other's lines.
      for (const failure of summaries[index]?.failures ?? []) {
        process.stdout.write(
          `  FAILED [${project}] ${failure.file} > ${failure.name}\n    ${failure.error}\n`,
        );
      }
      // Passed, but only on a retry: what failed first, so that a flaky test is seen before it fails a run.
      for (const flaky of summaries[index]?.retried ?? []) {
        process.stdout.write(
          `  PASSED ON RETRY [${project}] ${flaky.file} > ${flaky.name}\n    ${flaky.error}\n`,
        );
      }
      if (summaries[index] === null) process.stdout.write(`  [${project}] ended without its summary\n`);
    }
    process.stdout.write(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
    return codes.some((code) => code !== 0) || total.failed > 0 ? 1 : 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
