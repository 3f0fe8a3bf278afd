/**
 * The content of a group report: the ranking of the units with their totals and ratings, their perspective
 * scores side by side (the heatmap), and the head hospital against the mean of its branches (seed 000's
 * head-and-branches comparison). Built from the units' published evaluations, worded in one language.
 */
import type { EvaluationJson } from '../contracts/evaluation.ts';
import type { MessageLang } from '../errors/messages/define-messages.ts';
import { type Cell, type Localized, nameIn, num, type ReportTable } from './report-model.ts';
import { reportWord } from './report-words.ts';

export interface GroupUnitInput {
  readonly rank: number | null;
  readonly orgUnit: string;
  readonly name: Localized;
  /** `head` or `branch` for a group's hospitals (org unit role); null otherwise. */
  readonly role: string | null;
  readonly evaluation: EvaluationJson;
}

export interface GroupReportInput {
  readonly lang: MessageLang;
  readonly scorecard: { readonly code: string; readonly name: Localized };
  readonly orgUnit: { readonly code: string; readonly name: Localized };
  readonly period: string;
  /** False: some unit's figures are computed, not published (the report is a draft). */
  readonly published: boolean;
  readonly units: readonly GroupUnitInput[];
  readonly generatedAt: string;
}

export interface GroupReport {
  readonly lang: MessageLang;
  readonly draft: boolean;
  readonly title: string;
  readonly subtitle: string;
  readonly header: string;
  readonly ranking: ReportTable;
  readonly heatmap: ReportTable;
  /** The heatmap's numbers for the chart: units (rows) × perspectives (columns). */
  readonly heatmapData: {
    readonly units: readonly string[];
    readonly perspectives: readonly string[];
    readonly scores: readonly (readonly (number | null)[])[];
  };
  readonly headVsBranches: ReportTable | null;
}

function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

/**
 * Builds a group report's content in `input.lang`.
 *
 * @example buildGroupReport(groupInput).ranking.rows[0] // [{ value: 1, decimals: 0 }, 'UMG-H01 Head hospital', …]
 */
export function buildGroupReport(input: GroupReportInput): GroupReport {
  const { lang } = input;
  const w = (key: Parameters<typeof reportWord>[0], params?: Readonly<Record<string, string | number>>) =>
    reportWord(key, lang, params);
  const subtitle = `${nameIn(input.scorecard.name, lang)} · ${nameIn(input.orgUnit.name, lang)} · ${input.period}`;
  const perspectives = input.units[0]?.evaluation.perspectives ?? [];
  const label = (u: GroupUnitInput) => `${u.orgUnit} ${nameIn(u.name, lang)}`;
  const rating = (e: EvaluationJson): Cell =>
    e.insufficientData ? w('insufficient') : e.ratingLabel ? nameIn(e.ratingLabel, lang) : e.rating;
  const scoresOf = (e: EvaluationJson) =>
    perspectives.map((p) => e.perspectives.find((q) => q.id === p.id)?.score ?? null);
  const head = input.units.find((u) => u.role === 'head');
  const branches = input.units.filter((u) => u.role === 'branch');
  return {
    lang,
    draft: !input.published,
    title: w('groupTitle'),
    subtitle,
    header: input.published ? subtitle : `${w('draft')} · ${subtitle}`,
    ranking: {
      key: 'ranking',
      title: w('ranking'),
      headers: [w('rank'), w('unit'), w('total'), w('rating'), w('coverage')],
      rows: input.units.map((u) => [
        num(u.rank, 0),
        label(u),
        num(u.evaluation.total, 2),
        rating(u.evaluation),
        { value: u.evaluation.weightCoverage, decimals: 1, percent: true },
      ]),
      footer: null,
      notes: input.published ? [] : [w('draftNote')],
    },
    heatmap: {
      key: 'heatmap',
      title: w('heatmap'),
      headers: [w('unit'), ...perspectives.map((p) => `${p.id} ${nameIn(p.name, lang)}`), w('total')],
      rows: input.units.map((u) => [
        label(u),
        ...scoresOf(u.evaluation).map((s) => num(s, 2)),
        num(u.evaluation.total, 2),
      ]),
      footer: null,
      notes: [],
    },
    heatmapData: {
      units: input.units.map((u) => u.orgUnit),
      perspectives: perspectives.map((p) => nameIn(p.name, lang)),
      scores: input.units.map((u) => scoresOf(u.evaluation)),
    },
    headVsBranches:
      head === undefined || branches.length === 0
        ? null
        : {
            key: 'head-vs-branches',
            title: w('headVsBranches'),
            headers: [w('perspective'), w('head'), w('branches'), w('difference')],
            rows: [
              ...perspectives.map((p, i): Cell[] => {
                const h = scoresOf(head.evaluation)[i] ?? null;
                const b = mean(branches.map((u) => scoresOf(u.evaluation)[i] ?? null));
                return [
                  `${p.id} ${nameIn(p.name, lang)}`,
                  num(h, 2),
                  num(b, 2),
                  num(h === null || b === null ? null : h - b, 2),
                ];
              }),
            ],
            footer: [
              w('total'),
              num(head.evaluation.total, 2),
              num(mean(branches.map((u) => u.evaluation.total)), 2),
              null,
            ],
            notes: [`${w('units')}: ${branches.length}`],
          },
  };
}
