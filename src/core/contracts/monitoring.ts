/**
 * Statistical monitoring as the API sends it (src/core/monitoring/README.md): the control chart of each indicator
 * of a series (with `GET /api/series`), funnel plots of units among their peers, forecasts to target.
 */
import { z } from 'zod';

const code = z.string().min(1).max(64);
const periodId = z.string().regex(/^\d{4}(-\d{2}|[Qq][1-4])?$/, 'evaluation.period-format');
const monthId = z.string().regex(/^\d{4}-\d{2}$/, 'monitoring.month-format');
const localized = z.object({ en: z.string(), zh: z.string().optional() });

export const controlRuleSchema = z.enum(['beyond-limits', 'shift', 'trend', 'two-of-three']);

/** One indicator's control chart over a series' periods. */
export const indicatorControlChartSchema = z.object({
  indicator: z.string(),
  /** p (p′: Laney), u (u′), or xmr; p and u need the indicator's `statistic` declared. */
  type: z.enum(['p', "p'", 'u', "u'", 'xmr']),
  /** The plotted figure's scale: p and u charts plot numerator ÷ denominator × factor. */
  factor: z.number(),
  centre: z.number().nullable(),
  /** The periods the limits were computed from. */
  baseline: z.object({ from: z.string(), to: z.string(), points: z.number().int() }),
  sigmaZ: z.number().nullable(),
  dispersionP: z.number().nullable(),
  status: z.enum(['in-control', 'special-cause', 'insufficient-data']),
  signals: z.array(z.object({ rule: controlRuleSchema, periods: z.array(z.string()) })),
  points: z.array(
    z.object({
      period: z.string(),
      value: z.number().nullable(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      /** The 95 % Wilson interval of a proportion on a small denominator (src/core/monitoring/error-bars.ts). */
      interval: z.object({ lower: z.number(), upper: z.number() }).nullable(),
    }),
  ),
});

export const funnelQuerySchema = z.object({
  scorecard: code,
  indicator: code,
  period: periodId,
  orgUnit: code.describe('The unit whose children (or peers) are compared'),
  among: z
    .enum(['children', 'peers'])
    .default('children')
    .describe("children: the unit's children; peers: the units of its type and level in its tree"),
});

const funnelLimitsSchema = z.object({
  lower95: z.number(),
  upper95: z.number(),
  lower998: z.number(),
  upper998: z.number(),
});

export const funnelSchema = z.object({
  indicator: z.object({ id: z.string(), name: localized, decimals: z.number().int() }),
  period: z.string(),
  /** null when the indicator is not a ratio of counts (no funnel). */
  kind: z.enum(['proportion', 'rate']).nullable(),
  factor: z.number(),
  target: z.number().nullable(),
  units: z.array(
    z.object({
      orgUnit: z.string(),
      name: localized,
      count: z.number(),
      denominator: z.number(),
      value: z.number(),
      limits: funnelLimitsSchema,
      band: z.enum(['below-99.8', 'below-95', 'within', 'above-95', 'above-99.8']),
      percentile: z.number().nullable(),
    }),
  ),
  curve: z.array(funnelLimitsSchema.extend({ denominator: z.number() })),
});

export const forecastQuerySchema = z.object({
  scorecard: code,
  orgUnit: code,
  indicator: code,
  through: monthId.describe(
    'The last month of data used; the rest of its year is forecast (all of the next year after a December)',
  ),
});

export const forecastSchema = z.object({
  indicator: z.object({ id: z.string(), name: localized, decimals: z.number().int() }),
  year: z.string(),
  method: z.enum(['holt-winters', 'linear', 'none']),
  parameters: z.object({ alpha: z.number(), beta: z.number(), gamma: z.number() }).nullable(),
  level: z.number(),
  history: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
  points: z.array(z.object({ period: z.string(), fit: z.number(), lower: z.number(), upper: z.number() })),
  /** The year's target (null without one) and what the months observed and forecast make of the year. */
  target: z.number().nullable(),
  outlook: z
    .object({
      projected: z.number(),
      lower: z.number(),
      upper: z.number(),
      likelyMissed: z.boolean(),
      surelyMissed: z.boolean(),
    })
    .nullable(),
});

export type IndicatorControlChartJson = z.infer<typeof indicatorControlChartSchema>;
export type FunnelQuery = z.infer<typeof funnelQuerySchema>;
export type FunnelJson = z.infer<typeof funnelSchema>;
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;
export type ForecastJson = z.infer<typeof forecastSchema>;
