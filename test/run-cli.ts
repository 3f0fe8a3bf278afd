/** Runs the CLI in-process with captured output, for tests (no child process, so the suite stays fast). */
import { main } from '../src/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `env` sets the language's defaults (HEALTHBSC_LANG, LANG); none by default, so every test reads English
 * whatever the machine's locale.
 */
export async function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line) }, env);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Runs the CLI and parses its JSON output; fails the test with stderr when the command did not succeed. */
export async function runCliJson(args: readonly string[]): Promise<unknown> {
  const run = await runCli(args);
  if (run.code !== 0) throw new Error(`healthbsc ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
