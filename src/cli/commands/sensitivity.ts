/**
 * `healthbsc sensitivity FILE [--draws N] [--seed S] [--json]`: Monte Carlo weight intervals of a hierarchy,
 * the probability of each rank for each unit, and the critical value of each top-level weight.
 * Prints {"weights": [{"mean", "p05", "p95"}], "rankProbability": [[…]], "critical": […]}.
 */
import { parseArgs } from 'node:util';
import { readHierarchy, type SensitivityOptions, sensitivity } from '../../core/ahp/index.ts';
import { sensitivityInputSchema } from '../../core/contracts/ahp-input.ts';
import { invalid } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { readDocument, withSource } from '../read-document.ts';
import { fixed, renderTable } from '../text-table.ts';
import { parseAhpOptions } from './ahp-options.ts';
import { methodWords } from './method-words.ts';

export const SENSITIVITY_USAGE = `Usage: healthbsc sensitivity FILE [--draws 1000] [--seed 1] [--method …] [--json]
FILE (JSON or YAML): {"hierarchy": {…as for healthbsc ahp…}, "scores": [[…], …]}
  scores: one row per unit, one score per leaf of the hierarchy (depth-first); optional "units" names them;
  optional "perturbation": {"kind": "step", "share": 0.5} (default) or {"kind": "spread"} (the panel's spread).
The same seed gives the same numbers.`;

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw usageError(SENSITIVITY_USAGE, 'cli.option-not-allowed', {
      flag,
      allowed: 'a whole number',
      value,
    });
  }
  return n;
}

export async function runSensitivity(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      draws: { type: 'string' },
      seed: { type: 'string' },
      method: { type: 'string' },
      ri: { type: 'string' },
      threshold: { type: 'string' },
      scale: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    throw usageError(SENSITIVITY_USAGE, 'cli.takes-one-file', { command: 'sensitivity' });
  }
  const ahpOptions = parseAhpOptions(values);
  const draws = wholeNumber('draws', values.draws);
  const seed = wholeNumber('seed', values.seed);
  const doc = await readDocument(positionals[0] ?? '');
  const { result, units } = withSource(doc, (data) => {
    const parsed = sensitivityInputSchema.safeParse(data);
    if (!parsed.success) {
      throw invalid(
        'ranking.cli-input-invalid',
        { command: 'sensitivity' },
        toProblemIssues(parsed.error.issues),
      );
    }
    const input = parsed.data;
    const options: SensitivityOptions = {
      ...ahpOptions,
      aggregation: input.aggregation,
      inconsistent: input.inconsistent,
      ...(input.perturbation ? { perturbation: input.perturbation } : {}),
      ...((draws ?? input.draws) !== undefined ? { draws: draws ?? input.draws } : {}),
      ...((seed ?? input.seed) !== undefined ? { seed: seed ?? input.seed } : {}),
    };
    return {
      result: sensitivity(readHierarchy(input.hierarchy), input.scores, options),
      units: input.units ?? input.scores.map((_, i) => `${i + 1}`),
    };
  });
  if (values.json) {
    io.out(
      JSON.stringify(
        { weights: result.weights, rankProbability: result.rankProbability, critical: result.critical },
        null,
        2,
      ),
    );
    return 0;
  }
  const w = methodWords(io.lang);
  io.out(w.draws(result.draws, result.seed));
  io.out(
    renderTable(
      [w.leaf, w.mean, w.p05, w.p95],
      result.weights.map((x, l) => [`${l + 1}`, fixed(x.mean, 4), fixed(x.p05, 4), fixed(x.p95, 4)]),
      ['left', 'right', 'right', 'right'],
    ),
  );
  if (result.rankProbability.length > 0) {
    io.out('');
    io.out(w.rankProbabilityHeading);
    io.out(
      renderTable(
        [w.unit, ...units.map((_, r) => `${r + 1}`)],
        result.rankProbability.map((row, i) => [units[i] ?? `${i + 1}`, ...row.map((p) => fixed(p, 3))]),
        ['left', ...units.map((): 'right' => 'right')],
      ),
    );
    io.out('');
    io.out(w.criticalHeading);
    io.out(
      renderTable(
        [w.criterion, w.current, w.critical, w.overtakenBy],
        result.critical.map((c) => [
          `${c.criterion + 1}`,
          fixed(c.weight, 4),
          c.critical === null ? w.none : fixed(c.critical, 4),
          c.overtakenBy === null ? '–' : (units[c.overtakenBy] ?? `${c.overtakenBy + 1}`),
        ]),
        ['left', 'right', 'right', 'left'],
      ),
    );
  }
  return 0;
}
