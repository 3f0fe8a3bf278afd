/**
 * The strategy map of a scorecard for one unit: its perspectives as lanes (financial on top, then customer,
 * internal process, learning and growth, social responsibility), each objective with the indicators that measure
 * it, its score and status, and every cause → effect link checked against the data (./link-check.ts).
 *
 * An objective's score is the weighted mean of its indicators' quantified values (each weighed by its global
 * weight in the scorecard, those without a value left out; equal weights when all of them weigh 0), so it reads
 * like a quantified value: 1 = on target. Its status follows the scheme's status thresholds
 * (core/scoring/status.ts), as an indicator's does.
 */
import type { LocalizedText } from '../indicators/indicator.ts';
import type { ObjectiveFile, ScorecardFile } from '../scorecard/scorecard-schema.ts';
import {
  DEFAULT_STATUS_THRESHOLDS,
  type IndicatorStatus,
  type StatusThresholds,
  statusOf,
} from '../scoring/status.ts';
import { checkLink, type LinkCheck, type LinkCheckOptions } from './link-check.ts';

/** What the map reads of an evaluation (core/contracts/evaluation.ts has it all). */
export interface MapEvaluation {
  readonly perspectives: readonly {
    readonly indicators: readonly {
      readonly id: string;
      readonly quantified: number | null;
      readonly globalWeight: number;
      readonly status: IndicatorStatus;
    }[];
  }[];
}

export interface MapIndicator {
  readonly id: string;
  readonly name: LocalizedText;
  readonly quantified: number | null;
  readonly status: IndicatorStatus;
}

export interface MapObjective {
  readonly id: string;
  readonly name: LocalizedText;
  readonly statement: LocalizedText | null;
  readonly owner: string | null;
  readonly ownerName: string | null;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly targetDate: string | null;
  readonly role: 'leading' | 'lagging' | null;
  readonly indicators: readonly MapIndicator[];
  /** Weighted mean of its indicators' quantified values; null when none has one. */
  readonly score: number | null;
  readonly status: IndicatorStatus;
}

export interface MapLane {
  readonly id: string;
  readonly kind: string | null;
  readonly name: LocalizedText;
  readonly objectives: readonly MapObjective[];
}

export interface MapLink {
  readonly from: string;
  readonly to: string;
  /** Whether each end names an objective or an indicator. */
  readonly fromKind: 'objective' | 'indicator';
  readonly toKind: 'objective' | 'indicator';
  readonly note: string | null;
  readonly check: LinkCheck;
}

export interface StrategyMap {
  readonly lanes: readonly MapLane[];
  readonly links: readonly MapLink[];
}

/** Lanes top to bottom: Kaplan and Norton's order, with social responsibility (seed 002's fifth) last. */
const LANE_ORDER = ['financial', 'customer', 'internal', 'learning', 'social'] as const;

function laneRank(kind: string | undefined): number {
  const rank = LANE_ORDER.findIndex((k) => k === kind); // indexOf would not take `undefined`
  return rank === -1 ? LANE_ORDER.length : rank;
}

/**
 * The indicators that measure an objective: those it lists, else those whose `objective` names it.
 *
 * @example measuresOf(file, { id: 'I-EFF', indicators: ['I2'] }) // ['I2']
 */
export function measuresOf(
  file: ScorecardFile,
  objective: Pick<ObjectiveFile, 'id' | 'indicators'>,
): string[] {
  if (objective.indicators !== undefined && objective.indicators.length > 0) return [...objective.indicators];
  return file.perspectives.flatMap((p) =>
    p.indicators.filter((i) => i.objective === objective.id).map((i) => i.id),
  );
}

/**
 * The weighted mean of quantified values, those without one left out; equal weights when the ones left weigh
 * nothing in total. Null when none has a value.
 *
 * @example objectiveScore([{ quantified: 1, weight: 0.3 }, { quantified: 0.8, weight: 0.1 }]) // 0.95
 * @example objectiveScore([{ quantified: null, weight: 1 }]) // null
 */
export function objectiveScore(
  parts: readonly { readonly quantified: number | null; readonly weight: number }[],
): number | null {
  const present = parts.filter(
    (p): p is { quantified: number; weight: number } =>
      typeof p.quantified === 'number' && Number.isFinite(p.quantified),
  );
  if (present.length === 0) return null;
  const total = present.reduce((s, p) => s + p.weight, 0);
  if (total <= 0) return present.reduce((s, p) => s + p.quantified, 0) / present.length;
  return present.reduce((s, p) => s + p.weight * p.quantified, 0) / total;
}

type IndicatorFigure = MapEvaluation['perspectives'][number]['indicators'][number];

function figuresOf(evaluation: MapEvaluation | undefined): Map<string, IndicatorFigure> {
  const figures = new Map<string, IndicatorFigure>();
  for (const perspective of evaluation?.perspectives ?? []) {
    for (const indicator of perspective.indicators) figures.set(indicator.id, indicator);
  }
  return figures;
}

function scoreFrom(
  figures: ReadonlyMap<string, IndicatorFigure>,
  measures: readonly string[],
): number | null {
  return objectiveScore(
    measures.map((id) => {
      const figure = figures.get(id);
      return { quantified: figure?.quantified ?? null, weight: figure?.globalWeight ?? 0 };
    }),
  );
}

/**
 * Builds the map: lanes from the scorecard's perspectives, objectives scored from `current`, links checked on
 * `series` (evaluations of consecutive periods, oldest first; an objective's series is its score per period, an
 * indicator's its quantified value).
 *
 * @example buildStrategyMap(file, evaluation, series).lanes[0]?.kind // 'financial'
 */
export function buildStrategyMap(
  file: ScorecardFile,
  current: MapEvaluation | undefined,
  series: readonly MapEvaluation[],
  options: LinkCheckOptions = {},
): StrategyMap {
  const thresholds: StatusThresholds = file.scoring.status ?? DEFAULT_STATUS_THRESHOLDS;
  const names = new Map(file.perspectives.flatMap((p) => p.indicators.map((i) => [i.id, i.name] as const)));
  const figures = figuresOf(current);
  const measures = new Map<string, string[]>();
  const lanes = [...file.perspectives]
    .map((perspective, index) => ({ perspective, index }))
    .sort((a, b) => laneRank(a.perspective.kind) - laneRank(b.perspective.kind) || a.index - b.index)
    .map(
      ({ perspective }): MapLane => ({
        id: perspective.id,
        kind: perspective.kind ?? null,
        name: perspective.name,
        objectives: perspective.objectives.map((objective): MapObjective => {
          const ids = measuresOf(file, objective);
          measures.set(objective.id, ids);
          const score = scoreFrom(figures, ids);
          return {
            id: objective.id,
            name: objective.name,
            statement: objective.statement ?? null,
            owner: objective.owner ?? null,
            ownerName: objective.ownerName ?? null,
            baseline: objective.baseline ?? null,
            target: objective.target ?? null,
            targetDate: objective.targetDate ?? null,
            role: objective.role ?? null,
            indicators: ids.map((id) => ({
              id,
              name: names.get(id) ?? { en: id },
              quantified: figures.get(id)?.quantified ?? null,
              status: figures.get(id)?.status ?? 'no-data',
            })),
            score,
            status: statusOf(score, thresholds),
          };
        }),
      }),
    );
  const perPeriod = series.map(figuresOf);
  const seriesOf = (id: string): (number | null)[] => {
    const ids = measures.get(id);
    return perPeriod.map((f) => (ids === undefined ? (f.get(id)?.quantified ?? null) : scoreFrom(f, ids)));
  };
  const links = (file.links ?? []).map(
    (link): MapLink => ({
      from: link.from,
      to: link.to,
      fromKind: measures.has(link.from) ? 'objective' : 'indicator',
      toKind: measures.has(link.to) ? 'objective' : 'indicator',
      note: link.note ?? null,
      check: checkLink(seriesOf(link.from), seriesOf(link.to), options),
    }),
  );
  return { lanes, links };
}
