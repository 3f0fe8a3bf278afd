/**
 * The content of an evaluation report (seed 002_db9e4dc6af8d1a80.txt, chapter 4 is its shape): cover, summary,
 * the weight tables with their AHP consistency checks (Tables 4.1–4.6), each perspective's indicator table
 * (Tables 4.7 and 4.9), the perspective scores and the composite (Table 4.14), the charts' data, the indicators
 * needing attention with their actions, the data-quality notes and where the method differs from a published
 * source. Built from plain data, worded in one language; the PDF and the workbook (src/server/reports) render the
 * same tables, so a figure in one is the figure in the other.
 */
import type { EvaluationJson } from '../contracts/evaluation.ts';
import type { MessageLang } from '../errors/messages/define-messages.ts';
import { type ReportWord, reportWord } from './report-words.ts';

/** Text in both languages, as scorecards name things. */
export interface Localized {
  readonly en: string;
  readonly zh?: string | undefined;
}

/** A number with the decimals it is shown with; `percent`: a share 0–1 shown as a percentage. */
export interface NumberCell {
  readonly value: number;
  readonly decimals: number;
  readonly percent?: boolean;
}

/** A table cell: text, a number (a real number in the workbook), or nothing (shown as "—"). */
export type Cell = string | NumberCell | null;

export interface ReportTable {
  /** Stable within a report (`weights.F`, `perspective.F`): tests and the workbook's sheet names use it. */
  readonly key: string;
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** A closing row printed in bold (a sum, a composite); null when none. */
  readonly footer: readonly Cell[] | null;
  /** Lines printed under the table (the AHP check, the perspective's score). */
  readonly notes: readonly string[];
}

/** An AHP result of one weight set (core/ahp AhpResult's figures). */
export interface AhpFigures {
  readonly lambdaMax: number;
  readonly ci: number;
  readonly ri: number;
  readonly cr: number;
  readonly threshold: number;
  readonly consistent: boolean;
}

/** One set of sibling weights: the perspectives' (perspective null) or one perspective's indicators'. */
export interface WeightSetInput {
  readonly perspective: string | null;
  readonly items: readonly { readonly id: string; readonly name: Localized; readonly weight: number }[];
  /** The consistency check when the weights come from a judgment matrix; null when set by hand. */
  readonly ahp: AhpFigures | null;
}

/** An evaluation of another period to compare with; null evaluation: none for that period. */
export interface ComparedPeriod {
  readonly period: string;
  readonly evaluation: EvaluationJson | null;
}

/** A figure published elsewhere that differs from the computed one, and why (core/scorecard/compare-published). */
export interface MethodDifference {
  readonly item: string;
  readonly figure: 'total' | 'perspective score' | 'weight' | 'quantified value';
  readonly published: number;
  readonly computed: number | null;
  readonly note?: string | undefined;
}

export interface EvaluationReportInput {
  readonly lang: MessageLang;
  readonly scorecard: { readonly code: string; readonly name: Localized };
  readonly orgUnit: { readonly code: string; readonly name: Localized };
  readonly period: string;
  /** The published evaluation, or (draft) today's computation. */
  readonly evaluation: EvaluationJson;
  /** The publication it comes from; null: a draft, marked so on every page. */
  readonly publication: {
    readonly id: number;
    readonly at: string;
    readonly by: string;
    readonly unapprovedPeriods: readonly string[];
  } | null;
  readonly previous: ComparedPeriod | null;
  readonly yearBefore: ComparedPeriod | null;
  /** The unit's rank among its peers (1 = best); null when it has none. */
  readonly rank: { readonly rank: number | null; readonly count: number } | null;
  readonly weightSets: readonly WeightSetInput[];
  /** The composite over recent periods, oldest first (the trend chart). */
  readonly trend: readonly { readonly period: string; readonly total: number | null }[];
  /**
   * Improvement actions by indicator id, worded (the action plans of the unit for the period: title, status, due
   * date). Absent: the section lists the indicators without actions.
   */
  readonly actions?: ReadonlyMap<string, readonly string[]>;
  /** Figures of a published source the method reproduces, where they differ; null when the scheme has none. */
  readonly method: { readonly source: string; readonly differences: readonly MethodDifference[] } | null;
  /** ISO time the report was made (the cover prints it). */
  readonly generatedAt: string;
}

export interface ChartData {
  readonly perspectives: readonly { readonly name: string; readonly score: number | null }[];
  readonly trend: readonly { readonly period: string; readonly total: number | null }[];
  readonly titles: { readonly radar: string; readonly bars: string; readonly trend: string };
}

export interface EvaluationReport {
  readonly lang: MessageLang;
  readonly draft: boolean;
  /** "Performance evaluation report" and the line under it (scorecard, unit, period). */
  readonly title: string;
  readonly subtitle: string;
  /** Printed in every page's header (the draft marking first when a draft). */
  readonly header: string;
  readonly cover: readonly { readonly label: string; readonly value: string }[];
  readonly summary: ReportTable;
  readonly weightTables: readonly ReportTable[];
  readonly perspectiveTables: readonly ReportTable[];
  readonly scores: ReportTable;
  readonly charts: ChartData;
  readonly attention: ReportTable;
  readonly qualityNotes: readonly string[];
  readonly method: ReportTable | null;
  /** Section titles, worded. */
  readonly sections: Readonly<Record<'summary' | 'weights' | 'charts' | 'quality' | 'method', string>>;
}

export const num = (value: number | null | undefined, decimals: number): Cell =>
  value === null || value === undefined || !Number.isFinite(value) ? null : { value, decimals };

/** A name in the report's language (Chinese falls back to English). */
export function nameIn(text: Localized, lang: MessageLang): string {
  return lang === 'zh-CN' ? (text.zh ?? text.en) : text.en;
}

/** How a cell reads in text (the PDF; the workbook keeps the number). */
export function cellText(cell: Cell, lang: MessageLang): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  const shown = cell.percent ? cell.value * 100 : cell.value;
  const text = shown.toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en', {
    minimumFractionDigits: cell.decimals,
    maximumFractionDigits: cell.decimals,
    useGrouping: false,
  });
  return cell.percent ? `${text} %` : text;
}

type Indicator = EvaluationJson['perspectives'][number]['indicators'][number];

function indicatorsById(evaluation: EvaluationJson | null | undefined): Map<string, Indicator> {
  return new Map(
    (evaluation?.perspectives ?? []).flatMap((p) => p.indicators.map((i) => [i.id, i] as const)),
  );
}

function change(now: number | null, before: Indicator | undefined, decimals: number): Cell {
  if (now === null || before?.actual === null || before?.actual === undefined) return null;
  return num(now - before.actual, decimals);
}

/**
 * Builds the report's content in `input.lang`: every table with its numbers kept as numbers.
 *
 * @example buildEvaluationReport(azInput).scores.footer // ['Composite V', …, { value: 92.57…, decimals: 2 }]
 */
export function buildEvaluationReport(input: EvaluationReportInput): EvaluationReport {
  const { lang, evaluation } = input;
  const w = (key: ReportWord, params?: Readonly<Record<string, string | number>>) =>
    reportWord(key, lang, params);
  const draft = input.publication === null;
  const scorecardName = nameIn(input.scorecard.name, lang);
  const unitName = nameIn(input.orgUnit.name, lang);
  const subtitle = `${scorecardName} · ${unitName} · ${input.period}`;
  const perspectiveName = new Map(evaluation.perspectives.map((p) => [p.id, nameIn(p.name, lang)]));
  const rating = evaluation.ratingLabel ? nameIn(evaluation.ratingLabel, lang) : (evaluation.rating ?? '—');
  const totalText = evaluation.insufficientData
    ? w('insufficient')
    : cellText(num(evaluation.total, 2), lang);
  const cover = [
    { label: w('scorecard'), value: `${scorecardName} (${input.scorecard.code})` },
    { label: w('orgUnit'), value: `${unitName} (${input.orgUnit.code})` },
    { label: w('period'), value: input.period },
    { label: w('total'), value: totalText },
    { label: w('rating'), value: rating },
    {
      label: w('generated'),
      value: input.publication
        ? `${input.generatedAt} — ${w('published', { at: input.publication.at, by: input.publication.by, id: input.publication.id })}`
        : `${input.generatedAt} — ${w('draft')}`,
    },
  ];
  const summary: ReportTable = {
    key: 'summary',
    title: w('summary'),
    headers: [w('item'), w('score')],
    rows: [
      [w('total'), evaluation.insufficientData ? w('insufficient') : num(evaluation.total, 2)],
      [w('rating'), rating],
      [
        w('rank'),
        input.rank?.rank == null ? null : w('rankOf', { rank: input.rank.rank, count: input.rank.count }),
      ],
      [w('coverage'), { value: evaluation.weightCoverage, decimals: 1, percent: true }],
    ],
    footer: null,
    notes: draft ? [w('draftNote')] : [],
  };
  const weightTables = input.weightSets.map((set): ReportTable => {
    const title =
      set.perspective === null
        ? w('weightsOf', { name: w('dimensions') })
        : w('weightsOf', { name: perspectiveName.get(set.perspective) ?? set.perspective });
    const notes = set.ahp
      ? [
          w('ahpCheck', {
            lambdaMax: set.ahp.lambdaMax.toFixed(4),
            ci: set.ahp.ci.toFixed(4),
            ri: set.ahp.ri.toFixed(2),
            cr: set.ahp.cr.toFixed(4),
            verdict: w(set.ahp.consistent ? 'consistent' : 'inconsistent', { threshold: set.ahp.threshold }),
          }),
        ]
      : [w('manualWeights')];
    return {
      key: `weights.${set.perspective ?? 'perspectives'}`,
      title,
      headers: [w('item'), w('weight')],
      rows: set.items.map((item) => [`${item.id} ${nameIn(item.name, lang)}`, num(item.weight, 4)]),
      footer: null,
      notes,
    };
  });
  const previous = indicatorsById(input.previous?.evaluation);
  const yearBefore = indicatorsById(input.yearBefore?.evaluation);
  const perspectiveTables = evaluation.perspectives.map(
    (perspective): ReportTable => ({
      key: `perspective.${perspective.id}`,
      title: w('indicatorsOf', { name: `${perspective.id} ${nameIn(perspective.name, lang)}` }),
      headers: [
        w('indicator'),
        w('actual'),
        w('target'),
        w('reference'),
        w('quantified'),
        w('weight'),
        w('weightedScore'),
        w('status'),
        w('changePrevious', { period: input.previous?.period ?? '—' }),
        w('changeYear', { period: input.yearBefore?.period ?? '—' }),
      ],
      rows: perspective.indicators.map((i) => [
        `${i.id} ${nameIn(i.name, lang)}`,
        num(i.actual, i.decimals),
        num(i.target, i.decimals),
        num(i.reference, i.decimals),
        num(i.quantified, 4),
        num(i.weight, 4),
        num(i.score, 2),
        w(`status.${i.status}`),
        change(i.actual, previous.get(i.id), i.decimals),
        change(i.actual, yearBefore.get(i.id), i.decimals),
      ]),
      footer: [w('score'), null, null, null, null, null, num(perspective.score, 2), null, null, null],
      notes: [w('perspectiveScore', { score: cellText(num(perspective.score, 2), lang) })],
    }),
  );
  const scores: ReportTable = {
    key: 'scores',
    title: w('scores'),
    headers: [w('perspective'), w('weight'), w('score'), w('contribution')],
    rows: evaluation.perspectives.map((p) => [
      `${p.id} ${nameIn(p.name, lang)}`,
      num(p.weight, 4),
      num(p.score, 2),
      num(p.score === null ? null : p.score * p.weight, 2),
    ]),
    footer: [w('composite'), null, num(evaluation.total, 2), rating],
    notes: [],
  };
  const actions = input.actions ?? new Map<string, readonly string[]>();
  const needing = evaluation.perspectives.flatMap((p) =>
    p.indicators.filter((i) => i.status === 'off-track' || i.status === 'watch'),
  );
  const attention: ReportTable = {
    key: 'attention',
    title: w('attention'),
    headers: [w('indicator'), w('actual'), w('target'), w('quantified'), w('status'), w('action')],
    rows: needing.map((i) => [
      `${i.id} ${nameIn(i.name, lang)}`,
      num(i.actual, i.decimals),
      num(i.target, i.decimals),
      num(i.quantified, 4),
      w(`status.${i.status}`),
      (actions.get(i.id) ?? []).join('; ') || null,
    ]),
    footer: null,
    notes:
      needing.length === 0
        ? [w('noAttention')]
        : needing.some((i) => (actions.get(i.id) ?? []).length > 0)
          ? []
          : [w('noActions')],
  };
  return {
    lang,
    draft,
    title: w('title'),
    subtitle,
    header: draft ? `${w('draft')} · ${subtitle}` : subtitle,
    cover,
    summary,
    weightTables,
    perspectiveTables,
    scores,
    charts: {
      perspectives: evaluation.perspectives.map((p) => ({ name: nameIn(p.name, lang), score: p.score })),
      trend: input.trend,
      titles: { radar: w('radar'), bars: w('bars'), trend: w('trend') },
    },
    attention,
    qualityNotes: qualityNotes(input, w),
    method: methodTable(input, w),
    sections: {
      summary: w('summary'),
      weights: w('weights'),
      charts: w('charts'),
      quality: w('quality'),
      method: w('method'),
    },
  };
}

function qualityNotes(
  input: EvaluationReportInput,
  w: (key: ReportWord, params?: Readonly<Record<string, string | number>>) => string,
): string[] {
  const { evaluation, lang } = input;
  const notes: string[] = [];
  if (evaluation.weightCoverage < 1) {
    notes.push(
      w('qualityCoverage', {
        share: cellText({ value: evaluation.weightCoverage, decimals: 1, percent: true }, lang),
        minimum: cellText({ value: evaluation.minimumCoverage, decimals: 1, percent: true }, lang),
      }),
    );
  }
  for (const indicator of evaluation.perspectives.flatMap((p) => p.indicators)) {
    const name = `${indicator.id} ${nameIn(indicator.name, lang)}`;
    if (indicator.status === 'no-data') notes.push(w('qualityNoData', { indicator: name }));
    const leftOut = indicator.unitCoverage?.leftOut ?? [];
    if (leftOut.length > 0) notes.push(w('qualityLeftOut', { indicator: name, units: leftOut.join(', ') }));
  }
  const unapproved = input.publication?.unapprovedPeriods ?? [];
  if (unapproved.length > 0) notes.push(w('qualityUnapproved', { periods: unapproved.join(', ') }));
  return notes;
}

function methodTable(
  input: EvaluationReportInput,
  w: (key: ReportWord, params?: Readonly<Record<string, string | number>>) => string,
): ReportTable | null {
  if (input.method === null || input.method.differences.length === 0) return null;
  const decimalsOf = (value: number) => {
    const text = String(value);
    const dot = text.indexOf('.');
    return dot === -1 ? 0 : Math.min(text.length - dot - 1, 6);
  };
  return {
    key: 'method',
    title: w('method'),
    headers: [w('item'), w('figure'), w('publishedFigure'), w('computed'), w('why')],
    rows: input.method.differences.map((d) => [
      d.item,
      w(`figure.${d.figure}`),
      num(d.published, decimalsOf(d.published)),
      num(d.computed, Math.max(decimalsOf(d.published), 2)),
      d.note ?? null,
    ]),
    footer: null,
    notes: [w('methodSource', { source: input.method.source })],
  };
}
