/**
 * The "scorecard as code" file format, version 2 (`format: healthbsc/scorecard@2`): what the CLI evaluates,
 * the database imports and exports, and `healthbsc schema scorecard` prints as JSON Schema. Version 1 files
 * are still read and converted (scorecard-schema-v1.ts, convert-v1.ts). docs/scorecard-format.md documents
 * both and the move between them; a change that an older reader would misunderstand gets a new version.
 *
 * What version 2 adds, in one move, for the features that build on it: units in two languages, owners as
 * users' e-mail addresses, a `statistic` per indicator, status thresholds (a scheme default and per-indicator
 * overrides, core/scoring/status.ts), per-element period type and missing-value roll-up, `max` over time,
 * effective-from periods on indicator methods, scheme scoring and weights (each period scored by what held
 * for it), validation rules between data elements, objective weights, SMART objectives and cause→effect links.
 *
 * The structure follows seed 002 (Table 3.1: perspectives and indicators with formulas; Table 4.8: directions;
 * Tables 4.1–4.6: AHP judgment matrices) and seed 004 (leading/lagging role, owner).
 */
import { z } from 'zod';
import { tryParsePeriod } from '../periods/period.ts';
import {
  ahpSettingsSchema,
  codeSchema,
  directionSchema,
  formulaSchema,
  localizedTextSchema,
  perspectiveKindSchema,
  ratingBandSchema,
  roleSchema,
  scoringMethodSchema,
  unitAggregationSchema,
  valueTypeSchema,
  weightSetSchema,
} from './schema-parts.ts';
import { unitWordsOf } from './unit-codes.ts';

export type { AhpSettingsFile, WeightSetFile } from './schema-parts.ts';
export {
  ahpSettingsSchema,
  directionSchema,
  formulaSchema,
  localizedTextSchema,
  ratingBandSchema,
  scoringMethodSchema,
  weightSetSchema,
} from './schema-parts.ts';

export const SCORECARD_FORMAT = 'healthbsc/scorecard@2';

/** A unit of measure in both languages (`{ en: cases, zh: 例 }`); the same text twice where it has no words. */
export const unitOfMeasureSchema = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();

/**
 * A unit as a file gives it: both words, a unit code of the catalog (`unit: bed-days`, unit-codes.ts) or, as
 * older files did, any other text, kept as entered in both languages. Read as both words.
 */
export const unitInFileSchema = z.codec(
  // The words are checked after decoding (by unitOfMeasureSchema), so that a missing `zh` is reported at its path.
  z.union([
    z
      .string()
      .trim()
      .min(1)
      .meta({ description: 'a unit code of the catalog (bed-days, yuan, …) or other text' }),
    // What the JSON Schema tells an editor is what decoding then requires: both words and nothing else.
    z.looseObject({ en: z.string().optional(), zh: z.string().optional() }).meta({
      description: 'the unit in both languages',
      required: ['en', 'zh'],
      additionalProperties: false,
    }),
  ]),
  unitOfMeasureSchema,
  {
    decode: (value) =>
      typeof value === 'string' ? unitWordsOf(value) : (value as z.input<typeof unitOfMeasureSchema>),
    // A codec, so that a response holding a file can be encoded back (the API's serializer) as both words.
    encode: (words) => words,
  },
);

/**
 * A period id (`2024-03`, `2024Q1`, `2024`; a bare YAML number such as 2024 is read as the year), normalised
 * (`2024q1` → `2024Q1`). Used for the period from which a method, a weight set or a scale holds.
 */
export const periodIdSchema = z.codec(z.union([z.string(), z.number().int()]), z.string(), {
  decode: (value, ctx) => {
    const text = String(value);
    const period = tryParsePeriod(text);
    if (period === null) {
      ctx.issues.push({
        code: 'custom',
        message: 'scorecard.not-a-period',
        params: { value: text },
        input: value,
      });
      return z.NEVER;
    }
    return period.id;
  },
  // A codec rather than a transform, so that a response holding a file can be encoded back (the API's serializer).
  encode: (id) => id,
});

export const periodTypeSchema = z.enum(['month', 'quarter', 'year']);

/** A user of HealthBSC, named by the e-mail address they sign in with. */
export const ownerEmailSchema = z.email('scorecard.owner-email');

/** Where an indicator's quantified value turns from met to watch to off track (core/scoring/status.ts). */
export const statusThresholdsSchema = z.object({ met: z.number(), watch: z.number() }).strict();

export const timeAggregationSchema = z.enum(['sum', 'average', 'last', 'max']);

/** How missing values of an element roll up (declared now; applied by a later release, see the docs). */
export const missingValuesSchema = z.enum(['pairwise', 'zero', 'required']);

/**
 * How the data-quality checks treat an element's values (core/quality): the modified z-score above which a
 * value is an outlier (default 3.5), the bound on |value − median| used where the MAD is 0, and the element a
 * value is divided by before it is compared with sibling units (per capita: `per: population`). Peers are
 * compared only for percentages and for values with `per`: never raw counts.
 */
export const elementOutliersSchema = z
  .object({
    threshold: z.number().positive().optional(),
    absoluteBound: z.number().positive().optional(),
    per: codeSchema.optional(),
  })
  .strict();

export const dataElementSchema = z
  .object({
    code: codeSchema,
    name: localizedTextSchema,
    valueType: valueTypeSchema.default('number'),
    unit: unitInFileSchema.optional(),
    /** How a parent combines its children's values (beds: sum; a price index: average). */
    aggregation: unitAggregationSchema.default('sum'),
    /** The period a value is reported for; absent: month. Values are entered per month for now. */
    periodType: periodTypeSchema.optional(),
    /**
     * How months combine into quarters and years: flows (visits, revenue) sum; stocks (open beds, staff,
     * patients on a register) average, or take the last month; peaks (the most patients waiting) take the max.
     */
    timeAggregation: timeAggregationSchema.default('sum'),
    /** `pairwise`, `zero` or `required`; absent: missing values are skipped, as version 1 did. */
    missingValues: missingValuesSchema.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    description: z.string().optional(),
    /** Outlier thresholds of the data-quality checks (absent: the defaults). */
    outliers: elementOutliersSchema.optional(),
  })
  .strict();

/** What a dated version of an indicator may change; the rest is the indicator's own. */
export const indicatorVersionSchema = z
  .object({
    effectiveFrom: periodIdSchema,
    formula: formulaSchema.optional(),
    direction: directionSchema.optional(),
    scoring: scoringMethodSchema.optional(),
    status: statusThresholdsSchema.optional(),
    /** Why the method changed (a new guideline, a board decision). */
    note: z.string().optional(),
  })
  .strict();

export const indicatorSchema = z
  .object({
    id: codeSchema,
    name: localizedTextSchema,
    kind: z.enum(['quantitative', 'qualitative']).default('quantitative'),
    /** What kind of figure it is, for statistical comparisons: a proportion, a rate or a mean. */
    statistic: z.enum(['proportion', 'rate', 'mean']).optional(),
    objective: codeSchema.optional(),
    formula: formulaSchema.optional(),
    /** The formula as the source document words it, kept for readers. */
    formulaText: z.string().optional(),
    unit: unitInFileSchema.optional(),
    decimals: z.number().int().min(0).max(10).default(2),
    direction: directionSchema.default('higher'),
    /**
     * False for a monitored indicator (China's 监测比较): evaluated and shown (actual, target, trend, status) but
     * given no score and no weight; its siblings' weights add up to 1 without it. Absent: scored.
     */
    scored: z.boolean().optional(),
    role: roleSchema.optional(),
    /** The user answerable for it, by e-mail address. */
    owner: ownerEmailSchema.optional(),
    /** The owner as free text (a department), where there is no user to name. */
    ownerName: z.string().optional(),
    description: z.string().optional(),
    source: z.string().optional(),
    scoring: scoringMethodSchema.optional(),
    /** Overrides the scheme's `scoring.status`. */
    status: statusThresholdsSchema.optional(),
    /** The first period this definition holds for (absent: since the beginning). */
    effectiveFrom: periodIdSchema.optional(),
    /** Later dated changes of its method, oldest first. */
    versions: z.array(indicatorVersionSchema).optional(),
    notes: z.string().optional(),
  })
  .strict();

export const objectiveSchema = z
  .object({
    id: codeSchema,
    name: localizedTextSchema,
    description: z.string().optional(),
    /** The SMART statement: what is to be achieved, by how much and by when. */
    statement: localizedTextSchema.optional(),
    owner: ownerEmailSchema.optional(),
    ownerName: z.string().optional(),
    baseline: z.number().optional(),
    target: z.number().optional(),
    /** By when the target is to be reached (ISO 8601 date). */
    targetDate: z.iso.date().optional(),
    /** The indicators that measure it (any perspective's). */
    indicators: z.array(codeSchema).optional(),
    role: roleSchema.optional(),
  })
  .strict();

export const perspectiveSchema = z
  .object({
    id: codeSchema,
    kind: perspectiveKindSchema.optional(),
    name: localizedTextSchema,
    objectives: z.array(objectiveSchema).default([]),
    indicators: z.array(indicatorSchema).min(1),
  })
  .strict();

/** A cause → effect link of the strategy map, between objectives (or indicators). */
export const linkSchema = z
  .object({ from: codeSchema, to: codeSchema, note: z.string().optional() })
  .strict();

export const validationOperatorSchema = z.enum(['==', '!=', '<', '<=', '>', '>=']);

/** A check between data elements (DHIS2's validation rules): `left operator right`, each side a formula. */
export const validationRuleSchema = z
  .object({
    id: codeSchema,
    left: z.string().min(1),
    operator: validationOperatorSchema,
    right: z.string().min(1),
    importance: z.enum(['low', 'medium', 'high']).default('medium'),
    /** What the person entering data reads when the rule fails. */
    message: localizedTextSchema,
  })
  .strict();

const ratingBandsSchema = z.array(ratingBandSchema).min(1);

/**
 * The share of the total weight (0–1) that must be backed by data for a total to be given: below it the total
 * is "insufficient data", shown with its coverage and never rated. Absent: 0, every total is given.
 */
export const minimumCoverageSchema = z
  .number()
  .min(0)
  .max(1)
  .describe(
    'Least share of the total weight (0–1) with data for a total to be given; below it: "insufficient data", no rating',
  );

/** A dated change of the scheme's scoring: any of its settings, from a period on. */
export const scoringVersionSchema = z
  .object({
    effectiveFrom: periodIdSchema,
    method: scoringMethodSchema.optional(),
    missingData: z.enum(['renormalize', 'zero']).optional(),
    ratingBands: ratingBandsSchema.optional(),
    status: statusThresholdsSchema.optional(),
    minimumCoverage: minimumCoverageSchema.optional(),
    note: z.string().optional(),
  })
  .strict();

export const scoringSchema = z
  .object({
    /** Default method for quantitative indicators that do not name their own. */
    method: scoringMethodSchema.default({ method: 'ratio', cap: 1 }),
    missingData: z.enum(['renormalize', 'zero']).default('renormalize'),
    ratingBands: ratingBandsSchema.optional(),
    /** The scheme's status thresholds (default met 1, watch 0.9); an indicator may override them. */
    status: statusThresholdsSchema.optional(),
    minimumCoverage: minimumCoverageSchema.optional(),
    /** Later dated changes, oldest first. */
    versions: z.array(scoringVersionSchema).optional(),
  })
  .strict();

export const weightsSchema = z
  .object({
    /** The first period these weights hold for (absent: since the beginning). */
    effectiveFrom: periodIdSchema.optional(),
    perspectives: weightSetSchema,
    /** Per perspective id: a weight set among its objectives (its indicators are then weighed per objective). */
    objectives: z.record(z.string(), weightSetSchema).optional(),
    /** Per perspective id; per objective id for a perspective weighed by objectives. */
    indicators: z.record(z.string(), weightSetSchema),
  })
  .strict();

export const scorecardFileSchema = z
  .object({
    format: z.literal(SCORECARD_FORMAT),
    code: codeSchema,
    name: localizedTextSchema,
    description: z.string().optional(),
    source: z.string().optional(),
    /** The period type it is evaluated at; `effectiveFrom` periods are of this type or a longer one. */
    periodType: periodTypeSchema.optional(),
    scoring: scoringSchema.default({ method: { method: 'ratio', cap: 1 }, missingData: 'renormalize' }),
    ahp: ahpSettingsSchema.default({}),
    dataElements: z.array(dataElementSchema).default([]),
    perspectives: z.array(perspectiveSchema).min(1),
    links: z.array(linkSchema).optional(),
    validationRules: z.array(validationRuleSchema).optional(),
    weights: weightsSchema,
  })
  .strict();

export type ScorecardFile = z.infer<typeof scorecardFileSchema>;
export type ScorecardFileInput = z.input<typeof scorecardFileSchema>;
export type IndicatorFileInput = z.input<typeof indicatorSchema>;
export type PerspectiveFile = z.infer<typeof perspectiveSchema>;
export type ObjectiveFile = z.infer<typeof objectiveSchema>;
export type IndicatorFile = z.infer<typeof indicatorSchema>;
export type IndicatorVersionFile = z.infer<typeof indicatorVersionSchema>;
export type DataElementFile = z.infer<typeof dataElementSchema>;
export type ValidationRuleFile = z.infer<typeof validationRuleSchema>;
export type ElementOutliers = z.infer<typeof elementOutliersSchema>;
export type WeightsFile = z.infer<typeof weightsSchema>;
export type UnitOfMeasure = z.infer<typeof unitOfMeasureSchema>;
export type StatusThresholdsFile = z.infer<typeof statusThresholdsSchema>;
