/**
 * Rankings over HTTP (`GET /api/rankings`, `GET /api/rankings/matrix`): by default a page of summary rows (rank,
 * unit, total, rating, coverage), sorted as asked; with `view=full` a page of full evaluations; and a compact
 * units × indicators matrix for heatmaps (flat arrays, not an evaluation per unit). One unit's full evaluation is
 * `GET /api/evaluations?orgUnit=…`.
 */
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSchema, queryBooleanSchema } from './common.ts';
import { codeParamSchema, evaluationSchema, localizedNameSchema, periodIdSchema } from './evaluation.ts';

export const RANKING_VIEWS = ['summary', 'full'] as const;
export const RANKING_SORTS = ['rank', 'total', 'name', 'coverage'] as const;
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type RankingView = (typeof RANKING_VIEWS)[number];
export type RankingSort = (typeof RANKING_SORTS)[number];
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Which units: the children (or all descendants) of `parent`, for one scorecard and period. */
export const rankingScopeQuerySchema = z.object({
  scorecard: codeParamSchema,
  period: periodIdSchema,
  parent: codeParamSchema.describe('Rank the children (or all descendants) of this org unit'),
  depth: z.enum(['children', 'descendants']).default('children'),
  mix: queryBooleanSchema
    .default(false)
    .describe(
      'false (default): units are ranked among units of the same type and level (hospitals with hospitals, departments with departments); true: all together',
    ),
});

export const rankingQuerySchema = rankingScopeQuerySchema.extend({
  view: z
    .enum(RANKING_VIEWS)
    .default('summary')
    .describe(
      'summary (default): rank, unit, total, rating and coverage per unit; full: each unit’s evaluation',
    ),
  sort: z
    .enum(RANKING_SORTS)
    .default('rank')
    .describe('rank (default), total, name (English, then code) or coverage (weight coverage)'),
  order: z
    .enum(SORT_ORDERS)
    .default('asc')
    .describe('Units without a value of the sort key come last either way'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).default(0),
});

/** What every row of a ranking says about its unit. */
const rankedUnitFields = {
  /** Among the units of its cohort; null for a unit without a total ("insufficient data" or no data), listed last. */
  rank: z.number().int().nullable(),
  orgUnit: z.string(),
  name: localizedNameSchema,
  type: z.string(),
  /** Depth in the org tree (the root is 1). */
  level: z.number().int(),
  /** The units ranked together: `<type>@<level>`, or `all` when mixing was asked for. */
  cohort: z.string(),
  role: z.string().nullable(),
};

/** A unit of a full ranking: its whole evaluation. */
export const rankedUnitSchema = z.object({ ...rankedUnitFields, evaluation: evaluationSchema });

/** A unit of a summary ranking: its total, rating and weight coverage. */
export const rankingRowSchema = z.object({
  ...rankedUnitFields,
  total: z.number().nullable(),
  rating: z.string().nullable(),
  ratingCode: z.string().nullable(),
  ratingLabel: localizedNameSchema.nullable(),
  /** The share of the total weight backed by data (0–1). */
  coverage: z.number(),
  insufficientData: z.boolean(),
});

/** A page of full evaluations (`view=full`). */
export const rankingSchema = pageSchema(rankedUnitSchema).extend({ view: z.literal('full') });
/** A page of summary rows (`view=summary`, the default). */
export const rankingSummarySchema = pageSchema(rankingRowSchema).extend({ view: z.literal('summary') });
export const rankingPageSchema = z.discriminatedUnion('view', [rankingSummarySchema, rankingSchema]);

/** The statuses a matrix cell's code indexes (0 met … 3 no data). */
export const MATRIX_STATUSES = ['met', 'watch', 'off-track', 'no-data'] as const;

/**
 * The units × indicators of a ranking, row-major and flat: cell `u × indicators.length + i` is unit u's
 * indicator i. Units in ranking order, indicators in scorecard order.
 */
export const rankingMatrixSchema = z.object({
  scorecard: z.string(),
  period: z.string(),
  units: z.array(
    z.object({
      orgUnit: z.string(),
      name: localizedNameSchema,
      role: z.string().nullable(),
      rank: z.number().int().nullable(),
    }),
  ),
  indicators: z.array(
    z.object({ id: z.string(), name: localizedNameSchema, perspective: localizedNameSchema }),
  ),
  /** Each cell's quantified value (null: none). */
  quantified: z.array(z.number().nullable()),
  /** Each cell's status as its index in MATRIX_STATUSES. */
  status: z.array(z.number().int().min(0).max(3)),
});

export type RankingQuery = z.infer<typeof rankingQuerySchema>;
export type RankingScopeQuery = z.infer<typeof rankingScopeQuerySchema>;
export type RankingJson = z.infer<typeof rankingSchema>;
export type RankingSummaryJson = z.infer<typeof rankingSummarySchema>;
export type RankingRowJson = z.infer<typeof rankingRowSchema>;
export type RankingMatrixJson = z.infer<typeof rankingMatrixSchema>;
