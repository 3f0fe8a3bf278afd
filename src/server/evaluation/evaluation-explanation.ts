/**
 * How one indicator of a unit's evaluation got its score (issue 5), from the evaluation the engine computed
 * (evaluation-engine.ts `explain`): the same inputs run through the core's `explainIndicator`, with the target
 * row's trail and the versions used.
 */

import { notFound } from '../../core/errors/problem.ts';
import { evaluateScorecard, explainIndicator, isVolumeIndicator } from '../../core/scorecard/index.ts';
import type { OrgUnitRow, RecordedTargetRow } from '../../db/repositories/evaluation.repository.ts';
import type { DatedScorecard } from './dated-scorecard.ts';
import type { EngineExplanation, Evaluated } from './evaluation-engine-types.ts';
import { EMPTY_INPUTS, targetUnitOf } from './evaluation-inputs.ts';
import type { MetadataSnapshot } from './metadata-snapshot.ts';

/**
 * The explanation of `indicator` in `result` (the unit's evaluation for `period` with the methods as recorded
 * at `asOf`; none when nothing was evaluated). 404 when the scorecard has no such indicator.
 */
export async function explanationOf({
  meta,
  scorecard,
  unit,
  period,
  asOf,
  indicator,
  result,
}: {
  readonly meta: MetadataSnapshot;
  readonly scorecard: DatedScorecard;
  readonly unit: OrgUnitRow;
  readonly period: string;
  readonly asOf: Date | null;
  readonly indicator: string;
  readonly result: Evaluated | undefined;
}): Promise<EngineExplanation> {
  const method = scorecard.method(period, asOf);
  const targets = await scorecard.targetsAt(asOf);
  const compiled = method.scorecard.perspectives.flatMap((p) => p.indicators).find((i) => i.id === indicator);
  const volume = compiled !== undefined && isVolumeIndicator(compiled, meta.elementsByCode);
  const target = targets.trace(indicator, targetUnitOf(unit, meta), period, { volume });
  const inputs = result?.inputs.inputs ?? EMPTY_INPUTS;
  const explanation = explainIndicator({
    scorecard: method.scorecard,
    evaluation: result?.evaluation ?? evaluateScorecard(method.scorecard, inputs),
    inputs,
    indicatorId: indicator,
    target,
    period,
  });
  const versions = result?.json.versions;
  const indicatorVersion = versions?.indicators.find((i) => i.id === indicator);
  if (!explanation || !versions || !indicatorVersion) {
    throw notFound('evaluation.no-indicator', { scorecard: scorecard.code, indicator });
  }
  const row: RecordedTargetRow | null = target.row;
  const scopeUnit = row?.orgUnitId == null ? undefined : meta.unitsById.get(row.orgUnitId);
  return {
    period,
    explanation,
    method,
    versions: {
      asOf: versions.asOf,
      structure: versions.structure,
      weights: versions.weights,
      scoring: versions.scoring,
      indicator: indicatorVersion,
    },
    scopeUnit: scopeUnit?.code ?? null,
    scopeGroupId: row?.groupId ?? null,
    scopeLevel: row?.level ?? null,
  };
}
