/**
 * `healthbsc rank topsis|rsr FILE [--json]`: ranks the units (rows) of a units × criteria matrix.
 * topsis prints {"closeness": […], "ranking": […]}; rsr prints {"rsr": […], "ranking": […], "probit": […],
 * "class": […]}; `ranking[i]` is unit i's rank, 1 = best.
 */
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { rsrInputSchema, topsisInputSchema } from '../../core/contracts/ranking-input.ts';
import { invalid } from '../../core/errors/problem.ts';
import { toProblemIssues } from '../../core/errors/zod-issues.ts';
import { rankSumRatio, topsis } from '../../core/ranking/index.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { readDocument, withSource } from '../read-document.ts';
import { fixed, renderTable } from '../text-table.ts';
import { checkNames } from './method-input.ts';
import { methodWords } from './method-words.ts';

export const RANK_USAGE = `Usage: healthbsc rank topsis|rsr FILE [--json]
FILE (JSON or YAML): {"matrix": [[…], …], "criteria": [{"direction": "higher"|"lower"}, …], "weights": […]}
  topsis also takes "normalization": "vector" (default) | "minmax"; rsr takes optional "weights" (weighted RSR)
  and "cutpoints" (probit, default [4, 6]); optional "units" and "labels" name rows and columns.
Ranks are 1 = best; tied units share the average rank.`;

function parse<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw invalid('ranking.cli-input-invalid', { command: 'rank' }, toProblemIssues(parsed.error.issues));
  }
  return parsed.data;
}

export async function runRank(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [method, file, ...extra] = positionals;
  if (method !== 'topsis' && method !== 'rsr') {
    throw usageError(RANK_USAGE, 'ranking.cli-method', {
      command: 'rank',
      allowed: 'topsis, rsr',
      value: method ?? '–',
    });
  }
  if (file === undefined || extra.length > 0) {
    throw usageError(RANK_USAGE, 'cli.takes-one-file', { command: `rank ${method}` });
  }
  const doc = await readDocument(file);
  const w = methodWords(io.lang);
  if (method === 'topsis') {
    const { result, units } = withSource(doc, (data) => {
      const input = parse(topsisInputSchema, data);
      checkNames(input);
      return {
        result: topsis(input.matrix, input.weights, input.criteria, input.normalization),
        units: input.units ?? input.matrix.map((_, i) => `${i + 1}`),
      };
    });
    if (values.json) {
      io.out(JSON.stringify({ closeness: result.closeness, ranking: result.ranking }, null, 2));
      return 0;
    }
    io.out(
      renderTable(
        [w.unit, w.closeness, w.rank],
        units.map((unit, i) => [unit, fixed(result.closeness[i], 4), `${result.ranking[i]}`]),
        ['left', 'right', 'right'],
      ),
    );
    return 0;
  }
  const { result, units } = withSource(doc, (data) => {
    const input = parse(rsrInputSchema, data);
    checkNames(input);
    return {
      result: rankSumRatio(input.matrix, input.criteria, {
        ...(input.weights ? { weights: input.weights } : {}),
        ...(input.cutpoints ? { cutpoints: input.cutpoints } : {}),
      }),
      units: input.units ?? input.matrix.map((_, i) => `${i + 1}`),
    };
  });
  if (values.json) {
    io.out(
      JSON.stringify(
        { rsr: result.rsr, ranking: result.ranking, probit: result.probit, class: result.class },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(
    renderTable(
      [w.unit, w.rsr, w.rank, w.probit, w.class],
      units.map((unit, i) => [
        unit,
        fixed(result.rsr[i], 4),
        `${result.ranking[i]}`,
        fixed(result.probit[i], 4),
        `${result.class[i]}`,
      ]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
  );
  return 0;
}
