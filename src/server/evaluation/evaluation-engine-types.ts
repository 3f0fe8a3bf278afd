/**
 * What the evaluation engine (evaluation-engine.ts) is asked and answers: the queries, a ranked unit, the rows a
 * publication freezes and an explanation with the versions it names.
 */
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import type { IndicatorExplanation, ScorecardEvaluation } from '../../core/scorecard/index.ts';
import type { RankedEvaluation } from '../../core/scoring/ranking-views.ts';
import type { OrgUnitRow } from '../../db/repositories/evaluation.repository.ts';
import type { PublicationInputRecord } from '../../db/repositories/publication.repository.ts';
import type { ScorecardMethod, VersionRef } from './dated-scorecard.ts';
import type { UnitInputs } from './evaluation-inputs.ts';
import type { AssignmentRef } from './evaluation-versions.ts';

/** One unit's evaluation as JSON, as the core computed it, and the inputs it was computed from. */
export interface Evaluated {
  readonly json: EvaluationJson;
  readonly evaluation: ScorecardEvaluation;
  readonly inputs: UnitInputs;
}

export interface EvaluateQuery {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
  /** Evaluate with the methods and targets as recorded at this time; absent or null: as recorded now. */
  readonly asOf?: Date | null;
}

export interface RankingQuery {
  readonly scorecard: string;
  readonly period: string;
  /** Rank the children of this unit, or all its descendants. */
  readonly parent: string;
  readonly depth: 'children' | 'descendants';
  /** Rank all units together rather than among units of the same type and level. */
  readonly mix?: boolean;
}

/** A ranked unit with its evaluation: core's RankedEvaluation, which the ranking views sort and page. */
export type RankedUnit = RankedEvaluation;

/** One unit of a subtree as a publication freezes it: its evaluation and its indicators' inputs. */
export interface PublishedUnitRows {
  readonly unit: OrgUnitRow;
  readonly evaluation: EvaluationJson;
  readonly inputs: readonly PublicationInputRecord[];
}

/** A subtree's rows for a publication, with the versions they were computed by. */
export interface SubtreeRows {
  readonly rootId: number;
  readonly scorecardId: number;
  readonly structure: VersionRef;
  readonly weights: VersionRef;
  readonly assignment: AssignmentRef | null;
  readonly units: readonly PublishedUnitRows[];
}

/** What `explain` knows: the core's explanation, the method used, and the ids the service turns into names. */
export interface EngineExplanation {
  readonly period: string;
  readonly explanation: IndicatorExplanation;
  readonly method: ScorecardMethod;
  readonly versions: NonNullable<IndicatorExplanationVersions>;
  /** The applying target row's scope: the org unit's code, the group's id, or the level. */
  readonly scopeUnit: string | null;
  readonly scopeGroupId: number | null;
  readonly scopeLevel: number | null;
}

type EvaluationVersions = NonNullable<EvaluationJson['versions']>;

/** The versions an explanation names: the evaluation's, with only its own indicator. */
export interface IndicatorExplanationVersions {
  readonly asOf: string | null;
  readonly structure: EvaluationVersions['structure'];
  readonly weights: EvaluationVersions['weights'];
  readonly scoring: EvaluationVersions['scoring'];
  readonly indicator: EvaluationVersions['indicators'][number];
}
