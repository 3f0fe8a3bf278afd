/**
 * Checks a scorecard file whole (schema, then meaning) and turns it into a `CompiledScorecard`: formulas
 * parsed once against the declared data elements, weights resolved (AHP or manual, directly or by
 * objectives), scoring methods and status thresholds chosen. Every problem is reported at once with its path;
 * nothing is evaluated from a scheme that has one. A version-1 file is converted first (read-scorecard-file.ts),
 * and the conversion's notes come with the result.
 */
import type { AhpOptions } from '../ahp/index.ts';
import { invalid, issue, type ProblemIssue, type ProblemNote } from '../errors/problem.ts';
import type { LocalizedText, PerspectiveKind } from '../indicators/indicator.ts';
import type { PeriodType } from '../periods/index.ts';
import {
  DEFAULT_STATUS_THRESHOLDS,
  type MissingDataPolicy,
  type RatingBand,
  type ScoringMethod,
  SEED002_RATING_BANDS,
  type StatusThresholds,
  validateRatingBands,
} from '../scoring/index.ts';
import { checkEffectiveDates } from './check-effective-dates.ts';
import { type CompiledValidationRule, checkStrategy, compileValidationRules } from './check-strategy.ts';
import { type CompiledIndicator, checkStatusThresholds, compileIndicator } from './compile-indicator.ts';
import { periodStart } from './effective-periods.ts';
import { readScorecardFile, type ScorecardFormat } from './read-scorecard-file.ts';
import { resolveWeightSet, type WeightProvenance } from './resolve-weights.ts';
import type { DataElementFile, ScorecardFile } from './scorecard-schema.ts';
import { type CompiledObjectiveWeight, checkWeightKeys, weighPerspective } from './weigh-perspective.ts';

export type {
  CompiledIndicator,
  CompiledIndicatorFormula,
  CompiledIndicatorVersion,
} from './compile-indicator.ts';

/** A dated change of the scheme's scoring: what it names replaces the scheme's own setting from `effectiveFrom` on. */
export interface CompiledScoringVersion {
  readonly effectiveFrom: string;
  readonly method?: ScoringMethod;
  readonly missingData?: MissingDataPolicy;
  readonly ratingBands?: readonly RatingBand[];
  readonly statusThresholds?: StatusThresholds;
  readonly minimumCoverage?: number;
  readonly note?: string;
}

export interface CompiledPerspective {
  readonly id: string;
  readonly kind?: PerspectiveKind;
  readonly name: LocalizedText;
  readonly weight: number;
  readonly indicators: readonly CompiledIndicator[];
  /** How the weights of this perspective's indicators were obtained (by objectives: the objectives' set). */
  readonly indicatorWeights: WeightProvenance;
  /** Each objective's weight when the perspective is weighed by objectives; null otherwise. */
  readonly objectiveWeights: readonly CompiledObjectiveWeight[] | null;
}

export interface CompiledScorecard {
  readonly code: string;
  readonly name: LocalizedText;
  readonly dataElements: readonly DataElementFile[];
  readonly perspectives: readonly CompiledPerspective[];
  readonly perspectiveWeights: WeightProvenance;
  readonly missingData: MissingDataPolicy;
  readonly ratingBands: readonly RatingBand[];
  /** The scheme's status thresholds, which indicators without their own use. */
  readonly statusThresholds: StatusThresholds;
  /** The share of the weight (0–1) that must have data for a total to be given (0: always given). */
  readonly minimumCoverage: number;
  /** The scheme's dated scoring versions, oldest first. */
  readonly scoringVersions: readonly CompiledScoringVersion[];
  /** The period type it is evaluated at (effective-from periods are of this type or longer); null: any. */
  readonly periodType: PeriodType | null;
  /**
   * The first months (`YYYY-MM`) at which anything dated inside the file starts to hold, sorted: periods between
   * two of them are scored by the same method (method-for-period.ts caches by this range, not by period).
   */
  readonly datedMonths: readonly string[];
  /** The validation rules between data elements, parsed (checked on entry, on import and on demand: core/quality). */
  readonly validationRules: readonly CompiledValidationRule[];
  /** Problems that do not stop evaluation: an AHP matrix whose CR is above the threshold, declarations kept. */
  readonly warnings: readonly ProblemIssue[];
  /** The format the file was written in. */
  readonly format: ScorecardFormat;
  /** What converting a version-1 file changed (empty for version 2). */
  readonly conversion: readonly ProblemNote[];
  /** The validated file as version 2, with defaults filled in (for export and storage). */
  readonly definition: ScorecardFile;
}

/**
 * Validates `input` (parsed YAML or JSON) as a scorecard file (`healthbsc/scorecard@2`, or `@1`, converted)
 * and compiles it. Throws a ProblemError (`scorecard.invalid-file`) listing every issue when anything is wrong.
 *
 * @example compileScorecard(yaml.parse(text)).perspectives[0].weight // 0.3764 for seed 002's financial dimension
 */
export function compileScorecard(input: unknown): CompiledScorecard {
  const { file, format, notes } = readScorecardFile(input);
  const issues: ProblemIssue[] = [];
  const warnings: ProblemIssue[] = [];

  checkUnique(
    file.dataElements.map((d) => d.code),
    file.dataElements.map((_, i) => ['dataElements', i, 'code']),
    (code) => issue('scorecard.duplicate-data-element', { code }),
    issues,
  );
  checkUnique(
    file.perspectives.map((p) => p.id),
    file.perspectives.map((_, i) => ['perspectives', i, 'id']),
    (id) => issue('scorecard.duplicate-perspective', { id }),
    issues,
  );
  checkUnique(
    file.perspectives.flatMap((p) => p.indicators.map((i) => i.id)),
    file.perspectives.flatMap((p, pi) =>
      p.indicators.map((_, ii) => ['perspectives', pi, 'indicators', ii, 'id']),
    ),
    (id) => issue('scorecard.duplicate-indicator', { id }),
    issues,
  );

  const ratingBands = file.scoring.ratingBands ?? SEED002_RATING_BANDS;
  if (file.scoring.ratingBands) issues.push(...validateRatingBands(ratingBands, ['scoring', 'ratingBands']));
  const statusThresholds = file.scoring.status ?? DEFAULT_STATUS_THRESHOLDS;
  if (file.scoring.status) checkStatusThresholds(file.scoring.status, ['scoring', 'status'], issues);

  const known = new Set(file.dataElements.map((d) => d.code));
  const ahpOptions: AhpOptions = file.ahp;
  const perspectiveWeights = resolvePerspectiveWeights(file, ahpOptions, issues, warnings);
  checkWeightKeys(file, issues);

  const perspectives: CompiledPerspective[] = file.perspectives.map((perspective, pi) => {
    const weighing = weighPerspective(file, perspective, ahpOptions, issues, warnings);
    const objectiveIds = new Set(perspective.objectives.map((o) => o.id));
    const perspectiveWeight = perspectiveWeights?.weights.get(perspective.id) ?? 0;
    const indicators = perspective.indicators.map((indicator, ii) => {
      const path = ['perspectives', pi, 'indicators', ii];
      if (indicator.objective !== undefined && !objectiveIds.has(indicator.objective)) {
        issues.push(
          issue(
            'scorecard.unknown-objective',
            { objective: indicator.objective, perspective: perspective.id },
            [...path, 'objective'],
          ),
        );
      }
      const context = {
        file,
        perspectiveId: perspective.id,
        known,
        statusThresholds,
        weight: weighing?.weights.get(indicator.id) ?? 0,
        perspectiveWeight,
      };
      return compileIndicator(indicator, context, path, issues);
    });
    return {
      id: perspective.id,
      kind: perspective.kind,
      name: perspective.name,
      weight: perspectiveWeight,
      indicators,
      indicatorWeights: weighing?.provenance ?? { source: 'manual' },
      objectiveWeights: weighing?.objectives ?? null,
    };
  });

  checkStrategy(file, issues);
  const validationRules = compileValidationRules(file, known, issues);
  checkEffectiveDates(file, issues);

  if (issues.length > 0 || !perspectiveWeights) throw invalid('scorecard.invalid-file', {}, issues);
  return {
    code: file.code,
    name: file.name,
    dataElements: file.dataElements,
    perspectives,
    perspectiveWeights: perspectiveWeights.provenance,
    missingData: file.scoring.missingData,
    ratingBands,
    statusThresholds,
    minimumCoverage: file.scoring.minimumCoverage ?? 0,
    scoringVersions: compileScoringVersions(file),
    periodType: file.periodType ?? null,
    datedMonths: datedMonthsOf(file),
    validationRules,
    warnings,
    format,
    conversion: notes,
    definition: file,
  };
}

/** The scheme's dated scoring versions (checked by checkEffectiveDates), in the compiled shape. */
function compileScoringVersions(file: ScorecardFile): CompiledScoringVersion[] {
  return (file.scoring.versions ?? []).map((version) => ({
    effectiveFrom: version.effectiveFrom,
    ...(version.method === undefined ? {} : { method: version.method }),
    ...(version.missingData === undefined ? {} : { missingData: version.missingData }),
    ...(version.ratingBands === undefined ? {} : { ratingBands: version.ratingBands }),
    ...(version.status === undefined ? {} : { statusThresholds: version.status }),
    ...(version.minimumCoverage === undefined ? {} : { minimumCoverage: version.minimumCoverage }),
    ...(version.note === undefined ? {} : { note: version.note }),
  }));
}

/** Every first month at which something dated in the file starts to hold, sorted and distinct. */
function datedMonthsOf(file: ScorecardFile): string[] {
  const periods = [
    ...(file.scoring.versions ?? []).map((v) => v.effectiveFrom),
    ...file.perspectives.flatMap((p) =>
      p.indicators.flatMap((i) => [
        ...(i.effectiveFrom === undefined ? [] : [i.effectiveFrom]),
        ...(i.versions ?? []).map((v) => v.effectiveFrom),
      ]),
    ),
  ];
  return [...new Set(periods.map(periodStart))].sort();
}

function resolvePerspectiveWeights(
  file: ScorecardFile,
  ahpOptions: AhpOptions,
  issues: ProblemIssue[],
  warnings: ProblemIssue[],
) {
  return resolveWeightSet(
    file.weights.perspectives,
    file.perspectives.map((p) => p.id),
    ahpOptions,
    ['weights', 'perspectives'],
    issues,
    warnings,
  );
}

/** Reports the second and later occurrences of a value, at their own paths. */
function checkUnique(
  values: readonly string[],
  paths: readonly (readonly (string | number)[])[],
  duplicate: (value: string) => ProblemIssue,
  issues: ProblemIssue[],
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) issues.push({ ...duplicate(value), path: paths[index] ?? [] });
    seen.add(value);
  });
}
