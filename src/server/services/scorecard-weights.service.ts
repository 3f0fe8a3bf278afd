/**
 * Setting a scorecard's weights without touching its structure: a new weight version, checked by compiling the
 * current structure with the new weights (so AHP matrices are validated exactly as in a file), recording where
 * the weights came from (typed in, AHP, a survey), why, and from which period they hold (by default the next
 * period with no published score: earlier periods keep the weights that held for them).
 */

import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { PutWeightsBody, PutWeightsResult } from '../../core/contracts/scorecards.ts';
import { badRequest } from '../../core/errors/problem.ts';
import { compileScorecard } from '../../core/scorecard/index.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  findStructureVersion,
  findWeightVersion,
  insertWeightVersion,
  lockScorecard,
  touchScorecard,
} from '../../db/repositories/scorecard.repository.ts';
import { findWeightProvenance, insertWeightProvenance } from '../../db/repositories/survey.repository.ts';
import type { JsonValue } from '../../db/schema.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireSomeRole } from './access.ts';
import { commitWrite, type WriteOutcome } from './commit-write.ts';
import { assertVersionsCombine, effectiveFromOf } from './dated-versions.ts';
import { sameJson } from './json-equal.ts';
import { requireScorecard } from './lookups.ts';
import { mergeScorecardFile } from './scorecard-files.ts';
import { toWeightVersion } from './scorecards.service.ts';

/**
 * Stores `weights` as the scorecard's next weight version, holding from `effectiveFrom` (or the weights block's
 * own `effectiveFrom`; by default the next period with no published score; null: since the beginning). 400
 * listing every problem (paths start at `weights`, as in the body), or when the two dates disagree, or when the
 * weights do not combine with a structure version they would be paired with; nothing is stored when the
 * weights, their period, source, reference and note equal the current version's.
 */
export async function putScorecardWeights(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string; readonly body: PutWeightsBody },
): Promise<PutWeightsResult> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite<PutWeightsResult>(ctx, actor, async (trx) => {
    const written = await writeScorecardWeights(ctx, trx, actor, input);
    // Weights typed over a survey's weights keep saying where they came from, marked overridden (the survey
    // keeps its matrices).
    if (written.storedId !== null && input.body.source === 'manual') {
      const previous = (await findWeightProvenance(trx, [written.previousId])).get(written.previousId);
      if (previous !== undefined) {
        await insertWeightProvenance(trx, {
          weightVersionId: written.storedId,
          applicationId: previous.applicationId,
          overridden: true,
        });
      }
    }
    return written.outcome;
  });
}

/** What writing weights did: the outcome, the version it followed and the one it stored (null: unchanged). */
export interface WrittenWeights {
  readonly outcome: WriteOutcome<PutWeightsResult>;
  readonly previousId: number;
  readonly storedId: number | null;
}

/**
 * `putScorecardWeights` inside a caller's transaction (applying a survey writes its weights and its provenance
 * in one): checks, stores and says what to audit; no role check.
 */
export async function writeScorecardWeights(
  ctx: ServerContext,
  trx: Executor,
  actor: Actor,
  input: { readonly code: string; readonly body: PutWeightsBody },
): Promise<WrittenWeights> {
  const scorecard = await requireScorecard(trx, input.code);
  await lockScorecard(trx, scorecard.id);
  const structure = await findStructureVersion(trx, scorecard.id);
  const current = await findWeightVersion(trx, scorecard.id);
  // Every scorecard is stored with both from its first import; their absence would be a bug.
  if (structure === undefined || current === undefined) {
    throw new Error(`The scorecard '${scorecard.code}' has no structure or weight version.`);
  }
  // The structure as @2 (one stored by an older import is @1), so the weights may use @2's additions.
  const file = mergeScorecardFile(structure, current);
  const requested = input.body.effectiveFrom;
  const ownDate = input.body.weights.effectiveFrom;
  if (requested !== undefined && ownDate !== undefined && requested !== ownDate) {
    throw badRequest('scorecard.effective-from-mismatch', { requested: requested ?? '—', file: ownDate }, [
      'weights',
      'effectiveFrom',
    ]);
  }
  const effectiveFrom = await effectiveFromOf(
    trx,
    scorecard.id,
    file.periodType,
    requested !== undefined ? requested : ownDate,
  );
  // The period is kept in the block too, so an exported file says from when its weights hold.
  const { effectiveFrom: _own, ...rest } = input.body.weights;
  const dated = effectiveFrom === null ? rest : { ...rest, effectiveFrom };
  const compiled = compileScorecard({ ...file, weights: dated });
  const weights: JsonValue = JSON.parse(JSON.stringify(compiled.definition.weights));
  const sourceRef = input.body.sourceRef ?? null;
  const note = input.body.note ?? null;
  const unchanged =
    sameJson(current.weights, weights) &&
    current.effectiveFrom === effectiveFrom &&
    current.source === input.body.source &&
    current.sourceRef === sourceRef &&
    current.note === note;
  const warnings = [...compiled.warnings];
  if (unchanged) {
    return {
      outcome: {
        result: {
          ...toWeightVersion(current),
          created: false,
          weights: compiled.definition.weights,
          warnings,
        },
        audit: [],
        touched: [],
      },
      previousId: current.id,
      storedId: null,
    };
  }
  const now = ctx.now();
  const stored = await insertWeightVersion(trx, scorecard.id, {
    weights,
    effectiveFrom,
    source: input.body.source,
    sourceRef,
    note,
    createdBy: actor.id,
    now,
  });
  await assertVersionsCombine(trx, scorecard.id, scorecard.code);
  await touchScorecard(trx, scorecard.id, { nameEn: scorecard.nameEn, nameZh: scorecard.nameZh, now });
  const outcome: WriteOutcome<PutWeightsResult> = {
    result: { ...toWeightVersion(stored), created: true, weights: compiled.definition.weights, warnings },
    audit: [
      {
        action: 'create',
        entity: 'weight_version',
        entityKey: scorecard.code,
        oldValue: { version: current.version, source: current.source },
        newValue: { version: stored.version, effectiveFrom, source: stored.source, sourceRef, note },
      },
    ],
    touched: [{ kind: 'metadata' }],
  };
  return { outcome, previousId: current.id, storedId: stored.id };
}
