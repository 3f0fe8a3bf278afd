/**
 * One indicator of a scorecard file, checked and compiled: its direction, scoring method, status thresholds
 * and formula (parsed against the declared data elements), and its dated method versions checked and compiled
 * the same way, so that evaluating a period can use the method that held for it (method-for-period.ts).
 */
import { isProblemError, issue, issueOfCode, type ProblemIssue } from '../errors/problem.ts';
import { type CompiledFormula, compileFormula, type FormulaError } from '../formula/index.ts';
import type { Direction, IndicatorKind, IndicatorRole, LocalizedText } from '../indicators/indicator.ts';
import {
  type ScoringMethod,
  type StatusThresholds,
  validateScoringMethod,
  validateStatusThresholds,
} from '../scoring/index.ts';
import type { DirectionFile, FormulaFile } from './schema-parts.ts';
import type { IndicatorFile, ScorecardFile, UnitOfMeasure } from './scorecard-schema.ts';

type Path = readonly (string | number)[];

/** An indicator's formula after parsing: one expression, or numerator ÷ denominator × factor. */
export type CompiledIndicatorFormula =
  | { readonly type: 'expression'; readonly expression: CompiledFormula }
  | {
      readonly type: 'ratio';
      readonly numerator: CompiledFormula;
      readonly denominator: CompiledFormula;
      readonly factor: number;
    };

/**
 * A dated change of an indicator's method, compiled: what it names replaces the indicator's own definition
 * from `effectiveFrom` on (until the next version); what it leaves out is the indicator's own.
 */
export interface CompiledIndicatorVersion {
  readonly effectiveFrom: string;
  /** Absent: the indicator's own formula. */
  readonly formula?: CompiledIndicatorFormula | null;
  readonly direction?: Direction;
  readonly scoring?: ScoringMethod;
  readonly statusThresholds?: StatusThresholds;
  readonly note?: string;
}

export interface CompiledIndicator {
  readonly id: string;
  readonly perspectiveId: string;
  readonly name: LocalizedText;
  readonly kind: IndicatorKind;
  /** A proportion, a rate or a mean, when the file says which (for statistical comparisons). */
  readonly statistic?: 'proportion' | 'rate' | 'mean';
  readonly objective?: string;
  readonly formula: CompiledIndicatorFormula | null;
  readonly formulaText?: string;
  readonly unit?: UnitOfMeasure;
  readonly decimals: number;
  readonly direction: Direction;
  readonly role?: IndicatorRole;
  /** The e-mail address of the user answerable for it. */
  readonly owner?: string;
  /** The owner as free text (a department). */
  readonly ownerName?: string;
  readonly description?: string;
  readonly source?: string;
  readonly scoring: ScoringMethod;
  /** Where its quantified value turns from met to watch to off track. */
  readonly statusThresholds: StatusThresholds;
  /** False for a monitored indicator (`scored: false`): evaluated and shown, no weight, no score. */
  readonly scored: boolean;
  /** Local weight within its perspective (sums to 1 over the perspective's scored indicators; 0 when unscored). */
  readonly weight: number;
  /** Perspective weight × local weight. */
  readonly globalWeight: number;
  /** The first period its definition holds for; null: since the beginning. */
  readonly effectiveFrom: string | null;
  /** False for a period before `effectiveFrom` (method-for-period.ts): it is then left out of the score. */
  readonly inEffect: boolean;
  /** Its dated method versions, oldest first. */
  readonly versions: readonly CompiledIndicatorVersion[];
  /** Whether `scoring` and `statusThresholds` are its own or the scheme's (a dated scheme version may change the latter). */
  readonly scoringFrom: 'indicator' | 'scheme';
  readonly statusFrom: 'indicator' | 'scheme';
}

/** What compiling an indicator needs from the rest of the file. */
export interface IndicatorContext {
  readonly file: ScorecardFile;
  readonly perspectiveId: string;
  readonly known: ReadonlySet<string>;
  /** The scheme's status thresholds (its `scoring.status`, or the default). */
  readonly statusThresholds: StatusThresholds;
  readonly weight: number;
  readonly perspectiveWeight: number;
}

/**
 * Checks and compiles one indicator, reporting every problem into `issues`.
 *
 * @example compileIndicator(file.perspectives[0].indicators[0], context, ['perspectives', 0, 'indicators', 0], issues).scoring
 *   // the indicator's method, or the scheme's default
 */
export function compileIndicator(
  indicator: IndicatorFile,
  context: IndicatorContext,
  path: Path,
  issues: ProblemIssue[],
): CompiledIndicator {
  const direction = toDirection(indicator.direction, [...path, 'direction'], issues);
  const scoring = checkMethod(
    indicator,
    indicator.scoring,
    indicator.formula,
    direction,
    context,
    path,
    issues,
  );
  const formula = compileIndicatorFormula(indicator.formula, context.known, [...path, 'formula'], issues);
  const statusThresholds = indicator.status ?? context.statusThresholds;
  if (indicator.status) checkStatusThresholds(indicator.status, [...path, 'status'], issues);
  const versions = (indicator.versions ?? []).map((version, vi): CompiledIndicatorVersion => {
    const at = [...path, 'versions', vi];
    const versionDirection =
      version.direction === undefined
        ? direction
        : toDirection(version.direction, [...at, 'direction'], issues);
    const versionScoring = checkMethod(
      indicator,
      version.scoring ?? indicator.scoring,
      version.formula,
      versionDirection,
      context,
      at,
      issues,
    );
    const versionFormula = compileIndicatorFormula(
      version.formula,
      context.known,
      [...at, 'formula'],
      issues,
    );
    if (version.status) checkStatusThresholds(version.status, [...at, 'status'], issues);
    return {
      effectiveFrom: version.effectiveFrom,
      ...(version.formula === undefined ? {} : { formula: versionFormula }),
      ...(version.direction === undefined ? {} : { direction: versionDirection }),
      ...(version.scoring === undefined ? {} : { scoring: versionScoring }),
      ...(version.status === undefined ? {} : { statusThresholds: version.status }),
      ...(version.note === undefined ? {} : { note: version.note }),
    };
  });
  return {
    id: indicator.id,
    perspectiveId: context.perspectiveId,
    name: indicator.name,
    kind: indicator.kind,
    statistic: indicator.statistic,
    objective: indicator.objective,
    formula,
    formulaText: indicator.formulaText,
    unit: indicator.unit,
    decimals: indicator.decimals,
    direction,
    role: indicator.role,
    owner: indicator.owner,
    ownerName: indicator.ownerName,
    description: indicator.description,
    source: indicator.source,
    scoring,
    statusThresholds,
    scored: indicator.scored !== false,
    weight: context.weight,
    globalWeight: context.perspectiveWeight * context.weight,
    effectiveFrom: indicator.effectiveFrom ?? null,
    inEffect: true,
    versions,
    scoringFrom:
      indicator.kind === 'quantitative' && indicator.scoring === undefined ? 'scheme' : 'indicator',
    statusFrom: indicator.status === undefined ? 'scheme' : 'indicator',
  };
}

/**
 * The scoring method of an indicator (or of one of its versions), checked against its kind and direction:
 * qualitative indicators are rated (rubric, no formula); quantitative ones use their own method or the scheme's.
 */
function checkMethod(
  indicator: IndicatorFile,
  own: IndicatorFile['scoring'],
  formula: FormulaFile | undefined,
  direction: Direction,
  context: IndicatorContext,
  path: Path,
  issues: ProblemIssue[],
): ScoringMethod {
  if (indicator.kind === 'qualitative') {
    if (own && own.method !== 'rubric')
      issues.push(issue('scorecard.qualitative-scoring', {}, [...path, 'scoring']));
    if (formula !== undefined) issues.push(issue('scorecard.qualitative-formula', {}, [...path, 'formula']));
    return { method: 'rubric' };
  }
  const scoring = own ?? context.file.scoring.method;
  if (scoring.method === 'rubric') {
    issues.push(issue('scorecard.rubric-quantitative', {}, [...path, 'scoring']));
  } else {
    issues.push(
      ...validateScoringMethod(scoring, direction, own ? [...path, 'scoring'] : ['scoring', 'method']),
    );
  }
  return scoring;
}

/**
 * Status thresholds checked by core/scoring's rule (watch ≤ met), its issue kept at `path`.
 *
 * @example checkStatusThresholds({ met: 0.8, watch: 0.9 }, ['scoring', 'status'], issues) // one issue, scoring.status-thresholds
 */
export function checkStatusThresholds(
  thresholds: StatusThresholds,
  path: Path,
  issues: ProblemIssue[],
): void {
  try {
    validateStatusThresholds(thresholds, path);
  } catch (error) {
    if (!isProblemError(error)) throw error;
    issues.push(...error.problem.issues);
  }
}

function toDirection(value: DirectionFile, path: Path, issues: ProblemIssue[]): Direction {
  if (value === 'higher' || value === 'lower') return { kind: value };
  const [lower, upper] = value.band;
  if (lower > upper) issues.push(issue('scorecard.band-reversed', { lower, upper }, [...path, 'band']));
  return { kind: 'band', lower, upper };
}

function compileIndicatorFormula(
  formula: FormulaFile | undefined,
  known: ReadonlySet<string>,
  path: Path,
  issues: ProblemIssue[],
): CompiledIndicatorFormula | null {
  if (formula === undefined) return null;
  if (typeof formula === 'string') {
    const expression = compileChecked(formula, known, path, issues);
    return expression ? { type: 'expression', expression } : null;
  }
  const numerator = compileChecked(formula.numerator, known, [...path, 'numerator'], issues);
  const denominator = compileChecked(formula.denominator, known, [...path, 'denominator'], issues);
  return numerator && denominator ? { type: 'ratio', numerator, denominator, factor: formula.factor } : null;
}

/**
 * Parses one formula against the known data elements; every error becomes an issue at `path`, with the
 * character position inside the formula.
 *
 * @example compileChecked('a / b', new Set(['a', 'b']), ['formula'], issues)?.references // ['a', 'b']
 */
export function compileChecked(
  source: string,
  known: ReadonlySet<string>,
  path: Path,
  issues: ProblemIssue[],
): CompiledFormula | null {
  const result = compileFormula(source, known);
  if (result.ok) return result.formula;
  for (const error of result.errors) issues.push(formulaIssue(error, path));
  return null;
}

/** A formula error as an issue at the formula's path: its code, parameters and position inside the text. */
function formulaIssue(error: FormulaError, path: Path): ProblemIssue {
  return issueOfCode(error.code, error.params, path, error.position);
}
