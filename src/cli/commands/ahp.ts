/**
 * `healthbsc ahp FILE [--method eigenvector|geometric|sum-product] [--ri TABLE] [--threshold X] [--scale S] [--json]`
 * Weights, λmax, CI, CR and repair suggestions for one judgment matrix or a group of experts' matrices.
 */
import { parseArgs } from 'node:util';
import {
  type AhpOptions,
  type AhpResult,
  aggregateGroup,
  computeAhp,
  type GroupAhpResult,
  type Matrix,
  parseJudgmentMatrix,
  type RepairSuggestion,
  suggestRepairs,
} from '../../core/ahp/index.ts';
import { ahpInputSchema } from '../../core/contracts/ahp-input.ts';
import { invalid, issue } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { readDocument, withSource } from '../read-document.ts';
import { fixed, renderTable } from '../text-table.ts';
import { parseAhpOptions } from './ahp-options.ts';

export const AHP_USAGE = `Usage: healthbsc ahp FILE [--method eigenvector|geometric|sum-product] [--ri seed002|saaty1980|alonso-lamata]
                     [--threshold 0.1] [--scale saaty|five-point|any] [--json]
FILE (JSON or YAML): {"matrix": [[1, 3], ["1/3", 1]]}  or  {"experts": [{"matrix": …, "weight": 1}, …], "aggregation": "aij"|"aip"}
An optional "labels": ["F", "C", …] names the rows.`;

export async function runAhp(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      method: { type: 'string' },
      ri: { type: 'string' },
      threshold: { type: 'string' },
      scale: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw usageError(AHP_USAGE, 'cli.takes-one-file', { command: 'ahp' });
  const options = parseAhpOptions(values);
  const doc = await readDocument(positionals[0] ?? '');
  const { result, labels, suggestions } = withSource(doc, (data) => analyse(data, options));

  if (values.json) {
    const body = {
      weights: result.weights,
      lambdaMax: result.lambdaMax,
      ci: result.ci,
      cr: result.cr,
      ri: result.ri,
      consistent: result.consistent,
      method: result.method,
      riTable: result.riTable,
      threshold: result.threshold,
      labels,
      suggestions: suggestions.map((s) => ({
        i: s.i,
        j: s.j,
        current: s.current,
        suggested: s.suggested,
        crAfter: s.crAfter,
        suggestedOnScale: s.suggestedOnScale,
        crAfterOnScale: s.crAfterOnScale,
      })),
      ...('aggregatedMatrix' in result
        ? {
            aggregation: result.aggregation,
            aggregatedMatrix: result.aggregatedMatrix,
            experts: result.experts.map((e) => ({
              weights: e.weights,
              lambdaMax: e.lambdaMax,
              cr: e.cr,
              consistent: e.consistent,
            })),
          }
        : {}),
    };
    io.out(JSON.stringify(body, null, 2));
    return 0;
  }
  io.out(
    `AHP: ${result.method} priorities, random index table ${result.riTable}, CR threshold ${result.threshold}`,
  );
  if ('aggregation' in result)
    io.out(`Group of ${result.experts.length} experts aggregated by ${result.aggregation.toUpperCase()}`);
  io.out('');
  io.out(
    renderTable(
      ['', 'weight'],
      labels.map((label, index) => [label, fixed(result.weights[index], 4)]),
      ['left', 'right'],
    ),
  );
  io.out('');
  io.out(
    `λmax = ${fixed(result.lambdaMax, 4)}   CI = ${fixed(result.ci, 4)}   RI(${result.n}) = ${result.ri}   CR = ${fixed(result.cr, 4)}`,
  );
  io.out(
    result.consistent
      ? `Consistent (CR < ${result.threshold}).`
      : `NOT consistent (CR ≥ ${result.threshold}).`,
  );
  if (suggestions.length > 0) {
    io.out('');
    io.out('Most inconsistent judgments, and the value that would make each consistent:');
    io.out(
      renderTable(
        ['judgment', 'current', 'consistent value', 'CR after', 'nearest on scale', 'CR after'],
        suggestions.map((s) => [
          `${labels[s.i]} vs ${labels[s.j]}`,
          fixed(s.current, 4),
          fixed(s.suggested, 4),
          fixed(s.crAfter, 4),
          fixed(s.suggestedOnScale, 4),
          fixed(s.crAfterOnScale, 4),
        ]),
        ['left', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  return 0;
}

interface Analysis {
  readonly result: AhpResult | GroupAhpResult;
  readonly labels: readonly string[];
  readonly suggestions: readonly RepairSuggestion[];
}

/** Validates the input whole and computes priorities, consistency and repair suggestions. */
function analyse(data: unknown, options: AhpOptions): Analysis {
  const parsed = ahpInputSchema.safeParse(data);
  if (!parsed.success) throw invalid('cli.ahp-input-invalid', {}, toProblemIssues(parsed.error.issues));
  const input = parsed.data;
  let result: AhpResult | GroupAhpResult;
  let matrix: Matrix;
  if ('matrix' in input) {
    matrix = parseJudgmentMatrix(input.matrix, ['matrix']);
    result = computeAhp(matrix, options);
  } else {
    const experts = input.experts.map((expert, index) => {
      const m = parseJudgmentMatrix(expert.matrix, ['experts', index, 'matrix']);
      return expert.weight === undefined ? { matrix: m } : { matrix: m, weight: expert.weight };
    });
    const group = aggregateGroup(experts, input.aggregation, options);
    result = group;
    matrix = group.aggregatedMatrix;
  }
  const labels = input.labels ?? result.weights.map((_, index) => `${index + 1}`);
  if (labels.length !== result.n) {
    throw invalid('cli.ahp-input-invalid', {}, [
      issue('cli.ahp-labels-count', { labels: labels.length, n: result.n }, ['labels']),
    ]);
  }
  // Shown for consistent matrices too: the weakest judgments are worth a second look either way.
  const suggestions = result.n >= 3 ? suggestRepairs(matrix, options, 3) : [];
  return { result, labels, suggestions };
}
