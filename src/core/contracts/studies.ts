/**
 * Evaluation studies (before/after comparisons of a scorecard's indicators, docs/study-format.md): the study
 * file `healthbsc/study@1`, which is also the body the API saves and evaluates, and the result rows that
 * `healthbsc study --json`, `POST /api/studies/evaluate` and the Studies page share. The names of the
 * statistical tests are listed once, here.
 */
import { z } from 'zod';
import { codeSchema, localizedTextSchema } from '../scorecard/schema-parts.ts';

export const STUDY_FORMAT = 'healthbsc/study@1';

/** What kind of figure an indicator is, which decides its test (scorecard format @2, `statistic`). */
export const STUDY_STATISTICS = ['proportion', 'rate', 'mean'] as const;
export type StudyStatistic = (typeof STUDY_STATISTICS)[number];

/**
 * The tests a row can use: proportions by the two-proportion test (R's `prop.test`) or Fisher's exact test,
 * rates by the exact Poisson rate-ratio test (R's `poisson.test`), means of the months of each window by
 * Welch's t test or the Mann–Whitney U test.
 */
export const STUDY_TESTS = ['two-proportion', 'fisher', 'poisson-rate', 'welch', 'mann-whitney'] as const;
export type StudyTest = (typeof STUDY_TESTS)[number];

/** The tests that fit each kind of figure, the default first. */
export const TESTS_OF_STATISTIC = {
  proportion: ['two-proportion', 'fisher'],
  rate: ['poisson-rate'],
  mean: ['welch', 'mann-whitney'],
} as const satisfies Record<StudyStatistic, readonly StudyTest[]>;

const periodIdSchema = z.string().regex(/^\d{4}(-\d{2}|Q[1-4])?$/, 'study.period-format');

/** A window of months: a period (`2021`, `2021Q3`, `2021-07`) or `{ from, to }`, both ends included. */
export const studyWindowSchema = z.union([
  periodIdSchema,
  z.object({ from: periodIdSchema, to: periodIdSchema }).strict(),
]);
export type StudyWindow = z.infer<typeof studyWindowSchema>;

/** An org unit (with everything under it) or an org-unit group pooled as one unit (Σ numerators ÷ Σ denominators). */
export const studyUnitSchema = z.union([
  z.object({ orgUnit: codeSchema }).strict(),
  z.object({ group: codeSchema }).strict(),
]);
export type StudyUnit = z.infer<typeof studyUnitSchema>;

/** An indicator of the scorecard, optionally with its kind of figure or its test set by the study. */
export const studyIndicatorSchema = z.union([
  codeSchema,
  z
    .object({
      id: codeSchema,
      statistic: z.enum(STUDY_STATISTICS).optional(),
      test: z.enum(STUDY_TESTS).optional(),
    })
    .strict(),
]);
export type StudyIndicator = z.infer<typeof studyIndicatorSchema>;

/** A test chosen for one row (indicator × unit) instead of the one the indicator's kind gives. */
export const studyOverrideSchema = z
  .object({ indicator: codeSchema, unit: codeSchema, test: z.enum(STUDY_TESTS) })
  .strict();
export type StudyOverride = z.infer<typeof studyOverrideSchema>;

/** A cost-effectiveness comparison between the windows: Δ cost ÷ Δ effect, per unit of the study. */
export const studyCostEffectivenessSchema = z.object({ cost: codeSchema, effect: codeSchema }).strict();

/** The study file, `healthbsc/study@1` (docs/study-format.md); the API's body too. */
export const studyFileSchema = z
  .object({
    format: z.literal(STUDY_FORMAT),
    code: codeSchema,
    name: localizedTextSchema,
    description: z.string().optional(),
    scorecard: codeSchema,
    units: z.array(studyUnitSchema).min(1).max(50),
    indicators: z.array(studyIndicatorSchema).min(1).max(200),
    baseline: studyWindowSchema,
    followUp: studyWindowSchema,
    /** The first month of the intervention, for the interrupted time series; default: the month after the baseline. */
    intervention: z
      .string()
      .regex(/^\d{4}-\d{2}$/, 'study.month-format')
      .optional(),
    overrides: z.array(studyOverrideSchema).optional(),
    costEffectiveness: z.array(studyCostEffectivenessSchema).optional(),
    options: z
      .object({
        /** Confidence level of the intervals, default 0.95. */
        level: z.number().gt(0.5).lt(1).optional(),
        /** Yates' continuity correction in the two-proportion test, default false (seed 000's z test). */
        continuityCorrection: z.boolean().optional(),
        /** Bootstrap replicates for the ICER interval, default 2000. */
        bootstrap: z.number().int().min(100).max(100_000).optional(),
        /** Seed of the bootstrap's random numbers, default 1. */
        seed: z.number().int().min(0).max(4_294_967_295).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type StudyFile = z.infer<typeof studyFileSchema>;

const ciSchema = z.tuple([z.number(), z.number()]).nullable();

/** One test's outcome for a row; `ciOf` says what the interval is of (the change, or a ratio). */
export const studyTestResultSchema = z.object({
  test: z.enum(STUDY_TESTS),
  statistic: z.number().nullable(),
  p: z.number().nullable(),
  ci: ciSchema,
  ciOf: z.enum(['difference', 'rate-ratio', 'odds-ratio', 'none']),
});
export type StudyTestResult = z.infer<typeof studyTestResultSchema>;

/** The interrupted time series of a row: level and slope change at the intervention (Newey–West). */
export const studyItsSchema = z.object({
  levelChange: z.number(),
  slopeChange: z.number(),
  se: z.tuple([z.number(), z.number()]),
  p: z.tuple([z.number(), z.number()]),
  ci: z.object({ level: z.tuple([z.number(), z.number()]), slope: z.tuple([z.number(), z.number()]) }),
  intervention: z.string(),
  lag: z.number().int(),
});
export type StudyIts = z.infer<typeof studyItsSchema>;

export const studyRowSchema = z.object({
  indicator: z.string(),
  /** The org unit's or the group's code. */
  unit: z.string(),
  unitKind: z.enum(['orgUnit', 'group']),
  statistic: z.enum(STUDY_STATISTICS),
  baseline: z.number().nullable(),
  followUp: z.number().nullable(),
  /** followUp − baseline. */
  change: z.number().nullable(),
  /** (followUp ÷ baseline − 1) × 100. */
  changePct: z.number().nullable(),
  /** The test the row reports: the override, else the first that fits its kind (Fisher for small counts). */
  test: z.enum(STUDY_TESTS).nullable(),
  overridden: z.boolean(),
  p: z.number().nullable(),
  /** Benjamini–Hochberg across every row of the study that has a p-value. */
  pAdjusted: z.number().nullable(),
  ci: ciSchema,
  /** Every test that fits the row's kind, so the choice can be seen and changed. */
  tests: z.array(studyTestResultSchema),
  its: studyItsSchema.nullable(),
  /** The indicator's monthly values from the baseline's first month to the follow-up's last. */
  series: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
});
export type StudyRow = z.infer<typeof studyRowSchema>;

export const studyIcerSchema = z.object({
  cost: z.string(),
  effect: z.string(),
  unit: z.string(),
  deltaCost: z.number().nullable(),
  deltaEffect: z.number().nullable(),
  /** Δ cost ÷ Δ effect; null when either is missing or the effect did not change. */
  icer: z.number().nullable(),
  /** Percentile bootstrap interval over the months of each window. */
  ci: ciSchema,
  replicates: z.number().int(),
});
export type StudyIcer = z.infer<typeof studyIcerSchema>;

export const studyResultSchema = z.object({
  study: z.object({ code: z.string(), name: localizedTextSchema, scorecard: z.string() }),
  baseline: z.object({ from: z.string(), to: z.string() }),
  followUp: z.object({ from: z.string(), to: z.string() }),
  level: z.number(),
  rows: z.array(studyRowSchema),
  icers: z.array(studyIcerSchema),
  /** Names of the indicators and units, in both languages, for tables. */
  names: z.object({
    indicators: z.record(z.string(), localizedTextSchema),
    units: z.record(z.string(), localizedTextSchema),
  }),
});
export type StudyResult = z.infer<typeof studyResultSchema>;

/** The rows `healthbsc study --json` prints, exactly this shape. */
export interface StudyCliRow {
  readonly indicator: string;
  readonly unit: string;
  readonly baseline: number | null;
  readonly followUp: number | null;
  readonly change: number | null;
  readonly changePct: number | null;
  readonly test: StudyTest | null;
  readonly p: number | null;
  readonly pAdjusted: number | null;
  readonly ci: [number, number] | null;
}

/**
 * The CLI's JSON of a study result.
 *
 * @example toStudyCliJson(result).rows[0] // { indicator: 'county_visit_rate', unit: 'UMG', baseline: 58.87, … }
 */
export function toStudyCliJson(result: StudyResult): { rows: StudyCliRow[] } {
  return {
    rows: result.rows.map((r) => ({
      indicator: r.indicator,
      unit: r.unit,
      baseline: r.baseline,
      followUp: r.followUp,
      change: r.change,
      changePct: r.changePct,
      test: r.test,
      p: r.p,
      pAdjusted: r.pAdjusted,
      ci: r.ci,
    })),
  };
}

/** A saved study as listed and read. */
export const savedStudySchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  scorecard: z.string(),
  file: studyFileSchema,
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type SavedStudy = z.infer<typeof savedStudySchema>;

export const studyListSchema = z.object({
  studies: z.array(savedStudySchema.omit({ file: true })),
});

/** `POST /api/studies/evaluate`: a study (unsaved or edited) with per-row test overrides. */
export const evaluateStudyBodySchema = studyFileSchema;

export const studyCodeParamsSchema = z.object({ code: codeSchema });
