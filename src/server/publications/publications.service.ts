/**
 * Publishing scores (core/contracts/publications.ts): strategists (design roles over the unit) publish a
 * scorecard × period × org-unit subtree; each unit's evaluation (with its approval status then), the aggregated
 * inputs of each indicator and the ids of every version are frozen in one audited transaction. Republishing
 * needs a reason and keeps the earlier publication; periods with unapproved data must be named. Everyone who
 * reads a unit reads its publications.
 */
import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import type {
  ListPublicationsQuery,
  Publication,
  PublicationCheck,
  PublishBody,
} from '../../core/contracts/publications.ts';
import { badRequest, conflict, invalid, issue, notFound } from '../../core/errors/problem.ts';
import { type Period, parsePeriod } from '../../core/periods/index.ts';
import { unapprovedPeriods, unnamedPeriods } from '../../core/publications/unapproved-periods.ts';
import { loadApprovalsOfScorecard } from '../../db/repositories/approval.repository.ts';
import { listOrgUnits, type OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import { ensurePeriods } from '../../db/repositories/period.repository.ts';
import {
  findLatestPublicationOfUnits,
  findPublication,
  insertPublication,
  insertPublicationResults,
  listPublications,
  type PublicationRecord,
} from '../../db/repositories/publication.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { lockScorecard, type ScorecardRecord } from '../../db/repositories/scorecard.repository.ts';
import type { JsonValue } from '../../db/schema.ts';
import type { Actor, ServerContext } from '../context.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { readableListFilter, requireReadableUnit, requireRoleOver } from '../services/access.ts';
import { approvalsOfEvaluations } from '../services/approvals.service.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime, toPage } from '../services/format.ts';
import { requireOrgUnit, requireScorecard } from '../services/lookups.ts';

export function toPublication(record: PublicationRecord): Publication {
  return {
    id: record.id,
    scorecard: record.scorecardCode,
    orgUnit: record.orgUnitCode,
    period: record.periodId,
    publishedBy: record.publishedBy,
    publishedAt: isoTime(record.publishedAt),
    reason: record.reason,
    replaces: record.replacesId,
    unapprovedPeriods: [...record.unapprovedPeriods],
    units: record.units,
    versions: {
      structure: { id: record.structureVersionId, version: record.structureVersion },
      weights: { id: record.weightVersionId, version: record.weightVersion },
    },
  };
}

interface Resolved {
  readonly scorecard: ScorecardRecord;
  readonly unit: OrgUnitRecord;
  readonly period: Period;
}

async function resolve(
  db: Executor,
  key: { scorecard: string; orgUnit: string; period: string },
): Promise<Resolved> {
  return {
    unit: await requireOrgUnit(db, key.orgUnit),
    scorecard: await requireScorecard(db, key.scorecard),
    period: parsePeriod(key.period, ['period']),
  };
}

/** The units of a subtree (the unit first), in tree order. */
async function subtreeIds(db: Executor, unit: OrgUnitRecord): Promise<number[]> {
  const { rows } = await listOrgUnits(db, { subtreeOf: unit.path }, { limit: 100_000, offset: 0 });
  return rows.map((row) => row.id);
}

async function unapprovedOf(db: Executor, { scorecard, unit, period }: Resolved): Promise<string[]> {
  const approvals = await loadApprovalsOfScorecard(db, scorecard.id, unit.rootId);
  return unapprovedPeriods(approvals, {
    scorecardId: scorecard.id,
    orgUnitPath: unit.path,
    period: period.id,
  });
}

/** What publishing the subtree now would do: how many units, the publication it replaces, the unapproved periods. */
export async function checkPublication(
  ctx: ServerContext,
  actor: Actor,
  key: { scorecard: string; orgUnit: string; period: string },
): Promise<PublicationCheck> {
  const db = ctx.db.kysely;
  const resolved = await resolve(db, key);
  requireRoleOver(actor, DESIGN_ROLES, resolved.unit);
  const units = await subtreeIds(db, resolved.unit);
  const previous = await findLatestPublicationOfUnits(db, {
    scorecardId: resolved.scorecard.id,
    periodId: resolved.period.id,
    rootId: resolved.unit.rootId,
    orgUnitIds: units,
  });
  return {
    units: units.length,
    previous: previous === undefined ? null : toPublication(previous),
    unapprovedPeriods: await unapprovedOf(db, resolved),
  };
}

/**
 * Publishes the scorecard for the unit's subtree and period. 403 unless the actor designs over the unit; 400 when
 * the score was published before and no reason is given, or a named period is not an unapproved one; 409 naming
 * the periods with unapproved data the publisher did not name. Returns the publication (201).
 */
export async function publish(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  body: PublishBody,
): Promise<Publication> {
  const db = ctx.db.kysely;
  const resolved = await resolve(db, body);
  const { scorecard, unit, period } = resolved;
  requireRoleOver(actor, DESIGN_ROLES, unit);
  const needed = await unapprovedOf(db, resolved);
  const named = (body.unapprovedPeriods ?? []).map((p, i) => parsePeriod(p, ['unapprovedPeriods', i]).id);
  const strays = named
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p !== period.id && !needed.includes(p))
    .map(({ p, i }) =>
      issue('publication.not-unapproved', { period: p, periods: needed.join(', ') || '—' }, [
        'unapprovedPeriods',
        i,
      ]),
    );
  if (strays.length > 0) throw invalid('request.invalid-body', {}, strays);
  const unnamed = unnamedPeriods(needed, named, period.id);
  if (unnamed.length > 0) {
    throw conflict('publication.unapproved-data', { orgUnit: unit.code, periods: unnamed.join(', ') });
  }
  const rows = await engine.subtreeRows({ scorecard: scorecard.code, orgUnit: unit.code, period: period.id });
  const approvals = await approvalsOfEvaluations(
    db,
    scorecard,
    await unitsOfRows(db, unit, rows.units.length),
    period.id,
  );
  return commitWrite(ctx, actor, async (trx) => {
    // Publishers of one scorecard take turns, so two never both publish "for the first time".
    await lockScorecard(trx, scorecard.id);
    const previous = await findLatestPublicationOfUnits(trx, {
      scorecardId: scorecard.id,
      periodId: period.id,
      rootId: unit.rootId,
      orgUnitIds: rows.units.map((r) => r.unit.id),
    });
    const reason = body.reason ?? null;
    if (previous !== undefined && reason === null) {
      throw badRequest(
        'publication.reason-required',
        { id: previous.id, publishedAt: isoTime(previous.publishedAt), publishedBy: previous.publishedBy },
        ['reason'],
      );
    }
    await ensurePeriods(trx, [period]);
    const publishedAt = ctx.now();
    const id = await insertPublication(trx, {
      rootId: rows.rootId,
      scorecardId: scorecard.id,
      orgUnitId: unit.id,
      periodId: period.id,
      structureVersionId: rows.structure.id,
      weightVersionId: rows.weights.id,
      assignmentVersionId: rows.assignment?.id ?? null,
      replacesId: previous?.id ?? null,
      reason,
      unapprovedPeriods: needed,
      publishedBy: actor.id,
      publishedAt,
    });
    await insertPublicationResults(
      trx,
      rows.rootId,
      id,
      rows.units.map(({ unit: u, evaluation, inputs }) => {
        const frozen: EvaluationJson = { ...evaluation, approval: approvals.get(u.code) };
        return {
          orgUnitId: u.id,
          evaluation: asJson(frozen),
          total: evaluation.total,
          ratingCode: evaluation.ratingCode,
          coverage: evaluation.weightCoverage,
          inputs,
        };
      }),
    );
    const stored = await findPublication(trx, id);
    if (stored === undefined) throw new Error(`publication ${id} was not stored`);
    const result = toPublication(stored);
    return {
      result,
      audit: [
        {
          action: 'publish',
          entity: 'publication',
          entityKey: `${scorecard.code}/${unit.code}/${period.id}`,
          oldValue: previous === undefined ? null : { id: previous.id },
          newValue: {
            id,
            units: result.units,
            structureVersion: result.versions.structure.version,
            weightVersion: result.versions.weights.version,
            unapprovedPeriods: needed,
          },
          reason,
          orgUnitId: unit.id,
        },
      ],
      // No figure changes, but the publication beside each evaluation does: heard by the engines that keep the
      // latest publications in memory (../evaluation/heard-publications.ts), on every server through the relay.
      touched: [{ kind: 'publications', rootId: unit.rootId }],
    };
  });
}

/** The units the engine evaluated (the unit and its subtree), as the approval lookup needs them. */
async function unitsOfRows(db: Executor, unit: OrgUnitRecord, count: number): Promise<OrgUnitRecord[]> {
  const { rows } = await listOrgUnits(db, { subtreeOf: unit.path }, { limit: Math.max(count, 1), offset: 0 });
  return rows;
}

function asJson(value: unknown): JsonValue {
  const json: JsonValue = JSON.parse(JSON.stringify(value));
  return json;
}

/** A page of publications of units the actor reads, newest first. */
export async function listPublicationsPage(
  ctx: ServerContext,
  actor: Actor,
  query: ListPublicationsQuery,
): Promise<Page<Publication>> {
  const db = ctx.db.kysely;
  const page = await listPublications(db, await readableListFilter(db, actor, query), query);
  return toPage(page, query, toPublication);
}

/** One publication; 404 when there is none, 403 when its unit is outside the actor's scope. */
export async function getPublication(ctx: ServerContext, actor: Actor, id: number): Promise<Publication> {
  const db = ctx.db.kysely;
  const found = await findPublication(db, id);
  if (found === undefined) throw notFound('publication.not-found', { id });
  await requireReadableUnit(db, actor, found.orgUnitCode);
  return toPublication(found);
}
