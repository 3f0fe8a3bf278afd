/**
 * Targets per scorecard × indicator × scope × period: set in bulk (one transaction, every item checked first),
 * listed, and deleted one at a time. Every change is kept in `target_history` (a trigger), recorded at this
 * server's clock, so `asOf` evaluations read the targets as they were. The indicator must be a quantitative indicator of the scorecard's current
 * version (qualitative ones are scored by raters against a rubric, not against a target).
 */

import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import type {
  DeleteTargetQuery,
  ListTargetsQuery,
  PutTargetsBody,
  PutTargetsResult,
  Target,
  TargetInput,
} from '../../core/contracts/targets.ts';
import { invalid, issue, notFound, type ProblemIssue } from '../../core/errors/problem.ts';
import { type Period, parsePeriod, tryParsePeriod } from '../../core/periods/index.ts';
import type { AuditEntry } from '../../db/repositories/audit.repository.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import { findOrgUnitGroupsByCodes } from '../../db/repositories/org-unit-group.repository.ts';
import { ensurePeriods } from '../../db/repositories/period.repository.ts';
import { distinct, type Executor } from '../../db/repositories/query-helpers.ts';
import {
  deleteTarget,
  findTargetForUpdate,
  insertTarget,
  listTargets,
  recordTargetChangesAs,
  type TargetFigures,
  type TargetKeyIds,
  type TargetRecord,
  targetRootId,
  updateTarget,
} from '../../db/repositories/target.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import {
  readScope,
  requireReadableUnit,
  requireRoleOver,
  requireRoleOverAll,
  requireSomeRole,
} from './access.ts';
import { commitWrite } from './commit-write.ts';
import { isoTime, toPage } from './format.ts';
import { loadIndicatorIndex } from './indicator-index.ts';
import { requireOrgUnit, requireOrgUnitGroup, requireScorecard } from './lookups.ts';

/** A target's key in codes: what the API and the audit trail name it by. */
interface TargetCodes {
  readonly scorecard: string;
  readonly indicator: string;
  readonly period: string;
  readonly orgUnit: string | null;
  readonly orgUnitGroup: string | null;
  readonly level: number | null;
}

function scopeOf(key: {
  orgUnit: string | null;
  orgUnitGroup: string | null;
  level: number | null;
}): Target['scope'] {
  if (key.orgUnit !== null) return 'org-unit';
  if (key.orgUnitGroup !== null) return 'group';
  if (key.level !== null) return 'level';
  return 'all';
}

/** `AZ/F1/org-unit:AZ-H/2024`: the audit trail's key of a target. */
function targetEntityKey(key: TargetCodes): string {
  const scope =
    key.orgUnit !== null
      ? `org-unit:${key.orgUnit}`
      : key.orgUnitGroup !== null
        ? `group:${key.orgUnitGroup}`
        : key.level !== null
          ? `level:${key.level}`
          : 'all';
  return `${key.scorecard}/${key.indicator}/${scope}/${key.period}`;
}

function toTarget(codes: TargetCodes, figures: TargetFigures, setBy: string, setAt: Date): Target {
  return {
    scorecard: codes.scorecard,
    indicator: codes.indicator,
    scope: scopeOf(codes),
    orgUnit: codes.orgUnit,
    orgUnitGroup: codes.orgUnitGroup,
    level: codes.level,
    period: codes.period,
    target: figures.target,
    lower: figures.lower,
    upper: figures.upper,
    reference: figures.reference,
    source: figures.source,
    setBy,
    setAt: isoTime(setAt),
  };
}

function fromRecord(row: TargetRecord): Target {
  return toTarget(
    {
      scorecard: row.scorecardCode,
      indicator: row.indicatorCode,
      period: row.periodId,
      orgUnit: row.orgUnitCode,
      orgUnitGroup: row.orgUnitGroupCode,
      level: row.level,
    },
    row,
    row.setBy,
    row.setAt,
  );
}

function figuresOf(item: TargetInput): TargetFigures {
  return {
    target: item.target ?? null,
    lower: item.lower ?? null,
    upper: item.upper ?? null,
    reference: item.reference ?? null,
    source: item.source ?? null,
  };
}

function sameFigures(a: TargetFigures, b: TargetFigures): boolean {
  return (
    a.target === b.target &&
    a.lower === b.lower &&
    a.upper === b.upper &&
    a.reference === b.reference &&
    a.source === b.source
  );
}

interface PreparedTarget {
  readonly key: TargetKeyIds & { readonly rootId: number };
  readonly codes: TargetCodes;
  readonly figures: TargetFigures;
  readonly orgUnitId: number | null;
}

/**
 * Checks every item against the stored metadata; 400 listing every problem by index; 403 for a target of a unit
 * the actor does not design for (targets of groups, levels and every unit are the scorecard's, any strategist's).
 */
async function prepareTargets(
  db: Executor,
  actor: Actor,
  items: readonly TargetInput[],
): Promise<{ prepared: PreparedTarget[]; periods: Period[] }> {
  const [indicators, units, groups] = await Promise.all([
    loadIndicatorIndex(db, distinct(items.map((item) => item.scorecard))),
    findOrgUnitsByCodes(
      db,
      distinct(items.flatMap((item) => (item.orgUnit === undefined ? [] : [item.orgUnit]))),
    ),
    findOrgUnitGroupsByCodes(
      db,
      distinct(items.flatMap((item) => (item.orgUnitGroup === undefined ? [] : [item.orgUnitGroup]))),
    ),
  ]);
  requireRoleOverAll(actor, DESIGN_ROLES, units.values());
  const issues: ProblemIssue[] = [];
  const prepared: PreparedTarget[] = [];
  const periods: Period[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const at = (field: string): (string | number)[] => ['targets', index, field];
    const before = issues.length;
    const scorecard = indicators.get(item.scorecard);
    const indicator = scorecard?.indicators.get(item.indicator);
    if (scorecard === undefined)
      issues.push(issue('reference.unknown-scorecard', { code: item.scorecard }, at('scorecard')));
    else if (indicator === undefined) {
      const params = { indicator: item.indicator, scorecard: item.scorecard };
      issues.push(issue('reference.not-an-indicator', params, at('indicator')));
    } else if (indicator.kind !== 'quantitative') {
      issues.push(issue('target.qualitative', { indicator: item.indicator }, at('indicator')));
    }
    const unit = item.orgUnit === undefined ? undefined : units.get(item.orgUnit);
    if (item.orgUnit !== undefined && unit === undefined) {
      issues.push(issue('org-unit.unknown', { code: item.orgUnit }, at('orgUnit')));
    }
    const group = item.orgUnitGroup === undefined ? undefined : groups.get(item.orgUnitGroup);
    if (item.orgUnitGroup !== undefined && group === undefined) {
      issues.push(issue('org-unit.unknown-group', { code: item.orgUnitGroup }, at('orgUnitGroup')));
    }
    const period = tryParsePeriod(item.period);
    if (period === null) issues.push(issue('period.not-a-period', { value: item.period }, at('period')));
    const figures = figuresOf(item);
    if ((figures.lower === null) !== (figures.upper === null)) {
      issues.push(issue('target.band-incomplete', {}, at(figures.lower === null ? 'lower' : 'upper')));
    } else if (figures.lower !== null && figures.upper !== null && figures.lower > figures.upper) {
      issues.push(issue('target.band-reversed', { lower: figures.lower, upper: figures.upper }, at('lower')));
    }
    if (figures.target === null && (figures.lower === null || figures.upper === null)) {
      issues.push(issue('target.no-figure', {}, at('target')));
    }
    if (issues.length > before || scorecard === undefined || period === null) return;
    const codes: TargetCodes = {
      scorecard: item.scorecard,
      indicator: item.indicator,
      period: period.id,
      orgUnit: item.orgUnit ?? null,
      orgUnitGroup: item.orgUnitGroup ?? null,
      level: item.level ?? null,
    };
    const entityKey = targetEntityKey(codes);
    const first = seen.get(entityKey);
    if (first !== undefined) {
      issues.push(issue('target.duplicate', { first }, ['targets', index]));
      return;
    }
    seen.set(entityKey, index);
    periods.push(period);
    prepared.push({
      key: {
        rootId: targetRootId(unit),
        scorecardId: scorecard.id,
        indicatorCode: item.indicator,
        periodId: period.id,
        orgUnitId: unit?.id ?? null,
        orgUnitGroupId: group?.id ?? null,
        level: item.level ?? null,
      },
      codes,
      figures,
      orgUnitId: unit?.id ?? null,
    });
  });
  if (issues.length > 0) throw invalid('target.batch-invalid', {}, issues);
  return { prepared, periods };
}

/** Creates or replaces each target named by its key, all in one transaction. */
export async function putTargets(
  ctx: ServerContext,
  actor: Actor,
  input: PutTargetsBody,
): Promise<PutTargetsResult> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite(ctx, actor, async (trx) => {
    const { prepared, periods } = await prepareTargets(trx, actor, input.targets);
    await ensurePeriods(trx, periods);
    const now = ctx.now();
    await recordTargetChangesAs(trx, now, actor.id);
    const audit: AuditEntry[] = [];
    const items: Target[] = [];
    let created = 0;
    let updated = 0;
    for (const target of prepared) {
      const stored = await findTargetForUpdate(trx, target.key);
      const entityKey = targetEntityKey(target.codes);
      if (stored !== undefined && sameFigures(stored, target.figures)) {
        items.push(fromRecord(stored));
        continue;
      }
      if (stored === undefined) {
        await insertTarget(trx, target.key, target.figures, actor.id, now);
        created += 1;
      } else {
        await updateTarget(trx, stored.id, target.figures, actor.id, now);
        updated += 1;
      }
      const after = toTarget(target.codes, target.figures, actor.id, now);
      items.push(after);
      audit.push({
        action: stored === undefined ? 'create' : 'update',
        entity: 'target',
        entityKey,
        oldValue: stored === undefined ? null : fromRecord(stored),
        newValue: after,
        orgUnitId: target.orgUnitId,
      });
    }
    return {
      result: { created, updated, unchanged: prepared.length - created - updated, items },
      audit,
      touched: audit.length > 0 ? [{ kind: 'metadata' }] : [],
    };
  });
}

/** The ids of a scope's filters; 404 for a code that names nothing, 403 for a unit the actor does not read. */
async function resolveScope(
  db: Executor,
  actor: Actor,
  query: { readonly orgUnit?: string; readonly orgUnitGroup?: string },
): Promise<{ orgUnitId?: number; orgUnitGroupId?: number }> {
  return {
    orgUnitId:
      query.orgUnit === undefined ? undefined : (await requireReadableUnit(db, actor, query.orgUnit)).id,
    orgUnitGroupId:
      query.orgUnitGroup === undefined ? undefined : (await requireOrgUnitGroup(db, query.orgUnitGroup)).id,
  };
}

/** A page of targets: those of units outside the actor's scope are left out. */
export async function listTargetsPage(
  ctx: ServerContext,
  actor: Actor,
  input: ListTargetsQuery,
): Promise<Page<Target>> {
  const db = ctx.db.kysely;
  const scorecardId =
    input.scorecard === undefined ? undefined : (await requireScorecard(db, input.scorecard)).id;
  const page = await listTargets(
    db,
    {
      scorecardId,
      indicatorCode: input.indicator,
      periodId: input.period === undefined ? undefined : parsePeriod(input.period, ['period']).id,
      level: input.level,
      scope: input.scope,
      unitScope: readScope(actor),
      ...(await resolveScope(db, actor, input)),
    },
    input,
  );
  return toPage(page, input, fromRecord);
}

/** Deletes the one target with this key; 404 when there is none. */
export async function deleteTargetByKey(
  ctx: ServerContext,
  actor: Actor,
  input: DeleteTargetQuery,
): Promise<void> {
  requireSomeRole(actor, DESIGN_ROLES);
  await commitWrite(ctx, actor, async (trx) => {
    const scorecard = await requireScorecard(trx, input.scorecard);
    const period = parsePeriod(input.period, ['period']);
    if (input.orgUnit !== undefined)
      requireRoleOver(actor, DESIGN_ROLES, await requireOrgUnit(trx, input.orgUnit));
    const scope = await resolveScope(trx, actor, input);
    const stored = await findTargetForUpdate(trx, {
      scorecardId: scorecard.id,
      indicatorCode: input.indicator,
      periodId: period.id,
      orgUnitId: scope.orgUnitId ?? null,
      orgUnitGroupId: scope.orgUnitGroupId ?? null,
      level: input.level ?? null,
    });
    if (stored === undefined) throw notFound('target.not-found');
    await recordTargetChangesAs(trx, ctx.now(), actor.id);
    await deleteTarget(trx, stored.id);
    const old = fromRecord(stored);
    return {
      result: undefined,
      audit: [
        {
          action: 'delete',
          entity: 'target',
          entityKey: targetEntityKey(old),
          oldValue: old,
          orgUnitId: stored.orgUnitId,
        },
      ],
      touched: [{ kind: 'metadata' }],
    };
  });
}
