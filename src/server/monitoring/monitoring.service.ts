/**
 * Statistical monitoring as a signed-in actor sees it (src/core/monitoring/README.md): the control chart of
 * every indicator of a unit's series, funnel plots of units among their peers, and forecasts to target. The
 * figures come from the evaluation engine (the same values and roll-ups the scores use); the statistics from
 * the core.
 *
 * Which chart or funnel an indicator gets follows its `statistic`; an undeclared percentage ratio whose
 * numerators never exceed its denominators is read as a proportion (the common hospital indicator: cases with
 * a property among cases); anything else is charted as individual values (XmR) and has no funnel.
 */
import { inScope } from '../../core/access/scope.ts';
import type {
  ForecastJson,
  ForecastQuery,
  FunnelJson,
  FunnelQuery,
  IndicatorControlChartJson,
} from '../../core/contracts/monitoring.ts';
import { badRequest, notFound } from '../../core/errors/problem.ts';
import { smallDenominatorBar } from '../../core/monitoring/error-bars.ts';
import {
  type ChartInput,
  type ControlChartType,
  controlChart,
  forecastSeries,
  funnelPlot,
  projectYear,
} from '../../core/monitoring/index.ts';
import { monthFromOrdinal, monthOrdinal, periodRange } from '../../core/periods/index.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import type { IndicatorFigure } from '../evaluation/indicator-figures.ts';
import { readScope, requireReadableUnit } from '../services/access.ts';

/** The control charts' default baseline: the first year of months. */
export const DEFAULT_BASELINE = 12;
/** The months of history a forecast reads: three years, enough for Holt–Winters' two seasons and a start. */
export const FORECAST_HISTORY = 36;

type Statistic = 'proportion' | 'rate' | null;

/** How the figures of an indicator are read: as a proportion, a rate, or neither (see the file's comment). */
function statisticOf(figures: readonly IndicatorFigure[]): Statistic {
  const first = figures[0];
  if (!first || !figures.some((f) => f.numerator !== null && f.denominator !== null)) return null;
  if (first.statistic === 'proportion' || first.statistic === 'rate') return first.statistic;
  if (first.statistic === 'mean') return null;
  const withinCases = figures.every(
    (f) =>
      f.numerator === null || f.denominator === null || (f.numerator >= 0 && f.numerator <= f.denominator),
  );
  return first.factor === 100 && withinCases ? 'proportion' : null;
}

const CHART_OF: Record<'proportion' | 'rate', ControlChartType> = { proportion: 'p', rate: 'u' };

/**
 * The control chart of each indicator over a unit's series (the unit already checked readable by the caller),
 * with limits from the periods up to `baselineTo` (default: the first twelve).
 */
export async function controlChartsOfSeries(
  engine: EvaluationEngine,
  query: {
    readonly scorecard: string;
    readonly orgUnit: string;
    readonly periods: readonly string[];
    readonly baselineTo?: string;
  },
): Promise<IndicatorControlChartJson[]> {
  const periods = query.periods;
  let baseline = Math.min(DEFAULT_BASELINE, periods.length);
  if (query.baselineTo !== undefined) {
    const at = periods.indexOf(query.baselineTo);
    if (at < 0) {
      throw badRequest(
        'monitoring.baseline-outside',
        { from: periods[0] ?? '', to: periods.at(-1) ?? '', baselineTo: query.baselineTo },
        ['baselineTo'],
      );
    }
    baseline = at + 1;
  }
  const byPeriod: IndicatorFigure[][] = [];
  for (const period of periods) {
    const [own] = await engine.figures({ ...query, period }, 'self');
    byPeriod.push(own?.figures ?? []);
  }
  return chartsOfFigures(byPeriod, periods, baseline);
}

/**
 * The control chart of each indicator over figures already read, one list per period of `periods`, with limits
 * from the first `baseline` periods (the alert evaluation reads the figures once for charts and forecasts).
 */
export function chartsOfFigures(
  byPeriod: readonly (readonly IndicatorFigure[])[],
  periods: readonly string[],
  baseline: number,
): IndicatorControlChartJson[] {
  const ids = byPeriod.find((figures) => figures.length > 0)?.map((f) => f.id) ?? [];
  return ids.map((id) => {
    const series = byPeriod.map((figures) => figures.find((f) => f.id === id) ?? null);
    const present = series.filter((f): f is IndicatorFigure => f !== null);
    const statistic = statisticOf(present);
    const factor = statistic === null ? 1 : (present[0]?.factor ?? 1);
    const inputs: ChartInput[] = series.map((f) => ({
      value: f?.actual ?? null,
      count: f?.numerator ?? null,
      denominator: f?.denominator ?? null,
    }));
    const chart = controlChart(inputs, {
      type: statistic === null ? 'xmr' : CHART_OF[statistic],
      baseline,
      factor,
    });
    return {
      indicator: id,
      type: chart.type,
      factor,
      centre: chart.centre,
      baseline: { from: periods[0] ?? '', to: periods[baseline - 1] ?? '', points: chart.baselinePoints },
      sigmaZ: chart.sigmaZ,
      dispersionP: chart.dispersionP,
      status: chart.status,
      signals: chart.signals.map((s) => ({ rule: s.rule, periods: s.points.map((i) => periods[i] ?? '') })),
      points: chart.points.map((p, i) => {
        const f = series[i];
        const bar =
          statistic === 'proportion' && f?.numerator != null && f.denominator != null
            ? smallDenominatorBar(f.numerator, f.denominator, factor)
            : null;
        return { period: periods[i] ?? '', value: p.value, lower: p.lower, upper: p.upper, interval: bar };
      }),
    };
  });
}

function indicatorOf(figures: readonly IndicatorFigure[], query: { scorecard: string; indicator: string }) {
  const figure = figures.find((f) => f.id === query.indicator);
  if (!figure) throw notFound('evaluation.no-indicator', query);
  return figure;
}

/**
 * A funnel plot of one indicator over a unit's children or its peers in one period (403 when the actor does not
 * read the unit; peers outside the actor's scope are left out).
 */
export async function funnelAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: FunnelQuery,
): Promise<FunnelJson> {
  const db = ctx.db.kysely;
  const scope = readScope(actor);
  let visible: (code: string) => boolean = () => true;
  await requireReadableUnit(db, actor, query.orgUnit);
  const rows = await engine.figures(query, query.among);
  if (query.among === 'peers') {
    const records = await findOrgUnitsByCodes(
      db,
      rows.map((r) => r.unit.code),
    );
    visible = (code) => {
      const record = records.get(code);
      return record !== undefined && inScope(scope, record.path);
    };
  }
  const units = rows.filter((r) => visible(r.unit.code));
  const figures = units.map((r) => indicatorOf(r.figures, query));
  // A unit without children (or peers in scope) still names its indicator, from its own evaluation.
  const first = figures[0] ?? indicatorOf((await engine.figures(query, 'self'))[0]?.figures ?? [], query);
  const indicator = { id: first.id, name: first.name, decimals: first.decimals };
  const kind = statisticOf(figures);
  if (kind === null) {
    return { indicator, period: query.period, kind: null, factor: 1, target: null, units: [], curve: [] };
  }
  const names = new Map(units.map((r) => [r.unit.code, r.unit]));
  const plot = funnelPlot(
    units.flatMap((r, i) => {
      const f = figures[i];
      return f?.numerator != null && f.denominator != null
        ? [{ id: r.unit.code, count: f.numerator, denominator: f.denominator }]
        : [];
    }),
    kind,
    first.factor,
  );
  return {
    indicator,
    period: query.period,
    kind,
    factor: first.factor,
    target: plot.target,
    units: plot.units.map((u) => {
      const unit = names.get(u.id);
      return {
        orgUnit: u.id,
        name: unit?.nameZh ? { en: unit.nameEn, zh: unit.nameZh } : { en: unit?.nameEn ?? u.id },
        count: u.count,
        denominator: u.denominator,
        value: u.value,
        limits: u.limits,
        band: u.band,
        percentile: u.percentile,
      };
    }),
    curve: [...plot.curve],
  };
}

/**
 * The forecast of one indicator of a unit for the rest of the year after `through` (all of the next year after a
 * December), from up to three years of months, and whether the year's target will likely be missed.
 */
export async function forecastAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: ForecastQuery,
): Promise<ForecastJson> {
  await requireReadableUnit(ctx.db.kysely, actor, query.orgUnit);
  const last = monthOrdinal(query.through);
  const months = periodRange(monthFromOrdinal(last - FORECAST_HISTORY + 1), query.through);
  const history: { period: string; figure: IndicatorFigure }[] = [];
  for (const period of months) {
    const [own] = await engine.figures({ ...query, period }, 'self');
    history.push({ period, figure: indicatorOf(own?.figures ?? [], query) });
  }
  const throughMonth = Number(query.through.slice(5, 7));
  const year = String(Number(query.through.slice(0, 4)) + (throughMonth === 12 ? 1 : 0));
  const horizon = throughMonth === 12 ? 12 : 12 - throughMonth;
  const values = history.map((h) => h.figure.actual);
  const forecast = forecastSeries(values, horizon);
  const [yearRow] = await engine.figures({ ...query, period: year }, 'self');
  const yearFigure = indicatorOf(yearRow?.figures ?? [], query);
  const observed = history
    .filter((h) => h.period.startsWith(`${year}-`) && h.figure.actual !== null)
    .map((h) => h.figure.actual ?? 0);
  const target = yearFigure.target;
  const canJudge = forecast.points.length > 0 && (target !== null || yearFigure.direction.kind === 'band');
  const outlook = canJudge
    ? projectYear(observed, forecast.points, {
        aggregate: yearFigure.volume ? 'sum' : 'mean',
        target: target ?? 0,
        direction: yearFigure.direction,
      })
    : null;
  return {
    indicator: { id: yearFigure.id, name: yearFigure.name, decimals: yearFigure.decimals },
    year,
    method: forecast.method,
    parameters: forecast.parameters,
    level: forecast.level,
    history: history.map((h) => ({ period: h.period, value: h.figure.actual })),
    points: forecast.points.map((p, i) => ({ period: monthFromOrdinal(last + i + 1), ...p })),
    target,
    outlook,
  };
}
