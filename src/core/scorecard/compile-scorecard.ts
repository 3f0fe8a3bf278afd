/**
 * Checks a scorecard file whole (schema, then meaning) and turns it into a `CompiledScorecard`: formulas
 * parsed once against the declared data elements, weights resolved (AHP or manual), scoring methods chosen.
 * Every problem is reported at once with its path; nothing is evaluated from a scheme that has one.
 */
import type { AhpOptions } from '../ahp/index.ts';
import { invalid, type ProblemIssue } from '../errors/problem.ts';
import { toProblemIssues } from '../errors/zod-issues.ts';
import { type CompiledFormula, compileFormula, formatFormulaError } from '../formula/index.ts';
import type {
  Direction,
  IndicatorKind,
  IndicatorRole,
  LocalizedText,
  PerspectiveKind,
} from '../indicators/indicator.ts';
import {
  DEFAULT_STATUS_THRESHOLDS,
  type MissingDataPolicy,
  type RatingBand,
  type ScoringMethod,
  SEED002_RATING_BANDS,
  type StatusThresholds,
  validateRatingBands,
  validateScoringMethod,
} from '../scoring/index.ts';
import { resolveWeightSet, type WeightProvenance } from './resolve-weights.ts';
import {
  type DataElementFile,
  type IndicatorFile,
  type ScorecardFile,
  scorecardFileSchema,
} from './scorecard-schema.ts';

/** An indicator's formula after parsing: one expression, or numerator ÷ denominator × factor. */
export type CompiledIndicatorFormula =
  | { readonly type: 'expression'; readonly expression: CompiledFormula }
  | {
      readonly type: 'ratio';
      readonly numerator: CompiledFormula;
      readonly denominator: CompiledFormula;
      readonly factor: number;
    };

export interface CompiledIndicator {
  readonly id: string;
  readonly perspectiveId: string;
  readonly name: LocalizedText;
  readonly kind: IndicatorKind;
  readonly objective?: string;
  readonly formula: CompiledIndicatorFormula | null;
  readonly formulaText?: string;
  readonly unit?: string;
  readonly decimals: number;
  readonly direction: Direction;
  readonly role?: IndicatorRole;
  readonly owner?: string;
  readonly description?: string;
  readonly source?: string;
  readonly scoring: ScoringMethod;
  /** Where its quantified value turns from met to watch to off track. */
  readonly statusThresholds: StatusThresholds;
  /** Local weight within its perspective (sums to 1 over the perspective). */
  readonly weight: number;
  /** Perspective weight × local weight. */
  readonly globalWeight: number;
}

export interface CompiledPerspective {
  readonly id: string;
  readonly kind?: PerspectiveKind;
  readonly name: LocalizedText;
  readonly weight: number;
  readonly indicators: readonly CompiledIndicator[];
  /** How the weights of this perspective's indicators were obtained. */
  readonly indicatorWeights: WeightProvenance;
}

export interface CompiledScorecard {
  readonly code: string;
  readonly name: LocalizedText;
  readonly dataElements: readonly DataElementFile[];
  readonly perspectives: readonly CompiledPerspective[];
  readonly perspectiveWeights: WeightProvenance;
  readonly missingData: MissingDataPolicy;
  readonly ratingBands: readonly RatingBand[];
  /** Problems that do not stop evaluation, such as an AHP matrix whose CR is above the threshold. */
  readonly warnings: readonly ProblemIssue[];
  /** The validated file, with defaults filled in (for export and storage). */
  readonly definition: ScorecardFile;
}

/**
 * Validates `input` (parsed YAML or JSON) as a `healthbsc/scorecard@1` file and compiles it.
 * Throws a ProblemError listing every issue when anything is wrong.
 *
 * @example compileScorecard(yaml.parse(text)).perspectives[0].weight // 0.3764 for seed 002's financial dimension
 */
export function compileScorecard(input: unknown): CompiledScorecard {
  const parsed = scorecardFileSchema.safeParse(input);
  if (!parsed.success)
    throw invalid('The scorecard file is not valid.', toProblemIssues(parsed.error.issues));
  const file = parsed.data;
  const issues: ProblemIssue[] = [];
  const warnings: ProblemIssue[] = [];

  checkUnique(
    file.dataElements.map((d) => d.code),
    ['dataElements'],
    'code',
    'data element',
    issues,
  );
  checkUnique(
    file.perspectives.map((p) => p.id),
    ['perspectives'],
    'id',
    'perspective',
    issues,
  );
  const allIndicatorIds = file.perspectives.flatMap((p) => p.indicators.map((i) => i.id));
  const indicatorPaths = file.perspectives.flatMap((p, pi) =>
    p.indicators.map((_, ii) => ['perspectives', pi, 'indicators', ii]),
  );
  checkUniqueAt(allIndicatorIds, indicatorPaths, 'indicator', issues);

  const ratingBands = file.scoring.ratingBands ?? SEED002_RATING_BANDS;
  if (file.scoring.ratingBands) issues.push(...validateRatingBands(ratingBands, ['scoring', 'ratingBands']));

  const known = new Set(file.dataElements.map((d) => d.code));
  const ahpOptions: AhpOptions = file.ahp;

  const perspectiveWeights = resolveWeightSet(
    file.weights.perspectives,
    file.perspectives.map((p) => p.id),
    ahpOptions,
    ['weights', 'perspectives'],
    issues,
    warnings,
  );
  for (const key of Object.keys(file.weights.indicators)) {
    if (!file.perspectives.some((p) => p.id === key)) {
      issues.push({ path: ['weights', 'indicators', key], message: `'${key}' is not a perspective` });
    }
  }

  const perspectives: CompiledPerspective[] = [];
  file.perspectives.forEach((perspective, pi) => {
    const set = file.weights.indicators[perspective.id];
    const weightPath = ['weights', 'indicators', perspective.id];
    const local = set
      ? resolveWeightSet(
          set,
          perspective.indicators.map((i) => i.id),
          ahpOptions,
          weightPath,
          issues,
          warnings,
        )
      : null;
    if (!set)
      issues.push({
        path: ['weights', 'indicators'],
        message: `no weights for perspective '${perspective.id}'`,
      });
    const objectiveIds = new Set(perspective.objectives.map((o) => o.id));
    const perspectiveWeight = perspectiveWeights?.weights.get(perspective.id) ?? 0;
    const indicators = perspective.indicators.map((indicator, ii) => {
      const path = ['perspectives', pi, 'indicators', ii];
      if (indicator.objective !== undefined && !objectiveIds.has(indicator.objective)) {
        issues.push({
          path: [...path, 'objective'],
          message: `'${indicator.objective}' is not an objective of this perspective`,
        });
      }
      const weight = local?.weights.get(indicator.id) ?? 0;
      return compileIndicator(
        indicator,
        perspective.id,
        weight,
        perspectiveWeight,
        file,
        known,
        path,
        issues,
      );
    });
    perspectives.push({
      id: perspective.id,
      kind: perspective.kind,
      name: perspective.name,
      weight: perspectiveWeight,
      indicators,
      indicatorWeights: local?.provenance ?? { source: 'manual' },
    });
  });

  if (issues.length > 0 || !perspectiveWeights) throw invalid('The scorecard file is not valid.', issues);
  return {
    code: file.code,
    name: file.name,
    dataElements: file.dataElements,
    perspectives,
    perspectiveWeights: perspectiveWeights.provenance,
    missingData: file.scoring.missingData,
    ratingBands,
    warnings,
    definition: file,
  };
}

function compileIndicator(
  indicator: IndicatorFile,
  perspectiveId: string,
  weight: number,
  perspectiveWeight: number,
  file: ScorecardFile,
  known: ReadonlySet<string>,
  path: readonly (string | number)[],
  issues: ProblemIssue[],
): CompiledIndicator {
  const direction = toDirection(indicator.direction, [...path, 'direction'], issues);
  let scoring: ScoringMethod;
  if (indicator.kind === 'qualitative') {
    if (indicator.scoring && indicator.scoring.method !== 'rubric') {
      issues.push({ path: [...path, 'scoring'], message: 'a qualitative indicator is scored by rubric' });
    }
    if (indicator.formula !== undefined) {
      issues.push({
        path: [...path, 'formula'],
        message: 'a qualitative indicator has no formula: raters score it',
      });
    }
    scoring = { method: 'rubric' };
  } else {
    scoring = indicator.scoring ?? file.scoring.method;
    if (scoring.method === 'rubric') {
      issues.push({ path: [...path, 'scoring'], message: "'rubric' is for qualitative indicators" });
    } else {
      issues.push(
        ...validateScoringMethod(
          scoring,
          direction,
          indicator.scoring ? [...path, 'scoring'] : ['scoring', 'method'],
        ),
      );
    }
  }
  const formula = compileIndicatorFormula(indicator.formula, known, [...path, 'formula'], issues);
  return {
    id: indicator.id,
    perspectiveId,
    name: indicator.name,
    kind: indicator.kind,
    objective: indicator.objective,
    formula,
    formulaText: indicator.formulaText,
    unit: indicator.unit,
    decimals: indicator.decimals,
    direction,
    role: indicator.role,
    owner: indicator.owner,
    description: indicator.description,
    source: indicator.source,
    scoring,
    // The scorecard format takes thresholds of its own with @2 (scheme defaults, per-indicator overrides).
    statusThresholds: DEFAULT_STATUS_THRESHOLDS,
    weight,
    globalWeight: perspectiveWeight * weight,
  };
}

function toDirection(
  value: IndicatorFile['direction'],
  path: readonly (string | number)[],
  issues: ProblemIssue[],
): Direction {
  if (value === 'higher' || value === 'lower') return { kind: value };
  const [lower, upper] = value.band;
  if (lower > upper)
    issues.push({
      path: [...path, 'band'],
      message: `the band's lower bound ${lower} is above its upper bound ${upper}`,
    });
  return { kind: 'band', lower, upper };
}

function compileIndicatorFormula(
  formula: IndicatorFile['formula'],
  known: ReadonlySet<string>,
  path: readonly (string | number)[],
  issues: ProblemIssue[],
): CompiledIndicatorFormula | null {
  if (formula === undefined) return null;
  if (typeof formula === 'string') {
    const expression = compileOne(formula, known, path, issues);
    return expression ? { type: 'expression', expression } : null;
  }
  const numerator = compileOne(formula.numerator, known, [...path, 'numerator'], issues);
  const denominator = compileOne(formula.denominator, known, [...path, 'denominator'], issues);
  return numerator && denominator ? { type: 'ratio', numerator, denominator, factor: formula.factor } : null;
}

function compileOne(
  source: string,
  known: ReadonlySet<string>,
  path: readonly (string | number)[],
  issues: ProblemIssue[],
): CompiledFormula | null {
  const result = compileFormula(source, known);
  if (result.ok) return result.formula;
  for (const error of result.errors) {
    issues.push({
      path,
      message: `${formatFormulaError(source, error)} in "${source}"`,
      position: error.position,
    });
  }
  return null;
}

function checkUnique(
  values: readonly string[],
  path: readonly (string | number)[],
  field: string,
  what: string,
  issues: ProblemIssue[],
): void {
  checkUniqueAt(
    values,
    values.map((_, index) => [...path, index]),
    what,
    issues,
    field,
  );
}

function checkUniqueAt(
  values: readonly string[],
  paths: readonly (readonly (string | number)[])[],
  what: string,
  issues: ProblemIssue[],
  field = 'id',
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value))
      issues.push({ path: [...(paths[index] ?? []), field], message: `duplicate ${what} '${value}'` });
    seen.add(value);
  });
}
