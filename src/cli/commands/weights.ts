/**
 * `healthbsc weights entropy|critic FILE [--json]`: objective weights of the criteria of a units × criteria
 * matrix. FILE: {"matrix": [[…], …], "criteria": [{"direction": "higher"|"lower"}, …]}; prints {"weights": […]}.
 */
import { parseArgs } from 'node:util';
import { objectiveWeightsInputSchema } from '../../core/contracts/ranking-input.ts';
import { invalid } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';
import { criticWeights, entropyWeights } from '../../core/ranking/index.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { readDocument, withSource } from '../read-document.ts';
import { fixed, renderTable } from '../text-table.ts';
import { checkNames } from './method-input.ts';
import { methodWords } from './method-words.ts';

export const WEIGHTS_USAGE = `Usage: healthbsc weights entropy|critic FILE [--json]
FILE (JSON or YAML): {"matrix": [[…], …], "criteria": [{"direction": "higher"|"lower"}, …]}
  rows are units, columns criteria; optional "units" and "labels" name them.
Prints {"weights": […]}. Entropy takes p = x / column total on the values as given (a "lower" column is first
reflected, x' = max + min − x); CRITIC uses min–max normalisation, the sample SD and Pearson correlation.`;

const METHODS = { entropy: entropyWeights, critic: criticWeights } as const;

export async function runWeights(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [method, file, ...extra] = positionals;
  if (method !== 'entropy' && method !== 'critic') {
    throw usageError(WEIGHTS_USAGE, 'ranking.cli-method', {
      command: 'weights',
      allowed: 'entropy, critic',
      value: method ?? '–',
    });
  }
  if (file === undefined || extra.length > 0) {
    throw usageError(WEIGHTS_USAGE, 'cli.takes-one-file', { command: `weights ${method}` });
  }
  const doc = await readDocument(file);
  const { weights, labels } = withSource(doc, (data) => {
    const parsed = objectiveWeightsInputSchema.safeParse(data);
    if (!parsed.success) {
      throw invalid(
        'ranking.cli-input-invalid',
        { command: 'weights' },
        toProblemIssues(parsed.error.issues),
      );
    }
    const input = parsed.data;
    checkNames(input);
    return {
      weights: METHODS[method](input.matrix, input.criteria),
      labels: input.labels ?? input.criteria.map((_, j) => `${j + 1}`),
    };
  });
  if (values.json) {
    io.out(JSON.stringify({ weights }, null, 2));
    return 0;
  }
  const w = methodWords(io.lang);
  io.out(
    renderTable(
      [w.criterion, w.weight],
      labels.map((label, j) => [label, fixed(weights[j], 4)]),
      ['left', 'right'],
    ),
  );
  return 0;
}
