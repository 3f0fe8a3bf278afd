/**
 * A survey's results for strategists, and applying them: the aggregated weights become a new dated weight
 * version of the scorecard (scorecard-weights.service.ts `writeScorecardWeights`, so they are checked and dated
 * as typed-in weights are), holding the counted experts' matrices, with an append-only record of the
 * application and the version's provenance, in one transaction.
 */
import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type {
  ApplySurveyBody,
  ApplySurveyResult,
  SurveyResults,
  SurveyResultsQuery,
} from '../../core/contracts/surveys.ts';
import { conflict, invalid, type ProblemIssue } from '../../core/errors/problem.ts';
import type { ScorecardFile } from '../../core/scorecard/index.ts';
import { computeSurveyResults, type SurveyAhpSettings, surveyWeightsFile } from '../../core/surveys/index.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { findStructureVersion, findWeightVersion } from '../../db/repositories/scorecard.repository.ts';
import {
  findWeightProvenance,
  insertSurveyApplication,
  insertWeightProvenance,
  listSurveyApplications,
  lockSurvey,
  setSurveyStatus,
} from '../../db/repositories/survey.repository.ts';
import type { JsonValue } from '../../db/schema.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireSomeRole } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';
import { mergeScorecardFile } from '../services/scorecard-files.ts';
import { writeScorecardWeights } from '../services/scorecard-weights.service.ts';
import { toWeightProvenance } from '../services/scorecards.service.ts';
import { expertAnswersOf, loadSurveyState, type SurveyState, settingsOf, toSurvey } from './survey-state.ts';
import { summaryOf } from './surveys.service.ts';

/** The scorecard's current file (its AHP method is the survey's, so applied weights compile the same). */
async function currentFile(db: Executor, scorecardId: number): Promise<ScorecardFile> {
  const structure = await findStructureVersion(db, scorecardId);
  const weights = await findWeightVersion(db, scorecardId);
  if (structure === undefined || weights === undefined) {
    throw new Error(`Scorecard ${scorecardId} has no structure or weight version.`);
  }
  return mergeScorecardFile(structure, weights);
}

async function settingsFor(db: Executor, state: SurveyState): Promise<SurveyAhpSettings> {
  const method = (await currentFile(db, state.record.scorecardId)).ahp.method;
  return { ...settingsOf(state.record), ...(method === undefined ? {} : { method }) };
}

function resultsOf(
  state: SurveyState,
  settings: SurveyAhpSettings,
  query: SurveyResultsQuery,
): SurveyResults & { readonly problems: readonly ProblemIssue[] } {
  const computed = computeSurveyResults(state.nodes, expertAnswersOf(state), settings, query);
  return {
    problems: computed.blockers,
    survey: state.record.id,
    status: state.record.status,
    aggregation: query.aggregation,
    inconsistent: query.inconsistent,
    experts: computed.experts,
    nodes: computed.nodes,
    hierarchy: { consensus: computed.consensus, globalWeights: computed.globalWeights },
    blockers: computed.blockers,
  };
}

/** Each expert's weights and CR per node, and the panel's, for a choice of aggregation (open surveys too). */
export async function getSurveyResults(
  ctx: ServerContext,
  actor: Actor,
  input: SurveyResultsQuery & { readonly id: number },
): Promise<SurveyResults> {
  requireSomeRole(actor, DESIGN_ROLES);
  const db = ctx.db.kysely;
  const state = await loadSurveyState(db, input.id);
  const { problems: _problems, ...results } = resultsOf(state, await settingsFor(db, state), input);
  return results;
}

/**
 * Applies a closed survey's result as a new weight version of its scorecard, from `effectiveFrom` (default: the
 * next period with no published score). 409 while the survey is open or when the same result was applied
 * already; 400 when a node has no counted expert, or when the weights do not fit the scorecard any more.
 */
export async function applySurvey(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly id: number; readonly body: ApplySurveyBody },
): Promise<ApplySurveyResult> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite<ApplySurveyResult>(ctx, actor, async (trx) => {
    await lockSurvey(trx, input.id);
    const state = await loadSurveyState(trx, input.id);
    if (state.record.status === 'open') throw conflict('survey.not-closed', { id: input.id });
    const choice = { aggregation: input.body.aggregation, inconsistent: input.body.inconsistent };
    const results = resultsOf(state, await settingsFor(trx, state), choice);
    if (results.problems.length > 0) {
      throw invalid('survey.not-applicable', { count: results.problems.length }, results.problems);
    }
    const experts = expertAnswersOf(state);
    const weights = surveyWeightsFile({ nodes: state.nodes, results: results.nodes, experts, ...choice });
    const written = await writeScorecardWeights(ctx, trx, actor, {
      code: state.record.scorecardCode,
      body: {
        weights,
        ...(input.body.effectiveFrom === undefined ? {} : { effectiveFrom: input.body.effectiveFrom }),
        source: 'survey',
        sourceRef: `survey ${state.record.id}: ${state.record.title}`.slice(0, 200),
        ...(input.body.note === undefined ? {} : { note: input.body.note }),
      },
    });
    if (written.storedId === null) {
      const version = written.outcome.result;
      throw conflict('survey.already-applied', {
        effectiveFrom: version.effectiveFrom ?? '—',
        version: version.version,
      });
    }
    const counted = new Set(results.nodes.flatMap((n) => n.experts));
    const now = ctx.now();
    const nodeResults: JsonValue = JSON.parse(JSON.stringify(results.nodes));
    const applicationId = await insertSurveyApplication(trx, {
      surveyId: state.record.id,
      weightVersionId: written.storedId,
      ...choice,
      expertsCounted: counted.size,
      expertsTotal: state.experts.length,
      result: nodeResults,
      appliedBy: actor.id,
      now,
    });
    await insertWeightProvenance(trx, {
      weightVersionId: written.storedId,
      applicationId,
      overridden: false,
    });
    await setSurveyStatus(trx, state.record.id, { status: 'applied' });
    const provenance = (await findWeightProvenance(trx, [written.storedId])).get(written.storedId);
    const application = (await listSurveyApplications(trx, state.record.id)).find(
      (a) => a.id === applicationId,
    );
    if (provenance === undefined || application === undefined)
      throw new Error('The application was not stored.');
    const survey = await toSurvey(trx, await loadSurveyState(trx, state.record.id), now);
    return {
      result: {
        survey: summaryOf(survey),
        application: {
          id: application.id,
          weightVersion: application.weightVersion,
          effectiveFrom: application.effectiveFrom,
          aggregation: application.aggregation,
          inconsistent: application.inconsistent,
          expertsCounted: application.expertsCounted,
          appliedBy: application.appliedBy,
          appliedAt: isoTime(application.appliedAt),
        },
        weights: { ...written.outcome.result, provenance: toWeightProvenance(provenance) },
        provenance: toWeightProvenance(provenance),
      },
      audit: [
        ...written.outcome.audit,
        {
          action: 'apply',
          entity: 'survey',
          entityKey: String(state.record.id),
          oldValue: { status: state.record.status },
          newValue: {
            status: 'applied',
            weightVersion: written.outcome.result.version,
            effectiveFrom: written.outcome.result.effectiveFrom,
            ...choice,
            expertsCounted: counted.size,
            expertsTotal: state.experts.length,
          },
        },
      ],
      touched: written.outcome.touched,
    };
  });
}
