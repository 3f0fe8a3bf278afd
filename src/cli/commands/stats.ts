/**
 * `healthbsc stats FILE [--json]`: one statistical test from a JSON or YAML file (docs/statistics.md), with
 * R's conventions. `--json` prints exactly the documented shape; otherwise a table in the language of --lang.
 */
import { parseArgs } from 'node:util';
import { statsInputSchema } from '../../core/contracts/stats-input.ts';
import { invalid } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';
import { runStatsInput, type StatsOutput } from '../../core/stats/index.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { readDocument, withSource } from '../read-document.ts';
import { renderTable } from '../text-table.ts';
import { statsWords } from './stats-words.ts';

export const STATS_USAGE = `Usage: healthbsc stats FILE [--json]
FILE (JSON or YAML) names one test and its data; two-sided throughout, as R:
  {"test": "two-proportion", "x": [x1, x2], "n": [n1, n2], "correct": false}   → statistic, p, ci
  {"test": "chi-square", "table": [[…], …], "correct": true}                   → statistic, p
  {"test": "fisher", "table": [[a, b], [c, d]]}                                → p, oddsRatio
  {"test": "poisson-rate", "x": [x1, x2], "t": [t1, t2]}                       → p, rateRatio, ci
  {"test": "welch" | "mann-whitney", "a": […], "b": […]}                       → statistic, p
  {"test": "mann-kendall", "y": […]}                                           → statistic, p, senSlope
  {"test": "its", "y": […], "intervention": k, "lag": L}                       → levelChange, slopeChange, se, p
  {"test": "bh", "p": […]}                                                     → adjusted
See docs/statistics.md.`;

export async function runStats(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw usageError(STATS_USAGE, 'cli.takes-one-file', { command: 'stats' });
  const doc = await readDocument(positionals[0] ?? '');
  const { test, level, output } = withSource(doc, (data) => {
    const parsed = statsInputSchema.safeParse(data);
    if (!parsed.success) throw invalid('stats.input-invalid', {}, toProblemIssues(parsed.error.issues));
    const input = parsed.data;
    return {
      test: input.test,
      level: 'level' in input ? input.level : undefined,
      output: runStatsInput(input),
    };
  });
  if (values.json) {
    // JSON has no Infinity: an unbounded odds or rate ratio prints as null (docs/statistics.md).
    io.out(JSON.stringify(output, null, 2));
    return 0;
  }
  const words = statsWords(io.lang ?? 'en');
  io.out(words.tests[test]);
  io.out('');
  io.out(renderTable([words.quantity, words.value], tableRows(output, words, level), ['left', 'right']));
  return 0;
}

function tableRows(
  output: StatsOutput,
  words: ReturnType<typeof statsWords>,
  level: number | undefined,
): string[][] {
  return Object.entries(output).map(([key, value]) => {
    const label =
      key === 'ci' && level !== undefined
        ? words.ciAt(formatNumber(level * 100))
        : key === 'p' && typeof value !== 'number'
          ? words.keys.pPair
          : (new Map<string, string>(Object.entries(words.keys)).get(key) ?? key);
    const shown = typeof value === 'number' ? formatNumber(value) : `[${value.map(formatNumber).join(', ')}]`;
    return [label, shown];
  });
}

/** Six significant digits; very small values (p-values) in exponent form; ∞ for an unbounded ratio. */
function formatNumber(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(3);
  return String(Number(value.toPrecision(6)));
}
