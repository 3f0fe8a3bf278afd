/**
 * The monitoring facts two alert rules read (core/alerts AdverseSignal, YearForecast), gathered only for the
 * units and indicators in scope of an enabled adverse-trend or forecast-miss rule, from one read of each unit's
 * figures (the same figures, charts and forecasts as `GET /api/series` and `GET /api/monitoring/forecast`).
 *
 * - **Adverse trend.** Each indicator's control chart over the last `CHART_PERIODS` periods of the scorecard's
 *   type, limits from the first `DEFAULT_BASELINE` of them. A signal counts when its latest run of marked points
 *   reaches the recent periods (old signals of the history do not alert for ever) and moves the adverse way
 *   for the indicator's direction: below the centre (or falling, for a trend) when higher is better, above it
 *   when lower is better, away from a band. The alert's period is the first period of that run, so a run that
 *   goes on month after month keeps one alert open instead of raising a new one each month.
 * - **Forecast miss.** Monthly scorecards only (Holt–Winters reads months): per indicator and unit, the months of
 *   the current year observed so far and the forecast of the rest from `FORECAST_HISTORY` months of history,
 *   against the year's target (`projectYear`'s `likelyMissed`). A complete year is off target's business.
 */
import type {
  AdverseSignal,
  AlertRuleInput,
  AlertUnit,
  YearForecast,
} from '../../core/alerts/alert-input.ts';
import { indicatorInRuleScope, unitInRuleScope } from '../../core/alerts/scope.ts';
import type { IndicatorControlChartJson } from '../../core/contracts/monitoring.ts';
import type { Direction } from '../../core/indicators/indicator.ts';
import { forecastSeries, projectYear } from '../../core/monitoring/index.ts';
import type { PeriodType } from '../../core/periods/period.ts';
import { periodContaining, previousPeriod } from '../../core/periods/period-arithmetic.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import type { IndicatorFigure } from '../evaluation/indicator-figures.ts';
import { chartsOfFigures, DEFAULT_BASELINE, FORECAST_HISTORY } from '../monitoring/monitoring.service.ts';

/** The periods a control chart of the alert evaluation covers: two years of months. */
export const CHART_PERIODS = 24;

export interface MonitoringFacts {
  readonly signals: AdverseSignal[];
  readonly forecasts: YearForecast[];
}

/** The `count` periods of a type ending at the one containing `now`, oldest first. */
function periodsEndingAt(type: PeriodType, now: Date, count: number): string[] {
  const periods = [periodContaining(now.toISOString().slice(0, 7), type)];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0] ?? ''));
  return periods;
}

async function figuresOf(
  engine: EvaluationEngine,
  scorecard: string,
  orgUnit: string,
  period: string,
): Promise<IndicatorFigure[]> {
  try {
    const [own] = await engine.figures({ scorecard, orgUnit, period }, 'self');
    return own?.figures ?? [];
  } catch {
    // A period the scorecard cannot evaluate for this unit (no data element of its type): no figures.
    return [];
  }
}

/** Whether a move up (+1) or down (−1) from `value` is the adverse way for the direction. */
function isAdverse(direction: Direction, move: number, value: number): boolean {
  if (direction.kind === 'higher') return move < 0;
  if (direction.kind === 'lower') return move > 0;
  return (move > 0 && value > direction.upper) || (move < 0 && value < direction.lower);
}

/**
 * The adverse signal of one chart, if any: the run of marked points of each rule that ends last, kept when it
 * reaches `recent` and moves the adverse way; the earliest-starting of those (ties: the rules' order).
 */
export function adverseSignalOf(
  chart: IndicatorControlChartJson,
  direction: Direction,
  recent: ReadonlySet<string>,
): { readonly rule: string; readonly period: string } | null {
  const index = new Map(chart.points.map((p, i) => [p.period, i]));
  let found: { rule: string; period: string; start: number } | null = null;
  for (const signal of chart.signals) {
    const marked = [...new Set(signal.periods.map((p) => index.get(p) ?? -1))]
      .filter((i) => i >= 0)
      .sort((a, b) => a - b);
    const last = marked.at(-1);
    if (last === undefined || !recent.has(chart.points[last]?.period ?? '')) continue;
    // The run that ends at the last marked point: marked points next to each other.
    let first = marked.length - 1;
    while (first > 0 && (marked[first - 1] ?? -2) === (marked[first] ?? 0) - 1) first -= 1;
    const start = marked[first] ?? last;
    const lastValue = chart.points[last]?.value ?? null;
    const startValue = chart.points[start]?.value ?? null;
    if (lastValue === null || startValue === null || chart.centre === null) continue;
    const move =
      signal.rule === 'trend' ? Math.sign(lastValue - startValue) : Math.sign(lastValue - chart.centre);
    if (move === 0 || !isAdverse(direction, move, lastValue)) continue;
    if (found === null || start < found.start) {
      found = { rule: signal.rule, period: chart.points[start]?.period ?? '', start };
    }
  }
  return found === null ? null : { rule: found.rule, period: found.period };
}

/** The year-end outlook of one indicator from its monthly figures (oldest first) and the year's figure. */
function yearForecastOf(
  months: readonly string[],
  series: readonly (IndicatorFigure | null)[],
  year: IndicatorFigure,
  yearId: string,
): { readonly forecast: number; readonly target: number; readonly misses: boolean } | null {
  // The history ends at the latest month of the year with a value; the rest of the year is forecast.
  let through = -1;
  for (const [i, month] of months.entries()) {
    if (month.startsWith(`${yearId}-`) && (series[i]?.actual ?? null) !== null) through = i;
  }
  const throughMonth = through < 0 ? 12 : Number(months[through]?.slice(5, 7));
  const horizon = 12 - throughMonth;
  if (through < 0 || horizon === 0) return null;
  const history = series.slice(0, through + 1).map((f) => f?.actual ?? null);
  const forecast = forecastSeries(history, horizon);
  if (forecast.points.length === 0) return null;
  if (year.target === null && year.direction.kind !== 'band') return null;
  const observed = months
    .slice(0, through + 1)
    .flatMap((m, i) =>
      m.startsWith(`${yearId}-`) && series[i]?.actual != null ? [series[i]?.actual ?? 0] : [],
    );
  const outlook = projectYear(observed, forecast.points, {
    aggregate: year.volume ? 'sum' : 'mean',
    target: year.target ?? 0,
    direction: year.direction,
  });
  if (outlook === null) return null;
  return { forecast: outlook.projected, target: year.target ?? 0, misses: outlook.likelyMissed };
}

/**
 * Gathers the control-chart signals and year-end forecasts of the units and indicators in scope of `rules`
 * (only the adverse-trend and forecast-miss rules among them count).
 */
export async function gatherMonitoring(
  engine: EvaluationEngine,
  scorecard: { readonly code: string; readonly periodType: PeriodType },
  units: readonly AlertUnit[],
  rules: readonly AlertRuleInput[],
  recent: readonly string[],
  now: Date,
): Promise<MonitoringFacts> {
  const trendRules = rules.filter((r) => r.kind === 'adverse-trend');
  const forecastRules =
    scorecard.periodType === 'month' ? rules.filter((r) => r.kind === 'forecast-miss') : [];
  const signals: AdverseSignal[] = [];
  const forecasts: YearForecast[] = [];
  const recentSet = new Set(recent);
  const charted = periodsEndingAt(scorecard.periodType, now, CHART_PERIODS);
  const months = periodsEndingAt('month', now, FORECAST_HISTORY);
  const yearId = now.toISOString().slice(0, 4);
  for (const unit of units) {
    const trendIn = trendRules.filter((r) => unitInRuleScope(r, unit));
    const forecastIn = forecastRules.filter((r) => unitInRuleScope(r, unit));
    if (trendIn.length === 0 && forecastIn.length === 0) continue;
    const figures = new Map<string, IndicatorFigure[]>();
    const read = async (period: string) => {
      const known = figures.get(period);
      if (known !== undefined) return known;
      const got = await figuresOf(engine, scorecard.code, unit.code, period);
      figures.set(period, got);
      return got;
    };
    if (trendIn.length > 0) {
      const byPeriod = [];
      for (const period of charted) byPeriod.push(await read(period));
      const directions = new Map(byPeriod.flat().map((f) => [f.id, f.direction]));
      for (const chart of chartsOfFigures(byPeriod, charted, Math.min(DEFAULT_BASELINE, charted.length))) {
        if (!trendIn.some((r) => indicatorInRuleScope(r, chart.indicator))) continue;
        const direction = directions.get(chart.indicator);
        const signal = direction === undefined ? null : adverseSignalOf(chart, direction, recentSet);
        if (signal !== null) signals.push({ indicator: chart.indicator, orgUnitId: unit.id, ...signal });
      }
    }
    if (forecastIn.length > 0) {
      const byMonth = [];
      for (const month of months) byMonth.push(await read(month));
      for (const year of await figuresOf(engine, scorecard.code, unit.code, yearId)) {
        if (!forecastIn.some((r) => indicatorInRuleScope(r, year.id))) continue;
        const series = byMonth.map((list) => list.find((f) => f.id === year.id) ?? null);
        const outlook = yearForecastOf(months, series, year, yearId);
        if (outlook !== null)
          forecasts.push({ indicator: year.id, orgUnitId: unit.id, period: yearId, ...outlook });
      }
    }
  }
  return { signals, forecasts };
}
