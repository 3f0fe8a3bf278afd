/**
 * The strategy map (GET /api/strategy-map) and the strategy the designer edits (GET and PUT
 * /api/scorecards/{code}/strategy): objectives with their SMART fields, cause → effect links, and each link's
 * check against the data (src/core/strategy/link-check.ts).
 */
import { z } from 'zod';
import { linkSchema, objectiveSchema } from '../scorecard/scorecard-schema.ts';
import { codeRefSchema } from './common.ts';

const localized = z.object({ en: z.string(), zh: z.string().optional() });
const periodId = z.string().regex(/^\d{4}(-\d{2}|[Qq][1-4])?$/, 'evaluation.period-format');
const status = z.enum(['met', 'watch', 'off-track', 'no-data']);

export const strategyMapQuerySchema = z.object({
  scorecard: codeRefSchema,
  orgUnit: codeRefSchema,
  period: periodId.describe('The period whose scores and statuses the cards show'),
  grain: z
    .enum(['month', 'quarter', 'year'])
    .default('month')
    .describe('The period type of the series the links are checked on'),
  history: z.coerce
    .number()
    .int()
    .min(2)
    .max(60)
    .default(24)
    .describe('How many periods of that type, ending with the last one inside `period`'),
});

export const linkCheckSchema = z.object({
  lag: z.number().int().nullable(),
  r: z.number().nullable(),
  ci: z.tuple([z.number(), z.number()]).nullable(),
  n: z.number().int(),
  support: z.enum(['supported', 'ci-includes-zero', 'opposite', 'too-few-periods']),
  lags: z.array(z.object({ lag: z.number().int(), n: z.number().int(), r: z.number().nullable() })),
});

export const mapObjectiveSchema = z.object({
  id: z.string(),
  name: localized,
  statement: localized.nullable(),
  /** The owner's e-mail address as the file names it; `ownerUser` is the user it matches, if any. */
  owner: z.string().nullable(),
  ownerUser: z.object({ email: z.string(), name: z.string().nullable() }).nullable(),
  /** Free text (a department) where no user is named. */
  ownerName: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetDate: z.string().nullable(),
  role: z.enum(['leading', 'lagging']).nullable(),
  indicators: z.array(
    z.object({ id: z.string(), name: localized, quantified: z.number().nullable(), status }),
  ),
  score: z.number().nullable(),
  status,
});

export const strategyMapSchema = z.object({
  scorecard: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  /** The periods of the series the links were checked on, oldest first. */
  periods: z.array(z.string()),
  /** The rule a link is judged by (link-check.ts). */
  rule: z.object({ maxLag: z.number().int(), minPeriods: z.number().int(), confidence: z.number() }),
  lanes: z.array(
    z.object({
      id: z.string(),
      kind: z.string().nullable(),
      name: localized,
      objectives: z.array(mapObjectiveSchema),
    }),
  ),
  links: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      fromKind: z.enum(['objective', 'indicator']),
      toKind: z.enum(['objective', 'indicator']),
      note: z.string().nullable(),
      check: linkCheckSchema,
    }),
  ),
});

/** The strategy as the designer edits it: every objective with its perspective, and every link. */
export const strategySchema = z.object({
  objectives: z.array(objectiveSchema.extend({ perspective: codeRefSchema })).max(500),
  links: z.array(linkSchema).max(2000),
});

export const putStrategyResultSchema = z.object({
  /** The structure version the edit stored; null when nothing changed. */
  version: z.number().int().nullable(),
  strategy: strategySchema,
});

export type StrategyMapQuery = z.infer<typeof strategyMapQuerySchema>;
export type StrategyMapJson = z.infer<typeof strategyMapSchema>;
export type StrategyJson = z.infer<typeof strategySchema>;
export type PutStrategyResult = z.infer<typeof putStrategyResultSchema>;
