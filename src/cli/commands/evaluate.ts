/**
 * `healthbsc evaluate PATH [--values FILE] [--lang en|zh-CN] [--json]`
 * Evaluates a scorecard kept as files and prints a table shaped like seed 002's Table 4.14.
 */
import { parseArgs } from 'node:util';
import { toEvaluationJson } from '../../core/contracts/evaluation.ts';
import { formatPath } from '../../core/errors/problem.ts';
import type { LocalizedText } from '../../core/indicators/indicator.ts';
import {
  type ComparisonRow,
  comparePublished,
  evaluateScorecard,
  methodForPeriod,
  type ScorecardEvaluation,
} from '../../core/scorecard/index.ts';
import { usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { readLang } from '../lang.ts';
import { loadScorecard } from '../load-scorecard.ts';
import { type Lang, messages } from '../messages.ts';
import { wordNote } from '../read-document.ts';
import { fixed, renderTable } from '../text-table.ts';

export const EVALUATE_USAGE = `Usage: healthbsc evaluate PATH [--values FILE] [--lang en|zh-CN] [--json]
PATH is a directory with scorecard.yaml and values.yaml (or .yml/.json), or a scorecard file.
The format is described in docs/scorecard-format.md.`;

export async function runEvaluate(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      values: { type: 'string' },
      // main takes --lang out of every command's arguments; this is for callers of runEvaluate itself.
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1)
    throw usageError(EVALUATE_USAGE, 'cli.takes-one-path', { command: 'evaluate' });
  const lang = values.lang === undefined ? (io.lang ?? 'en') : readLang(values.lang);
  if (lang === null) throw usageError(undefined, 'cli.lang-value', { value: values.lang ?? '' });
  const loaded = await loadScorecard(positionals[0] ?? '', values.values);
  for (const warning of loaded.scorecard.warnings) {
    io.err(`warning: ${loaded.scorecardFile} ${formatPath(warning.path)}: ${wordNote(warning, lang)}`);
  }
  if (!loaded.values) throw usageError(EVALUATE_USAGE, 'cli.no-values', { file: loaded.scorecardFile });
  // A file with dated versions is scored by what held for the values' period (docs/scorecard-format.md).
  const period = loaded.values.period;
  const method =
    period === undefined ? loaded.scorecard : methodForPeriod(loaded.scorecard, period).scorecard;
  const evaluation = evaluateScorecard(method, loaded.values.inputs);
  const comparison = loaded.values.file.comparison;
  const differences = comparison ? comparePublished(evaluation, comparison) : [];

  if (values.json) {
    const json = toEvaluationJson(evaluation, {
      orgUnit: loaded.values.orgUnit,
      period: loaded.values.period,
      ...(comparison ? { comparison: { source: comparison.source, differences } } : {}),
    });
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  printEvaluation(io, evaluation, loaded.scorecard.name, lang, loaded.values.orgUnit, loaded.values.period);
  if (comparison && differences.length > 0)
    printDifferences(io, messages(lang).differ(comparison.source), differences);
  return 0;
}

function text(value: LocalizedText, lang: Lang): string {
  return lang === 'zh-CN' ? (value.zh ?? value.en) : value.en;
}

function printEvaluation(
  io: Io,
  evaluation: ScorecardEvaluation,
  name: LocalizedText,
  lang: Lang,
  orgUnit: string | undefined,
  period: string | undefined,
): void {
  const m = messages(lang);
  const context = [orgUnit, period].filter((part) => part !== undefined).join(', ');
  io.out(`${text(name, lang)}${context ? ` — ${context}` : ''}`);
  io.out('');
  const rows: string[][] = [];
  for (const perspective of evaluation.perspectives) {
    rows.push([
      perspective.id,
      text(perspective.name, lang),
      fixed(perspective.weight, 4),
      '',
      '',
      '',
      '',
      fixed(perspective.score, 2),
    ]);
    for (const indicator of perspective.indicators) {
      const decimals = indicator.decimals;
      rows.push([
        `  ${indicator.id}`,
        `  ${text(indicator.name, lang)}`,
        fixed(indicator.weight, 4),
        fixed(indicator.actual, decimals),
        indicator.kind === 'qualitative'
          ? m.rated
          : describeTarget(indicator.direction, indicator.target, decimals),
        fixed(indicator.quantified, 4),
        fixed(indicator.score, 2),
        '',
      ]);
    }
  }
  io.out(
    renderTable([m.id, m.item, m.weight, m.actual, m.target, m.quantified, m.score, m.perspective], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
    ]),
  );
  io.out('');
  const parts = evaluation.perspectives.map((p) => `${fixed(p.score, 2)} × ${fixed(p.weight, 4)}`);
  io.out(`${m.total} = ${parts.join(' + ')} = ${fixed(evaluation.total, 2)}`);
  const rating = evaluation.ratingLabel ? text(evaluation.ratingLabel, lang) : '–';
  io.out(`${m.rating}: ${rating}    ${m.coverage(fixed(evaluation.coverage * 100, 1))}`);
}

function describeTarget(
  direction: ScorecardEvaluation['perspectives'][number]['indicators'][number]['direction'],
  target: number | null,
  decimals: number,
): string {
  if (direction.kind === 'band') return `${direction.lower}–${direction.upper}`;
  const sign = direction.kind === 'higher' ? '≥' : '≤';
  return target === null ? '–' : `${sign} ${fixed(target, decimals)}`;
}

function printDifferences(io: Io, heading: string, rows: readonly ComparisonRow[]): void {
  io.out('');
  io.out(heading);
  for (const row of rows) {
    const computed = row.computed === null ? 'no value' : formatLike(row.computed, row.published);
    io.out(
      `- ${row.item} ${row.figure}: published ${row.published}, computed ${computed}${row.note ? `. ${row.note}` : ''}`,
    );
  }
}

/** Prints `value` with two more decimals than `published` had, so the difference is visible. */
function formatLike(value: number, published: number): string {
  const dot = String(published).indexOf('.');
  const decimals = dot === -1 ? 2 : String(published).length - dot - 1 + 2;
  return value.toFixed(Math.min(decimals, 6));
}
