/**
 * The local weights of a perspective's indicators. A perspective is weighed either directly (one weight set
 * over its indicators, `weights.indicators.<perspective>`, as in version 1) or by objectives (a weight set
 * over its objectives, `weights.objectives.<perspective>`, then one over each objective's indicators,
 * `weights.indicators.<objective>`). By objectives, an indicator's local weight is its objective's weight ×
 * its weight within the objective, so the perspective score Σ wᵢ·qᵢ is the objectives' weighted mean of their
 * indicators' weighted means (the hierarchic composition of seed 002 §2.2.3 applied one level deeper).
 * Monitored indicators (`scored: false`) are left out of every weight set: the scored ones share the weight.
 */
import type { AhpOptions } from '../ahp/index.ts';
import { issue, type ProblemIssue } from '../errors/problem.ts';
import { resolveWeightSet, type WeightProvenance } from './resolve-weights.ts';
import type { IndicatorFile, PerspectiveFile, ScorecardFile } from './scorecard-schema.ts';

/** An objective's weight within its perspective, and how its indicators' weights were obtained. */
export interface CompiledObjectiveWeight {
  readonly id: string;
  readonly weight: number;
  readonly indicatorWeights: WeightProvenance;
}

export interface PerspectiveWeighing {
  /** Each indicator's local weight within the perspective (they add up to 1). */
  readonly weights: ReadonlyMap<string, number>;
  /** The indicator weight set's provenance; by objectives, the objective set's. */
  readonly provenance: WeightProvenance;
  /** By objectives: each objective's weight; null for a perspective weighed directly. */
  readonly objectives: readonly CompiledObjectiveWeight[] | null;
}

/**
 * Whether an indicator counts in its perspective's score: true unless it is monitored only (`scored: false`).
 *
 * @example isScored({ id: 'cn-tertiary-1', scored: false, ... }) // false
 */
export function isScored(indicator: Pick<IndicatorFile, 'scored'>): boolean {
  return indicator.scored !== false;
}

/**
 * Whether the file weighs this perspective by objectives.
 *
 * @example isWeighedByObjectives(file, 'I') // true when file.weights.objectives.I is set
 */
export function isWeighedByObjectives(file: ScorecardFile, perspectiveId: string): boolean {
  return file.weights.objectives?.[perspectiveId] !== undefined;
}

/**
 * The local weights of `perspective`'s indicators, reporting every problem; null when they cannot be found.
 *
 * @example weighPerspective(file, file.perspectives[0], {}, issues, warnings)?.weights.get('F1') // 0.3413 for AZ
 */
export function weighPerspective(
  file: ScorecardFile,
  perspective: PerspectiveFile,
  ahpOptions: AhpOptions,
  issues: ProblemIssue[],
  warnings: ProblemIssue[],
): PerspectiveWeighing | null {
  const objectiveSet = file.weights.objectives?.[perspective.id];
  const unscored = new Set(perspective.indicators.filter((i) => !isScored(i)).map((i) => i.id));
  if (objectiveSet === undefined) {
    const set = file.weights.indicators[perspective.id];
    if (!set) {
      issues.push(
        issue('scorecard.no-perspective-weights', { perspective: perspective.id }, ['weights', 'indicators']),
      );
      return null;
    }
    const path = ['weights', 'indicators', perspective.id];
    const ids = perspective.indicators.filter(isScored).map((i) => i.id);
    // A perspective of monitored indicators only has nothing to score (its weights could only add up to 0):
    // said as such rather than as weights that do not add up to 1.
    if (ids.length === 0 && unscored.size > 0) {
      issues.push(
        issue('scorecard.perspective-only-monitored', { perspective: perspective.id }, [
          'perspectives',
          file.perspectives.indexOf(perspective),
          'indicators',
        ]),
      );
      return null;
    }
    const local = resolveWeightSet(set, ids, ahpOptions, path, issues, warnings, unscored);
    return local ? { weights: local.weights, provenance: local.provenance, objectives: null } : null;
  }

  const before = issues.length;
  if (file.weights.indicators[perspective.id] !== undefined) {
    issues.push(
      issue('scorecard.weighed-by-objectives', { perspective: perspective.id }, [
        'weights',
        'indicators',
        perspective.id,
      ]),
    );
  }
  perspective.indicators.forEach((indicator, ii) => {
    if (indicator.objective === undefined) {
      const path = ['perspectives', file.perspectives.indexOf(perspective), 'indicators', ii, 'objective'];
      issues.push(
        issue(
          'scorecard.indicator-without-objective',
          { id: indicator.id, perspective: perspective.id },
          path,
        ),
      );
    }
  });
  const objectiveIds = perspective.objectives.map((o) => o.id);
  const objectivePath = ['weights', 'objectives', perspective.id];
  const top = resolveWeightSet(objectiveSet, objectiveIds, ahpOptions, objectivePath, issues, warnings);
  const weights = new Map<string, number>();
  const objectives: CompiledObjectiveWeight[] = [];
  for (const objectiveId of objectiveIds) {
    const members = perspective.indicators
      .filter((i) => i.objective === objectiveId && isScored(i))
      .map((i) => i.id);
    const set = file.weights.indicators[objectiveId];
    if (members.length === 0) {
      issues.push(issue('scorecard.objective-without-indicators', { objective: objectiveId }, objectivePath));
      continue;
    }
    if (!set) {
      issues.push(
        issue('scorecard.no-objective-weights', { objective: objectiveId }, ['weights', 'indicators']),
      );
      continue;
    }
    const local = resolveWeightSet(
      set,
      members,
      ahpOptions,
      ['weights', 'indicators', objectiveId],
      issues,
      warnings,
      unscored,
    );
    const objectiveWeight = top?.weights.get(objectiveId) ?? 0;
    if (local) {
      for (const [id, weight] of local.weights) weights.set(id, objectiveWeight * weight);
      objectives.push({ id: objectiveId, weight: objectiveWeight, indicatorWeights: local.provenance });
    }
  }
  if (!top || issues.length > before) return null;
  return { weights, provenance: top.provenance, objectives };
}

/**
 * Checks the keys of `weights.objectives` (perspective ids) and `weights.indicators` (a perspective weighed
 * directly, or an objective of one weighed by objectives).
 *
 * @example checkWeightKeys(file, issues) // an issue at ['weights', 'indicators', 'Z'] when Z is neither
 */
export function checkWeightKeys(file: ScorecardFile, issues: ProblemIssue[]): void {
  const perspectives = new Set(file.perspectives.map((p) => p.id));
  for (const key of Object.keys(file.weights.objectives ?? {})) {
    if (!perspectives.has(key))
      issues.push(issue('scorecard.not-a-perspective', { id: key }, ['weights', 'objectives', key]));
  }
  const byObjectives = file.perspectives.filter((p) => isWeighedByObjectives(file, p.id));
  const objectives = new Set(byObjectives.flatMap((p) => p.objectives.map((o) => o.id)));
  for (const key of Object.keys(file.weights.indicators)) {
    if (perspectives.has(key) || objectives.has(key)) continue;
    issues.push(
      byObjectives.length === 0
        ? issue('scorecard.not-a-perspective', { id: key }, ['weights', 'indicators', key])
        : issue('scorecard.not-a-weight-group', { id: key }, ['weights', 'indicators', key]),
    );
  }
}
