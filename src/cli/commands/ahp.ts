/**
 * `healthbsc ahp FILE [--method eigenvector|geometric|sum-product] [--ri TABLE] [--threshold X] [--scale S] [--json]`
 * Weights, λmax, CI, CR and repair suggestions for one judgment matrix, a group of experts' matrices (with
 * their consensus S*) or a whole hierarchy (global weights and each node's CR).
 */
import { parseArgs } from 'node:util';
import {
  type AhpOptions,
  type AhpResult,
  analysePanel,
  computeAhp,
  computeHierarchy,
  type GroupAhpResult,
  type HierarchyResult,
  type Matrix,
  type PanelResult,
  parseJudgmentMatrix,
  type RepairSuggestion,
  readHierarchy,
  suggestRepairs,
} from '../../core/ahp/index.ts';
import { ahpInputSchema } from '../../core/contracts/ahp-input.ts';
import { invalid, issue } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { readDocument, withSource } from '../read-document.ts';
import { fixed, renderTable } from '../text-table.ts';
import { hierarchyJson, printHierarchy } from './ahp-hierarchy-output.ts';
import { parseAhpOptions } from './ahp-options.ts';
import { methodWords } from './method-words.ts';

export const AHP_USAGE = `Usage: healthbsc ahp FILE [--method eigenvector|geometric|sum-product] [--ri seed002|saaty1980|alonso-lamata]
                     [--threshold 0.1] [--scale saaty|five-point|any] [--json]
FILE (JSON or YAML): {"matrix": [[1, 3], ["1/3", 1]]}
  or {"experts": [{"matrix": …, "weight": 1}, …], "aggregation": "aij"|"aip", "inconsistent": "keep"|"exclude"}
  or {"hierarchy": {"matrix": [[…]], "children": [{"matrix": …}, {}, …]}} (a node may hold "experts" instead)
An optional "labels": ["F", "C", …] names the rows of a matrix or group.`;

interface MatrixAnalysis {
  readonly kind: 'matrix';
  readonly result: AhpResult | GroupAhpResult;
  readonly panel: PanelResult | undefined;
  readonly labels: readonly string[];
  readonly suggestions: readonly RepairSuggestion[];
}

interface HierarchyAnalysis {
  readonly kind: 'hierarchy';
  readonly result: HierarchyResult;
}

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
  const analysis = withSource(doc, (data) => analyse(data, options));
  if (analysis.kind === 'hierarchy') {
    if (values.json) io.out(JSON.stringify(hierarchyJson(analysis.result), null, 2));
    else printHierarchy(analysis.result, io);
    return 0;
  }
  if (values.json) io.out(JSON.stringify(matrixJson(analysis), null, 2));
  else printMatrix(analysis, io);
  return 0;
}

function matrixJson({ result, panel, labels, suggestions }: MatrixAnalysis) {
  return {
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
    ...(panel && 'aggregatedMatrix' in result
      ? {
          aggregation: result.aggregation,
          aggregatedMatrix: result.aggregatedMatrix,
          consensus: panel.consensus.sStar,
          inconsistent: panel.inconsistent,
          experts: panel.experts.map((e) => ({
            weights: e.weights,
            lambdaMax: e.lambdaMax,
            cr: e.cr,
            consistent: e.consistent,
            included: e.included,
          })),
          spread: panel.spread,
          choices: panel.choices,
        }
      : {}),
  };
}

function printMatrix({ result, panel, labels, suggestions }: MatrixAnalysis, io: Io): void {
  const w = methodWords(io.lang);
  io.out(w.ahpHeading(result.method, result.riTable, result.threshold));
  if ('aggregation' in result) io.out(w.group(result.experts.length, result.aggregation.toUpperCase()));
  io.out('');
  io.out(
    renderTable(
      ['', w.weight],
      labels.map((label, index) => [label, fixed(result.weights[index], 4)]),
      ['left', 'right'],
    ),
  );
  io.out('');
  io.out(
    `λmax = ${fixed(result.lambdaMax, 4)}   CI = ${fixed(result.ci, 4)}   RI(${result.n}) = ${result.ri}   CR = ${fixed(result.cr, 4)}`,
  );
  io.out(result.consistent ? w.consistent(result.threshold) : w.notConsistent(result.threshold));
  if (panel) {
    io.out('');
    io.out(w.consensus(fixed(panel.consensus.sStar, 4)));
    io.out(
      renderTable(
        [w.expert, 'CR', w.included],
        panel.experts.map((e, k) => [`${k + 1}`, fixed(e.cr, 4), e.included ? w.yes : w.no]),
        ['left', 'right', 'left'],
      ),
    );
    const { keep, exclude } = panel.choices;
    if (exclude && exclude.count !== keep.count) io.out(w.choice(fixed(keep.cr, 4), fixed(exclude.cr, 4)));
  }
  if (suggestions.length > 0) {
    io.out('');
    io.out(w.repairsHeading);
    io.out(
      renderTable(
        [...w.repairHeader],
        suggestions.map((s) => [
          `${labels[s.i]} ${w.versus} ${labels[s.j]}`,
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
}

/** Validates the input whole and computes priorities, consistency, consensus and repair suggestions. */
function analyse(data: unknown, options: AhpOptions): MatrixAnalysis | HierarchyAnalysis {
  const parsed = ahpInputSchema.safeParse(data);
  if (!parsed.success) throw invalid('cli.ahp-input-invalid', {}, toProblemIssues(parsed.error.issues));
  const input = parsed.data;
  if ('hierarchy' in input) {
    const root = readHierarchy(input.hierarchy);
    const result = computeHierarchy(root, {
      ...options,
      aggregation: input.aggregation,
      inconsistent: input.inconsistent,
    });
    return { kind: 'hierarchy', result };
  }
  let result: AhpResult | GroupAhpResult;
  let matrix: Matrix;
  let panel: PanelResult | undefined;
  if ('matrix' in input) {
    matrix = parseJudgmentMatrix(input.matrix, ['matrix']);
    result = computeAhp(matrix, options);
  } else {
    const experts = input.experts.map((expert, index) => {
      const m = parseJudgmentMatrix(expert.matrix, ['experts', index, 'matrix']);
      return expert.weight === undefined ? { matrix: m } : { matrix: m, weight: expert.weight };
    });
    panel = analysePanel(experts, {
      ...options,
      aggregation: input.aggregation,
      inconsistent: input.inconsistent,
    });
    result = panel.group;
    matrix = panel.group.aggregatedMatrix;
  }
  const labels = input.labels ?? result.weights.map((_, index) => `${index + 1}`);
  if (labels.length !== result.n) {
    throw invalid('cli.ahp-input-invalid', {}, [
      issue('cli.ahp-labels-count', { labels: labels.length, n: result.n }, ['labels']),
    ]);
  }
  // Shown for consistent matrices too: the weakest judgments are worth a second look either way.
  const suggestions = result.n >= 3 ? suggestRepairs(matrix, options, 3) : [];
  return { kind: 'matrix', result, panel, labels, suggestions };
}
