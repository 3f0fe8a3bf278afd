/**
 * Incentive allocation (core/contracts/incentives.ts): the performance office (design roles over the unit)
 * previews and saves the sharing of a pool among the children of a unit by their published totals; an approver
 * other than its creator approves it, which freezes it; a new allocation of the same key replaces the latest one
 * only with a reason, keeping it. Only published scores are allocated: the latest publication covering the unit
 * is used and named. Whoever reads the unit reads its allocations.
 */
import { APPROVE_ROLES, DESIGN_ROLES } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import {
  type AllocatedUnitJson,
  type Allocation,
  type AllocationBody,
  type AllocationPreview,
  type AllocationRuleJson,
  allocatedUnitSchema,
  allocationRuleSchema,
  type ListAllocationsQuery,
} from '../../core/contracts/incentives.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors/problem.ts';
import { type AllocationRule, allocate } from '../../core/incentives/allocate.ts';
import { minorDigits, toMajor, toMinor } from '../../core/incentives/currency.ts';
import { parsePeriod } from '../../core/periods/index.ts';
import {
  type AllocationRecord,
  findAllocation,
  findLatestAllocation,
  insertAllocation,
  insertApproval,
  listAllocations,
  loadPublishedTotals,
} from '../../db/repositories/incentive.repository.ts';
import { listOrgUnits, type OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import { findPublishedResult } from '../../db/repositories/publication.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { ScorecardRecord } from '../../db/repositories/scorecard.repository.ts';
import type { JsonValue } from '../../db/schema.ts';
import type { Actor, ServerContext } from '../context.ts';
import { readableListFilter, requireReadableUnit, requireRoleOver } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime, toPage } from '../services/format.ts';
import { requireOrgUnit, requireScorecard } from '../services/lookups.ts';

/** The contract's rule (major units) as the core's (integer minor units). */
function coreRule(rule: AllocationRuleJson, digits: number): AllocationRule {
  const bound = (value: number | null | undefined) => (value == null ? null : toMinor(value, digits));
  return {
    base: rule.base,
    bases: rule.bases ?? {},
    threshold: rule.threshold ?? null,
    tiers: rule.tiers ?? [],
    floor: bound(rule.floor),
    cap: bound(rule.cap),
    roundingUnit: Math.max(1, toMinor(rule.rounding, digits)),
  };
}

interface Computed {
  readonly scorecard: ScorecardRecord;
  readonly unit: OrgUnitRecord;
  readonly period: string;
  readonly preview: AllocationPreview;
  readonly poolMinor: number;
  readonly publicationId: number;
}

/** The children of the unit that share its pool, in tree order. */
async function sharingUnits(db: Executor, unit: OrgUnitRecord): Promise<OrgUnitRecord[]> {
  const { rows } = await listOrgUnits(db, { parentId: unit.id }, { limit: 100_000, offset: 0 });
  if (rows.length === 0) throw badRequest('incentive.no-units', { orgUnit: unit.code }, ['orgUnit']);
  return rows;
}

async function compute(ctx: ServerContext, actor: Actor, body: AllocationBody): Promise<Computed> {
  const db = ctx.db.kysely;
  const unit = await requireOrgUnit(db, body.orgUnit);
  const scorecard = await requireScorecard(db, body.scorecard);
  const period = parsePeriod(body.period, ['period']).id;
  requireRoleOver(actor, DESIGN_ROLES, unit);
  const published = await findPublishedResult(db, {
    scorecardId: scorecard.id,
    periodId: period,
    rootId: unit.rootId,
    orgUnitId: unit.id,
    asOf: null,
  });
  if (published === undefined) {
    throw conflict('incentive.unpublished-period', { scorecard: scorecard.code, orgUnit: unit.code, period });
  }
  const children = await sharingUnits(db, unit);
  const totals = await loadPublishedTotals(
    db,
    unit.rootId,
    published.publication.id,
    children.map((c) => c.id),
  );
  const digits = minorDigits(body.currency);
  const poolMinor = toMinor(body.pool, digits);
  const allocated = allocate({
    pool: poolMinor,
    digits,
    units: children.map((c) => ({
      code: c.code,
      score: totals.get(c.id)?.total ?? null,
      rating: totals.get(c.id)?.ratingCode ?? null,
    })),
    rule: coreRule(body.rule, digits),
  });
  const units: AllocatedUnitJson[] = allocated.map((a, i) => {
    const child = children[i];
    return {
      orgUnit: a.code,
      name: child?.nameZh ? { en: child.nameEn, zh: child.nameZh } : { en: child?.nameEn ?? a.code },
      score: a.score,
      rating: a.rating,
      base: a.base,
      multiplier: a.multiplier,
      excluded: a.excluded,
      weight: a.weight,
      share: a.share,
      exact: a.exact / 10 ** digits,
      amount: toMajor(a.amount, digits),
      bound: a.bound,
    };
  });
  return {
    scorecard,
    unit,
    period,
    poolMinor,
    publicationId: published.publication.id,
    preview: {
      scorecard: scorecard.code,
      orgUnit: unit.code,
      period,
      pool: toMajor(poolMinor, digits),
      currency: body.currency,
      rule: body.rule,
      publication: {
        id: published.publication.id,
        publishedAt: isoTime(published.publication.publishedAt),
        publishedBy: published.publication.publishedBy,
      },
      units,
    },
  };
}

/**
 * What the rule would pay each unit now, without saving (the what-if). 403 unless the actor designs over the
 * unit; 409 when the period is not published for it; 400 for a rule that cannot be met.
 */
export async function previewAllocation(
  ctx: ServerContext,
  actor: Actor,
  body: AllocationBody,
): Promise<AllocationPreview> {
  return (await compute(ctx, actor, body)).preview;
}

function statusOf(record: AllocationRecord): Allocation['status'] {
  if (record.replacedBy !== null) return 'superseded';
  return record.approvedBy === null ? 'draft' : 'approved';
}

export function toAllocation(record: AllocationRecord): Allocation {
  const digits = minorDigits(record.currency);
  return {
    id: record.id,
    scorecard: record.scorecardCode,
    orgUnit: record.orgUnitCode,
    period: record.periodId,
    pool: toMajor(record.poolMinor, digits),
    currency: record.currency,
    rule: allocationRuleSchema.parse(record.rule),
    publication: {
      id: record.publicationId,
      publishedAt: isoTime(record.publishedAt),
      publishedBy: record.publishedBy,
    },
    units: allocatedUnitSchema.array().parse(record.units),
    status: statusOf(record),
    createdBy: record.createdBy,
    createdAt: isoTime(record.createdAt),
    approvedBy: record.approvedBy,
    approvedAt: record.approvedAt === null ? null : isoTime(record.approvedAt),
    replaces: record.replacesId,
    reason: record.reason,
    replacedBy: record.replacedBy,
  };
}

function asJson(value: unknown): JsonValue {
  const json: JsonValue = JSON.parse(JSON.stringify(value));
  return json;
}

/**
 * Saves an allocation as a draft naming the publication it used (201). When the key was allocated before, a
 * reason is required and the new one replaces the latest, which is kept.
 */
export async function createAllocation(
  ctx: ServerContext,
  actor: Actor,
  body: AllocationBody,
): Promise<Allocation> {
  const computed = await compute(ctx, actor, body);
  const { scorecard, unit, period } = computed;
  return commitWrite(ctx, actor, async (trx) => {
    const key = { rootId: unit.rootId, scorecardId: scorecard.id, periodId: period, orgUnitId: unit.id };
    const previous = await findLatestAllocation(trx, key);
    const reason = body.reason ?? null;
    if (previous !== undefined && reason === null) {
      throw badRequest(
        'incentive.reason-required',
        { id: previous.id, createdAt: isoTime(previous.createdAt), createdBy: previous.createdBy },
        ['reason'],
      );
    }
    const id = await insertAllocation(trx, {
      ...key,
      publicationId: computed.publicationId,
      poolMinor: computed.poolMinor,
      currency: body.currency,
      rule: asJson(body.rule),
      units: asJson(computed.preview.units),
      replacesId: previous?.id ?? null,
      reason,
      createdBy: actor.id,
      createdAt: ctx.now(),
    });
    const stored = await findAllocation(trx, id);
    if (stored === undefined) throw new Error(`allocation ${id} was not stored`);
    const result = toAllocation(stored);
    return {
      result,
      audit: [
        {
          action: previous === undefined ? 'allocate' : 'restate',
          entity: 'incentive_allocation',
          entityKey: `${scorecard.code}/${unit.code}/${period}`,
          oldValue: previous === undefined ? null : { id: previous.id },
          newValue: {
            id,
            publication: computed.publicationId,
            pool: result.pool,
            currency: result.currency,
            amounts: Object.fromEntries(result.units.map((u) => [u.orgUnit, u.amount])),
          },
          reason,
          orgUnitId: unit.id,
        },
      ],
      touched: [],
    };
  });
}

async function readableAllocation(ctx: ServerContext, actor: Actor, id: number): Promise<AllocationRecord> {
  const found = await findAllocation(ctx.db.kysely, id);
  if (found === undefined) throw notFound('incentive.not-found', { id });
  await requireReadableUnit(ctx.db.kysely, actor, found.orgUnitCode);
  return found;
}

/**
 * Approves an allocation: approvers over its unit other than its creator (403 `incentive.own-approval`); 409 when
 * it is approved already or was restated. Approved, it is frozen.
 */
export async function approveAllocation(ctx: ServerContext, actor: Actor, id: number): Promise<Allocation> {
  const found = await findAllocation(ctx.db.kysely, id);
  if (found === undefined) throw notFound('incentive.not-found', { id });
  const unit = await requireOrgUnit(ctx.db.kysely, found.orgUnitCode);
  requireRoleOver(actor, APPROVE_ROLES, unit);
  if (found.createdBy === actor.id) throw forbidden('incentive.own-approval', { id });
  return commitWrite(ctx, actor, async (trx) => {
    const current = await findAllocation(trx, id);
    if (current === undefined) throw notFound('incentive.not-found', { id });
    if (current.replacedBy !== null) throw conflict('incentive.superseded', { id, by: current.replacedBy });
    if (current.approvedBy !== null && current.approvedAt !== null) {
      throw conflict('incentive.already-approved', {
        id,
        approvedAt: isoTime(current.approvedAt),
        approvedBy: current.approvedBy,
      });
    }
    await insertApproval(trx, {
      rootId: current.rootId,
      allocationId: id,
      approvedBy: actor.id,
      approvedAt: ctx.now(),
    });
    const stored = await findAllocation(trx, id);
    if (stored === undefined) throw new Error(`allocation ${id} vanished`);
    return {
      result: toAllocation(stored),
      audit: [
        {
          action: 'approve',
          entity: 'incentive_allocation',
          entityKey: `${current.scorecardCode}/${current.orgUnitCode}/${current.periodId}`,
          oldValue: null,
          newValue: { id },
          reason: null,
          orgUnitId: current.orgUnitId,
        },
      ],
      touched: [],
    };
  });
}

/** One allocation; 404 when there is none, 403 outside the actor's scope. */
export async function getAllocation(ctx: ServerContext, actor: Actor, id: number): Promise<Allocation> {
  return toAllocation(await readableAllocation(ctx, actor, id));
}

/** A page of allocations of units the actor reads, newest first (the history). */
export async function listAllocationsPage(
  ctx: ServerContext,
  actor: Actor,
  query: ListAllocationsQuery,
): Promise<Page<Allocation>> {
  const db = ctx.db.kysely;
  const page = await listAllocations(db, await readableListFilter(db, actor, query), query);
  return toPage(page, query, toAllocation);
}
