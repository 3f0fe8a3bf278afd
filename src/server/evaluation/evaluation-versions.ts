/**
 * What an evaluation says about the versions it used (core/contracts/evaluation.ts `versions`), and the
 * aggregated inputs of each indicator that a publication freezes (publication_input): both from the method that
 * held for the period (dated-scorecard.ts) and the inputs the engine read (evaluation-inputs.ts).
 */
import type { EvaluationVersions, UsedVersion } from '../../core/contracts/evaluation.ts';
import { computeIndicatorParts, type ScorecardEvaluation } from '../../core/scorecard/index.ts';
import type { OrgUnitRow } from '../../db/repositories/evaluation.repository.ts';
import type { PublicationInputRecord } from '../../db/repositories/publication.repository.ts';
import type { ScorecardMethod, VersionRef } from './dated-scorecard.ts';
import type { UnitInputs } from './evaluation-inputs.ts';
import type { MetadataSnapshot } from './metadata-snapshot.ts';

/** An assignment of the scorecard to org units, as recorded. */
export interface AssignmentRef extends VersionRef {
  readonly orgUnits: readonly { readonly orgUnitId: number; readonly includeDescendants: boolean }[];
}

function used(ref: VersionRef): UsedVersion {
  return {
    id: ref.id,
    version: ref.version,
    effectiveFrom: ref.effectiveFrom,
    recordedAt: ref.recordedAt.toISOString(),
  };
}

/** Whether an assignment covers a unit: the unit itself, or an ancestor assigned with its subtree. */
function covers(assignment: AssignmentRef, unit: OrgUnitRow, meta: MetadataSnapshot): boolean {
  const byUnit = new Map(assignment.orgUnits.map((a) => [a.orgUnitId, a.includeDescendants]));
  if (byUnit.has(unit.id)) return true;
  let current = unit.parentId === null ? undefined : meta.unitsById.get(unit.parentId);
  while (current) {
    if (byUnit.get(current.id) === true) return true;
    current = current.parentId === null ? undefined : meta.unitsById.get(current.parentId);
  }
  return false;
}

/**
 * The `versions` of one unit's evaluation: the structure, weight and scheme scoring versions, the assignment
 * that held, and per indicator its dated method version and the recorded target it used.
 */
export function versionsOf(args: {
  readonly method: ScorecardMethod;
  readonly assignment: AssignmentRef | null;
  readonly unit: OrgUnitRow;
  readonly meta: MetadataSnapshot;
  readonly inputs: UnitInputs;
  readonly asOf: Date | null;
}): EvaluationVersions {
  const { method, assignment, unit, meta, inputs } = args;
  return {
    asOf: args.asOf === null ? null : args.asOf.toISOString(),
    structure: used(method.structure),
    weights: used(method.weights),
    scoring: method.dated.scoring,
    assignment:
      assignment === null ? null : { ...used(assignment), assigned: covers(assignment, unit, meta) },
    indicators: method.dated.indicators.map((choice) => {
      const row = inputs.targetRows.get(choice.id);
      return {
        ...choice,
        target:
          row === undefined
            ? null
            : { id: row.recordId, period: row.periodId, recordedAt: row.recordedAt.toISOString() },
      };
    }),
  };
}

/** Each indicator's aggregated inputs and what they gave, as a publication keeps them. */
export function publicationInputsOf(
  method: ScorecardMethod,
  evaluation: ScorecardEvaluation,
  inputs: UnitInputs,
): PublicationInputRecord[] {
  const compiled = new Map(method.scorecard.perspectives.flatMap((p) => p.indicators).map((i) => [i.id, i]));
  const versions = new Map(method.dated.indicators.map((i) => [i.id, i.version]));
  return evaluation.perspectives.flatMap((perspective) =>
    perspective.indicators.map((indicator) => {
      // The parts the evaluation used: the indicator's pairwise roll-up where it has one.
      const data = inputs.inputs.indicatorData?.get(indicator.id) ?? inputs.inputs.data;
      const parts = computeIndicatorParts(compiled.get(indicator.id)?.formula ?? null, data);
      return {
        indicator: indicator.id,
        numerator: parts.numerator,
        denominator: parts.denominator,
        actual: indicator.actual,
        actualSource: indicator.actualSource,
        target: indicator.target,
        reference: indicator.reference,
        quantified: indicator.quantified,
        score: indicator.score,
        weight: indicator.weight,
        globalWeight: indicator.globalWeight,
        methodVersion: versions.get(indicator.id) ?? 0,
        targetRecordId: inputs.targetRows.get(indicator.id)?.recordId ?? null,
      };
    }),
  );
}
