export { poissonCdf } from '../stats/poisson-cdf.ts';
export {
  type ChartInput,
  type ChartPoint,
  type ControlChart,
  type ControlChartOptions,
  type ControlChartType,
  controlChart,
  MIN_BASELINE_POINTS,
  OVERDISPERSION_ALPHA,
} from './control-chart.ts';
export { CONTROL_RULES, type ControlRule, type ControlSignal, detectSignals } from './control-rules.ts';
export {
  type ForecastMethod,
  forecastLinear,
  forecastSeries,
  projectYear,
  type SeriesForecast,
  type YearOutlook,
} from './forecast.ts';
export {
  type Funnel,
  type FunnelBand,
  type FunnelKind,
  type FunnelPoint,
  type FunnelUnit,
  funnelLimit,
  funnelPlot,
} from './funnel.ts';
export {
  type ForecastPoint,
  fitHoltWinters,
  forecastHoltWinters,
  type HoltWintersFit,
} from './holt-winters.ts';
