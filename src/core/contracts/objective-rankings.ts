/**
 * Objective weights and rankings of the units of one type and level (GET /api/objective-rankings): entropy,
 * CRITIC or combined weights over the indicators' actual values, TOPSIS or RSR, beside the scorecard's own
 * ranking. Conventions in src/core/ranking/README.md.
 */
import { z } from 'zod';
import { queryBooleanSchema } from './common.ts';

const code = z.string().min(1).max(64);
const localized = z.object({ en: z.string(), zh: z.string().optional() });

export const objectiveRankingQuerySchema = z.object({
  scorecard: code,
  period: z.string().regex(/^\d{4}(-\d{2}|[Qq][1-4])?$/, 'evaluation.period-format'),
  parent: code.describe('Rank the children (or all descendants) of this org unit'),
  depth: z.enum(['children', 'descendants']).default('children'),
  cohort: z
    .string()
    .regex(/^[^@]+@\d+$/)
    .optional()
    .describe('The units ranked together, `<type>@<level>`; default: the cohort of the best-ranked unit'),
  weighting: z
    .enum(['entropy', 'critic', 'product', 'linear', 'scorecard'])
    .default('entropy')
    .describe(
      'entropy or critic: objective weights; product or linear: combined with the scorecard’s weights; scorecard: the scorecard’s own global weights',
    ),
  share: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('linear: the scorecard weights’ part of the mix'),
  method: z.enum(['topsis', 'rsr']).default('topsis'),
  normalization: z.enum(['vector', 'minmax']).default('vector'),
  weightedRsr: queryBooleanSchema.default(true).describe('rsr: weigh the ranks (WRSR); false: plain RSR'),
});

export const objectiveRankingSchema = z.object({
  cohort: z.string(),
  method: z.enum(['topsis', 'rsr']),
  weighting: z.string(),
  criteria: z.array(
    z.object({
      indicator: z.string(),
      perspective: z.string(),
      direction: z.enum(['higher', 'lower']),
      /** The scorecard's global weight of the indicator (perspective weight × indicator weight). */
      scorecardWeight: z.number(),
      /** The weight the ranking used. */
      weight: z.number(),
    }),
  ),
  /** Indicators left out: a band direction has no better end. */
  excluded: z.array(z.object({ indicator: z.string(), reason: z.enum(['band-direction']) })),
  units: z.array(
    z.object({
      orgUnit: z.string(),
      name: localized,
      /** TOPSIS closeness or RSR. */
      score: z.number(),
      rank: z.number(),
      /** The unit's rank by the scorecard's total score in the same cohort; null without a total. */
      scorecardRank: z.number().nullable(),
      /** rank − scorecardRank (negative: better placed by the objective method). */
      rankDifference: z.number().nullable(),
      probit: z.number().nullable(),
      class: z.number().nullable(),
    }),
  ),
});

export type ObjectiveRankingQuery = z.infer<typeof objectiveRankingQuerySchema>;
export type ObjectiveRankingJson = z.infer<typeof objectiveRankingSchema>;
